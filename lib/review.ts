import { addWeeks, startOfWeek } from 'date-fns';
import { CHART_WEEKS, WEEK_STARTS_ON } from './metrics';
import type { Touch } from './model';

export type ReviewTouch = Pick<
  Touch,
  'id' | 'contactId' | 'at' | 'outcome' | 'note' | 'goodNews' | 'createdAt'
>;

/** A withdrawal the review follows: the negative touch that started the clock, and its repair. */
export interface Withdrawal {
  contactId: string;
  start: ReviewTouch;
  /** The positive touch that repaired it; absent while it is open. */
  repair?: ReviewTouch;
  /** Calendar days from `start` to `repair`; absent while it is open. */
  days?: number;
}

/** A repair within this many calendar days counts as quick. */
export const QUICK_REPAIR_DAYS = 7;

const DAY_MS = 24 * 3600 * 1000;

/**
 * The local calendar date of an instant, as a count of days: its wall-clock time read as UTC,
 * whole days of it. Two of them differ by date-fns' `differenceInCalendarDays` (which measures
 * between local midnights the same way), at a fraction of its cost: the Review counts the days
 * of ten thousand withdrawals.
 */
function calendarDay(at: number): number {
  return Math.floor((at - new Date(at).getTimezoneOffset() * 60_000) / DAY_MS);
}

/** Calendar days in the local time zone, so a repair the next morning is 1 day, DST or not. */
export function daysToRepair(startedAt: number, repairedAt: number): number {
  return Math.max(0, calendarDay(repairedAt) - calendarDay(startedAt));
}

/** Time order; equal times by creation then id, as the contact summary orders them. */
export function byTime(a: ReviewTouch, b: ReviewTouch): number {
  if (a.at !== b.at) return a.at - b.at;
  if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * One withdrawal as the review keeps it: the negative touch that started the clock, the positive
 * touch that stopped it (absent while it runs), and the times at which the last impression
 * turned from negative to neutral or back while it ran (a neutral touch after the negative one,
 * a negative one after that...), so a past week can tell whether it ended on a negative touch.
 * Days are not kept: calendar days depend on the time zone the review is read in.
 */
export interface Episode {
  contactId: string;
  start: ReviewTouch;
  repair?: ReviewTouch;
  flips: number[];
}

/** The fields the review keeps of a touch, so episodes from any source compare equal. */
function reviewTouch(t: ReviewTouch, withNote: boolean): ReviewTouch {
  return {
    id: t.id,
    contactId: t.contactId,
    at: t.at,
    outcome: t.outcome,
    createdAt: t.createdAt,
    ...(withNote && t.note ? { note: t.note } : {}),
  };
}

/**
 * Withdrawal episodes of one contact's touches (any order). The clock starts at a negative touch
 * that follows a non-negative last impression (or none) and stops at the next positive touch;
 * negatives and neutrals in between neither restart nor stop it. The touches must be the
 * contact's whole history, or a part of it that starts at a positive touch (after which no clock
 * can be running).
 */
export function episodesOf(touches: readonly ReviewTouch[]): Episode[] {
  const result: Episode[] = [];
  let open: Episode | undefined;
  let last: ReviewTouch['outcome'] = 'negative';
  for (const t of [...touches].sort(byTime)) {
    if (!open) {
      if (t.outcome === 'negative') {
        open = { contactId: t.contactId, start: reviewTouch(t, true), flips: [] };
        last = 'negative';
      }
    } else if (t.outcome === 'positive') {
      result.push({ ...open, repair: reviewTouch(t, false) });
      open = undefined;
    } else {
      if (t.outcome !== last) open.flips.push(t.at);
      last = t.outcome;
    }
  }
  if (open) result.push(open);
  return result;
}

/**
 * The episode after one more touch that is later than every touch before it (`lastOutcome`
 * was the outcome of the latest one): what `episodesOf` would give, without reading the rest.
 * Returns the open episode, if any, and the episode this touch closed, if any.
 */
export function nextEpisode(
  open: Episode | undefined,
  lastOutcome: ReviewTouch['outcome'] | null,
  t: ReviewTouch,
): { open?: Episode; closed?: Episode } {
  if (!open) {
    return t.outcome === 'negative'
      ? { open: { contactId: t.contactId, start: reviewTouch(t, true), flips: [] } }
      : {};
  }
  if (t.outcome === 'positive') return { closed: { ...open, repair: reviewTouch(t, false) } };
  return {
    open: t.outcome === lastOutcome ? open : { ...open, flips: [...open.flips, t.at] },
  };
}

/** Days to repair, for one contact's touches (any order; see `episodesOf`). */
export function withdrawalsOf(touches: readonly ReviewTouch[]): Withdrawal[] {
  return episodesOf(touches).map(withdrawalOf);
}

function withdrawalOf(e: Episode): Withdrawal {
  return e.repair
    ? {
        contactId: e.contactId,
        start: e.start,
        repair: e.repair,
        days: daysToRepair(e.start.at, e.repair.at),
      }
    : { contactId: e.contactId, start: e.start };
}

/**
 * Touches counted together: positive ones (deposits, good news among them) and negative ones
 * (withdrawals) at `at`, or within a stretch starting there that no week boundary splits.
 */
export interface TouchTally {
  at: number;
  deposits: number;
  goodNews: number;
  withdrawals: number;
}

/** One tally per positive or negative touch. */
export function talliesOf(touches: readonly ReviewTouch[]): TouchTally[] {
  return touches.flatMap((t) =>
    t.outcome === 'neutral'
      ? []
      : [
          {
            at: t.at,
            deposits: t.outcome === 'positive' ? 1 : 0,
            goodNews: t.outcome === 'positive' && t.goodNews ? 1 : 0,
            withdrawals: t.outcome === 'negative' ? 1 : 0,
          },
        ],
  );
}

export interface ReviewWeekStats {
  /** Local midnight starting the week (epoch ms). */
  start: number;
  /** Withdrawals repaired in this week, and the median of their days to repair. */
  repairs: number;
  medianDays: number | null;
  /** Withdrawals started this week that can be judged yet, and how many were repaired in time. */
  judged: number;
  quick: number;
  quickShare: number | null;
  /** Positive touches (good news among them) and negative touches made this week. */
  deposits: number;
  goodNews: number;
  withdrawals: number;
}

export interface Unrepaired extends Withdrawal {
  /** Calendar days since it started, at the end of the week shown (or now, for this week). */
  daysOpen: number;
}

export interface Review {
  weekStart: number;
  weekEnd: number;
  /** The moment the review is judged at: now, or the last moment of a past week. */
  asOf: number;
  /** Contacts whose last impression is negative at `asOf`, oldest withdrawal first. */
  unrepaired: Unrepaired[];
  /** Withdrawals repaired during the week, in the order of their repair. */
  repaired: Withdrawal[];
  deposits: number;
  goodNews: number;
  /** Negative touches in the week (each a withdrawal from the goodwill bank). */
  withdrawals: number;
  /** Over the 12 weeks ending with this one. */
  medianDays: number | null;
  judged: number;
  quick: number;
  quickShare: number | null;
  weeks: ReviewWeekStats[];
}

/** Start of the first week the review's 12-week figures cover, for the week containing `week`. */
export function reviewWindowStart(week: number, weeks: number = CHART_WEEKS): number {
  return addWeeks(startOfWeek(week, { weekStartsOn: WEEK_STARTS_ON }), -(weeks - 1)).getTime();
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

interface Tally {
  days: number[];
  judged: number;
  quick: number;
  deposits: number;
  goodNews: number;
  withdrawals: number;
}

const emptyTally = (): Tally => ({
  days: [],
  judged: 0,
  quick: 0,
  deposits: 0,
  goodNews: 0,
  withdrawals: 0,
});

/**
 * The weekly review for the week containing `week`, judged at `now` (or at the week's end, for a
 * past week). `histories` maps each contact to its touches, each list whole or starting at a
 * positive touch (see `episodesOf`); it must hold every touch from the 12-week window on, and
 * every contact whose last impression is negative. The reference for `reviewOf`, which the
 * dashboard feeds from the figures kept as touches are written (lib/db/review-store.ts).
 */
export function buildReview(
  histories: ReadonlyMap<string, readonly ReviewTouch[]>,
  week: number,
  now: number,
  weeks: number = CHART_WEEKS,
): Review {
  const lists = [...histories.values()];
  return reviewOf(lists.flatMap(episodesOf), lists.flatMap(talliesOf), week, now, weeks);
}

/**
 * The episodes the review of the week [`weekStart`, `weekEnd`) lists, in its order: those still
 * running at the week's end with a negative latest touch by then, oldest first, and those
 * repaired during the week, in the order of their repair. A past week is reviewed as it stood at
 * its end: later touches have not happened yet.
 */
export function listedEpisodes(
  episodes: Iterable<Episode>,
  weekStart: number,
  weekEnd: number,
): { unrepaired: Episode[]; repaired: Episode[] } {
  const unrepaired: Episode[] = [];
  const repaired: Episode[] = [];
  for (const e of episodes) {
    if (e.start.at >= weekEnd) continue;
    if (e.repair && e.repair.at < weekEnd) {
      if (e.repair.at >= weekStart) repaired.push(e);
    } else if (e.flips.filter((at) => at < weekEnd).length % 2 === 0) {
      // Still running, and the latest touch by then was negative rather than neutral.
      unrepaired.push(e);
    }
  }
  unrepaired.sort((a, b) => byTime(a.start, b.start));
  repaired.sort((a, b) => byTime(a.repair!, b.repair!));
  return { unrepaired, repaired };
}

/**
 * The weekly review from withdrawal episodes and touch tallies. `episodes` must hold every
 * episode repaired from the 12-week window on, or still running; `tallies` those of the window.
 */
export function reviewOf(
  episodes: Iterable<Episode>,
  tallies: Iterable<TouchTally>,
  week: number,
  now: number,
  weeks: number = CHART_WEEKS,
): Review {
  const weekStartDate = startOfWeek(week, { weekStartsOn: WEEK_STARTS_ON });
  const weekStart = weekStartDate.getTime();
  const weekEnd = addWeeks(weekStartDate, 1).getTime();
  const asOf = Math.min(now, weekEnd - 1);
  const starts = Array.from({ length: weeks }, (_, i) =>
    addWeeks(weekStartDate, i - (weeks - 1)).getTime(),
  );
  const windowStart = starts[0]!;
  // Compare with the weeks' starts rather than divide by 7 days: a DST change makes one week
  // shorter. The starts are local midnights, so no date needs building for each of the
  // thousands of tallies and episodes.
  const weekOf = (at: number) => {
    if (at < windowStart || at >= weekEnd) return -1;
    let i = starts.length - 1;
    while (starts[i]! > at) i--;
    return i;
  };
  const asOfDay = calendarDay(asOf);
  const byWeek = starts.map(emptyTally);
  const total = emptyTally();

  for (const t of tallies) {
    const tally = byWeek[weekOf(t.at)];
    if (!tally) continue;
    tally.deposits += t.deposits;
    tally.goodNews += t.goodNews;
    tally.withdrawals += t.withdrawals;
  }

  const all = [...episodes];
  for (const e of all) {
    // A past week is reviewed as it stood at its end: later touches have not happened yet.
    if (e.start.at >= weekEnd) continue;
    const repair = e.repair && e.repair.at < weekEnd ? e.repair : undefined;
    const days = repair ? daysToRepair(e.start.at, repair.at) : undefined;
    if (repair && days !== undefined) {
      const i = weekOf(repair.at);
      if (i >= 0) {
        byWeek[i]!.days.push(days);
        total.days.push(days);
      }
    }
    const started = weekOf(e.start.at);
    if (started < 0) continue;
    // A withdrawal counts once it is repaired or old enough to have missed the target.
    const counts = days !== undefined || asOfDay - calendarDay(e.start.at) >= QUICK_REPAIR_DAYS;
    if (!counts) continue;
    const quick = days !== undefined && days <= QUICK_REPAIR_DAYS ? 1 : 0;
    for (const t of [byWeek[started]!, total]) {
      t.judged++;
      t.quick += quick;
    }
  }

  const listed = listedEpisodes(all, weekStart, weekEnd);
  const unrepaired = listed.unrepaired.map((e): Unrepaired => ({
    contactId: e.contactId,
    start: e.start,
    daysOpen: daysToRepair(e.start.at, asOf),
  }));
  const repaired = listed.repaired.map((e): Withdrawal => ({
    contactId: e.contactId,
    start: e.start,
    repair: e.repair!,
    days: daysToRepair(e.start.at, e.repair!.at),
  }));
  const share = (t: Tally) => (t.judged === 0 ? null : t.quick / t.judged);
  const thisWeek = byWeek.at(-1)!;
  return {
    weekStart,
    weekEnd,
    asOf,
    unrepaired,
    repaired,
    deposits: thisWeek.deposits,
    goodNews: thisWeek.goodNews,
    withdrawals: thisWeek.withdrawals,
    medianDays: median(total.days),
    judged: total.judged,
    quick: total.quick,
    quickShare: share(total),
    weeks: byWeek.map((t, i) => ({
      start: starts[i]!,
      repairs: t.days.length,
      medianDays: median(t.days),
      judged: t.judged,
      quick: t.quick,
      quickShare: share(t),
      deposits: t.deposits,
      goodNews: t.goodNews,
      withdrawals: t.withdrawals,
    })),
  };
}
