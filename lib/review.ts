import { addWeeks, differenceInCalendarDays, startOfWeek } from 'date-fns';
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

/** Calendar days in the local time zone, so a repair the next morning is 1 day, DST or not. */
export function daysToRepair(startedAt: number, repairedAt: number): number {
  return Math.max(0, differenceInCalendarDays(repairedAt, startedAt));
}

/** Time order; equal times by creation then id, as the contact summary orders them. */
export function byTime(a: ReviewTouch, b: ReviewTouch): number {
  if (a.at !== b.at) return a.at - b.at;
  if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Days to repair, for one contact's touches (any order). The clock starts at a negative touch
 * that follows a non-negative last impression (or none) and stops at the next positive touch;
 * negatives and neutrals in between neither restart nor stop it. The touches must be the
 * contact's whole history, or a part of it that starts at a positive touch (after which no clock
 * can be running).
 */
export function withdrawalsOf(touches: readonly ReviewTouch[]): Withdrawal[] {
  const result: Withdrawal[] = [];
  let open: ReviewTouch | undefined;
  for (const t of [...touches].sort(byTime)) {
    if (t.outcome === 'negative' && !open) {
      open = t;
    } else if (t.outcome === 'positive' && open) {
      result.push({
        contactId: open.contactId,
        start: open,
        repair: t,
        days: daysToRepair(open.at, t.at),
      });
      open = undefined;
    }
  }
  if (open) result.push({ contactId: open.contactId, start: open });
  return result;
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
 * positive touch (see `withdrawalsOf`); it must hold every touch from the 12-week window on, and
 * every contact whose last impression is negative.
 */
export function buildReview(
  histories: ReadonlyMap<string, readonly ReviewTouch[]>,
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
  // Compare week starts rather than divide by 7 days: a DST change makes one week shorter.
  const weekOf = (at: number) =>
    at < windowStart || at >= weekEnd
      ? -1
      : starts.indexOf(startOfWeek(at, { weekStartsOn: WEEK_STARTS_ON }).getTime());
  const tallies = starts.map(emptyTally);
  const total = emptyTally();

  const unrepaired: Unrepaired[] = [];
  const repaired: Withdrawal[] = [];

  for (const all of histories.values()) {
    // A past week is reviewed as it stood at its end: later touches have not happened yet.
    const touches = all.filter((t) => t.at < weekEnd);
    for (const t of touches) {
      const tally = tallies[weekOf(t.at)];
      if (!tally) continue;
      if (t.outcome === 'positive') {
        tally.deposits++;
        if (t.goodNews) tally.goodNews++;
      } else if (t.outcome === 'negative') {
        tally.withdrawals++;
      }
    }
    const list = withdrawalsOf(touches);
    for (const w of list) {
      if (w.repair && w.days !== undefined) {
        const i = weekOf(w.repair.at);
        if (i >= 0) {
          tallies[i]!.days.push(w.days);
          total.days.push(w.days);
        }
        if (w.repair.at >= weekStart) repaired.push(w);
      }
      const started = weekOf(w.start.at);
      if (started < 0) continue;
      // A withdrawal counts once it is repaired or old enough to have missed the target.
      const counts =
        w.days !== undefined || differenceInCalendarDays(asOf, w.start.at) >= QUICK_REPAIR_DAYS;
      if (!counts) continue;
      const quick = w.days !== undefined && w.days <= QUICK_REPAIR_DAYS ? 1 : 0;
      for (const t of [tallies[started]!, total]) {
        t.judged++;
        t.quick += quick;
      }
    }
    const last = list.at(-1);
    const lastTouch = touches.reduce<ReviewTouch | undefined>(
      (a, t) => (!a || byTime(t, a) > 0 ? t : a),
      undefined,
    );
    if (last && !last.repair && lastTouch?.outcome === 'negative') {
      unrepaired.push({ ...last, daysOpen: daysToRepair(last.start.at, asOf) });
    }
  }

  unrepaired.sort((a, b) => byTime(a.start, b.start));
  repaired.sort((a, b) => byTime(a.repair!, b.repair!));
  const share = (t: Tally) => (t.judged === 0 ? null : t.quick / t.judged);
  const thisWeek = tallies.at(-1)!;
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
    weeks: tallies.map((t, i) => ({
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
