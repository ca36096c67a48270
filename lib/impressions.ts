import { addDays, differenceInCalendarDays, startOfDay } from 'date-fns';
import type { Contact, ContactSummary, Outcome, Settings, Touch } from './model';

const DAY_MS = 24 * 3600 * 1000;

export type Impression = Outcome | 'none';
export type GoodwillWord = 'healthy' | 'low' | 'overdrawn';
export type NudgeReason = 'repair' | 'share-good-news';

export interface Nudge {
  contactId: string;
  reason: NudgeReason;
  /** When the nudge became due (epoch ms). */
  dueSince: number;
  /** One line saying why, e.g. "18 days since a positive touch". */
  why: string;
}

export function lastImpression(summary: Pick<ContactSummary, 'lastOutcome'>): Impression {
  return summary.lastOutcome ?? 'none';
}

/** Calendar days in the local time zone between the last positive touch and `now`; null for never. */
export function daysSincePositive(lastPositiveAt: number | null, now: number): number | null {
  if (lastPositiveAt === null) return null;
  return Math.max(0, differenceInCalendarDays(now, lastPositiveAt));
}

/** A deposit is +1 (+2 for good news), a withdrawal -1, neutral 0. */
export function touchWeight(touch: Pick<Touch, 'outcome' | 'goodNews'>): number {
  if (touch.outcome === 'positive') return touch.goodNews ? 2 : 1;
  if (touch.outcome === 'negative') return -1;
  return 0;
}

export function decay(fromMs: number, toMs: number, halfLifeDays: number): number {
  const ageDays = Math.max(0, toMs - fromMs) / DAY_MS;
  return Math.pow(0.5, ageDays / halfLifeDays);
}

/** Deposits minus withdrawals, each weighted by 0.5^(age / half-life). */
export function goodwillBalance(
  touches: readonly Pick<Touch, 'at' | 'outcome' | 'goodNews'>[],
  now: number,
  halfLifeDays: number,
): number {
  let sum = 0;
  for (const t of touches) sum += touchWeight(t) * decay(t.at, now, halfLifeDays);
  return sum;
}

/** The balance now, from the stored summary: decay is multiplicative, so no touch is read. */
export function goodwillNow(summary: ContactSummary, now: number): number {
  if (summary.lastTouchAt === null) return 0;
  return summary.goodwillAtLastTouch * decay(summary.lastTouchAt, now, summary.halfLifeDays);
}

/** Below one fresh deposit is "low"; below zero is overdrawn. */
export function goodwillWord(balance: number): GoodwillWord {
  // Overdrawn goes by the sign, as the repair nudge does. "Low" is judged on two decimals: a
  // deposit logged a moment ago has decayed to 0.99999…, still one whole deposit.
  if (balance < 0) return 'overdrawn';
  if (Math.round(balance * 100) / 100 < 1) return 'low';
  return 'healthy';
}

export const EMPTY_SUMMARY: Omit<ContactSummary, 'halfLifeDays'> = {
  touchCount: 0,
  lastTouchAt: null,
  lastOutcome: null,
  lastPositiveAt: null,
  goodwillAtLastTouch: 0,
};

/** Later touch wins; on equal times the later-created one, so edits and imports agree. */
function isLater(
  a: Pick<Touch, 'at' | 'createdAt' | 'id'>,
  b: Pick<Touch, 'at' | 'createdAt' | 'id'>,
) {
  if (a.at !== b.at) return a.at > b.at;
  if (a.createdAt !== b.createdAt) return a.createdAt > b.createdAt;
  return a.id > b.id;
}

export function summarize(touches: readonly Touch[], halfLifeDays: number): ContactSummary {
  let last: Touch | undefined;
  let lastPositiveAt: number | null = null;
  for (const t of touches) {
    if (!last || isLater(t, last)) last = t;
    if (t.outcome === 'positive' && (lastPositiveAt === null || t.at > lastPositiveAt)) {
      lastPositiveAt = t.at;
    }
  }
  if (!last) return { ...EMPTY_SUMMARY, halfLifeDays };
  return {
    touchCount: touches.length,
    lastTouchAt: last.at,
    lastOutcome: last.outcome,
    lastPositiveAt,
    // Summed in time order: the same touches give the same balance to the last bit, whatever
    // order storage hands them over in (an index, a file, a merge).
    goodwillAtLastTouch: goodwillBalance(
      [...touches].sort((a, b) => (isLater(a, b) ? 1 : isLater(b, a) ? -1 : 0)),
      last.at,
      halfLifeDays,
    ),
    halfLifeDays,
  };
}

/** Folds one new touch into a summary; only valid when the touch is not older than the last one. */
export function addToSummary(summary: ContactSummary, touch: Touch): ContactSummary {
  if (summary.lastTouchAt !== null && touch.at < summary.lastTouchAt) {
    throw new Error('addToSummary needs a touch at or after the last one; recompute instead');
  }
  const carried =
    summary.lastTouchAt === null
      ? 0
      : summary.goodwillAtLastTouch * decay(summary.lastTouchAt, touch.at, summary.halfLifeDays);
  return {
    touchCount: summary.touchCount + 1,
    lastTouchAt: touch.at,
    lastOutcome: touch.outcome,
    lastPositiveAt:
      touch.outcome === 'positive'
        ? Math.max(touch.at, summary.lastPositiveAt ?? touch.at)
        : summary.lastPositiveAt,
    goodwillAtLastTouch: carried + touchWeight(touch),
    halfLifeDays: summary.halfLifeDays,
  };
}

export function cadenceOf(contact: Pick<Contact, 'cadenceDays'>, settings: Settings): number {
  return contact.cadenceDays ?? settings.defaultCadenceDays;
}

/** Own addresses, ignored domains and the user's own opt-out keep a contact out of nudges. */
export function isExcluded(
  contact: Pick<Contact, 'emails' | 'excludeFromNudges'>,
  settings: Settings,
): boolean {
  if (contact.excludeFromNudges) return true;
  const own = new Set(settings.ownAddresses.map((a) => a.toLowerCase()));
  const domains = new Set(settings.ignoredDomains.map((d) => d.toLowerCase()));
  return contact.emails.some((email) => {
    const lower = email.toLowerCase();
    return own.has(lower) || domains.has(lower.slice(lower.lastIndexOf('@') + 1));
  });
}

type NudgeInput = Pick<
  Contact,
  | 'id'
  | 'emails'
  | 'excludeFromNudges'
  | 'cadenceDays'
  | 'snoozedUntil'
  | 'dismissedAt'
  | 'createdAt'
  | keyof ContactSummary
>;

/**
 * Repair wins while the last impression is negative, or the account is overdrawn and the last
 * touch was not a deposit; it is raised from the start of the day after that touch, so a hard
 * conversation is followed up while fresh. Otherwise good news is due on the cadence day after
 * the last positive touch (or after the contact was added). A positive touch resets both.
 */
export function nudgeRule(contact: NudgeInput): {
  reason: NudgeReason;
  from: 'lastTouch' | 'lastPositive' | 'created';
} {
  const overdrawn = contact.goodwillAtLastTouch < 0;
  if (
    contact.lastTouchAt !== null &&
    (contact.lastOutcome === 'negative' || (overdrawn && contact.lastOutcome !== 'positive'))
  ) {
    return { reason: 'repair', from: 'lastTouch' };
  }
  return {
    reason: 'share-good-news',
    from: contact.lastPositiveAt === null ? 'created' : 'lastPositive',
  };
}

/** When the rule makes this contact due, ignoring snoozes and dismissals. */
export function ruleDueAt(contact: NudgeInput, settings: Settings): number {
  const { reason } = nudgeRule(contact);
  if (reason === 'repair') return addDays(startOfDay(contact.lastTouchAt ?? 0), 1).getTime();
  // Never positive: count from the first sign of the relationship, so an imported contact
  // whose only touches are old is due now, not a cadence after the import.
  const base =
    contact.lastPositiveAt ?? Math.min(contact.createdAt, contact.lastTouchAt ?? contact.createdAt);
  return addDays(startOfDay(base), cadenceOf(contact, settings)).getTime();
}

function isDismissed(contact: NudgeInput): boolean {
  return contact.dismissedAt !== undefined && contact.dismissedAt >= (contact.lastTouchAt ?? 0);
}

/** The indexed moment from which a nudge may show, or -1 when none can until the data changes. */
export function computeDueAt(contact: NudgeInput, settings: Settings): number {
  if (isExcluded(contact, settings) || isDismissed(contact)) return -1;
  return Math.max(ruleDueAt(contact, settings), contact.snoozedUntil ?? 0);
}

/** Every repair sorts before every share-good-news nudge in the `nudgeRank` index. */
export const REPAIR_RANK_OFFSET = 2 ** 45;

/**
 * The two indexed fields behind the due list: `dueAt` says when, `nudgeRank` orders the list
 * (repair first, then the longest due) so the popup reads its top entries straight off the index.
 */
export function nudgeIndex(
  contact: NudgeInput,
  settings: Settings,
): { dueAt: number; nudgeRank: number | undefined } {
  const dueAt = computeDueAt(contact, settings);
  if (dueAt < 0) return { dueAt, nudgeRank: undefined };
  const repair = nudgeRule(contact).reason === 'repair';
  return { dueAt, nudgeRank: repair ? dueAt - REPAIR_RANK_OFFSET : dueAt };
}

export function nudgeFor(contact: NudgeInput, settings: Settings, now: number): Nudge | null {
  if (isExcluded(contact, settings) || isDismissed(contact)) return null;
  if (contact.snoozedUntil !== undefined && contact.snoozedUntil > now) return null;
  const ruleDue = ruleDueAt(contact, settings);
  if (ruleDue > now) return null;
  // A snoozed nudge counts as due from the end of its snooze, as the index orders it.
  const dueSince = Math.max(ruleDue, contact.snoozedUntil ?? 0);
  const { reason } = nudgeRule(contact);
  return { contactId: contact.id, reason, dueSince, why: whyLine(contact, reason, now) };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function daysAgo(at: number, now: number): string {
  const days = Math.max(0, differenceInCalendarDays(now, at));
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${plural(days, 'day')} ago`;
}

function whyLine(contact: NudgeInput, reason: NudgeReason, now: number): string {
  if (reason === 'repair') {
    if (contact.lastOutcome === 'negative') {
      return `last impression negative, ${daysAgo(contact.lastTouchAt ?? now, now)}`;
    }
    return `goodwill overdrawn since ${daysAgo(contact.lastTouchAt ?? now, now)}`;
  }
  const days = daysSincePositive(contact.lastPositiveAt, now);
  if (days === null) return 'no positive touch yet';
  return `${plural(days, 'day')} since a positive touch`;
}

/** Repair first, then the longest overdue. */
export function compareNudges(a: Nudge, b: Nudge): number {
  if (a.reason !== b.reason) return a.reason === 'repair' ? -1 : 1;
  return a.dueSince - b.dueSince || a.contactId.localeCompare(b.contactId);
}

export function suggestionFor(reason: NudgeReason): string {
  return reason === 'repair'
    ? 'Close the loop: tell them what you fixed, or ask what would put it right.'
    : 'Share good news: a recent win, a useful resource, or a problem you fixed before it became one.';
}
