import { addWeeks, startOfWeek } from 'date-fns';
import { goodwillNow, lastImpression } from './impressions';
import type { ContactSummary, Outcome, Touch } from './model';

/** Reviews run Monday to Sunday, the working week, in the user's local time. */
export const WEEK_STARTS_ON = 1;
export const CHART_WEEKS = 12;

export interface WeekStats {
  /** Local midnight starting the week (epoch ms). */
  start: number;
  positive: number;
  neutral: number;
  negative: number;
  goodNews: number;
}

/**
 * Share of touched contacts whose last impression is positive, 0 when none is touched yet:
 * a contact never met has left no impression to count either way.
 */
export function positiveShare(contacts: readonly Pick<ContactSummary, 'lastOutcome'>[]): number {
  let touched = 0;
  let positive = 0;
  for (const c of contacts) {
    const impression = lastImpression(c);
    if (impression === 'none') continue;
    touched++;
    if (impression === 'positive') positive++;
  }
  return touched === 0 ? 0 : positive / touched;
}

export function overdrawnCount(contacts: readonly ContactSummary[], now: number): number {
  let n = 0;
  for (const c of contacts) if (goodwillNow(c, now) < 0) n++;
  return n;
}

/** Start of the oldest week shown, so callers can read only the touches they need. */
export function weeksStart(now: number, weeks: number = CHART_WEEKS): number {
  return addWeeks(startOfWeek(now, { weekStartsOn: WEEK_STARTS_ON }), -(weeks - 1)).getTime();
}

/** Touches per week by outcome and good news shared, oldest week first, the current week last. */
export function weeklyStats(
  touches: readonly Pick<Touch, 'at' | 'outcome' | 'goodNews'>[],
  now: number,
  weeks: number = CHART_WEEKS,
): WeekStats[] {
  const current = startOfWeek(now, { weekStartsOn: WEEK_STARTS_ON });
  const result: WeekStats[] = [];
  for (let i = weeks - 1; i >= 0; i--) {
    result.push({
      start: addWeeks(current, -i).getTime(),
      positive: 0,
      neutral: 0,
      negative: 0,
      goodNews: 0,
    });
  }
  for (const t of touches) {
    const week = weekIndex(result, t.at);
    if (week === undefined) continue;
    week[t.outcome satisfies Outcome]++;
    if (t.goodNews) week.goodNews++;
  }
  return result;
}

function weekIndex(weeks: WeekStats[], at: number): WeekStats | undefined {
  const first = weeks[0];
  if (!first || at < first.start) return undefined;
  const week = startOfWeek(at, { weekStartsOn: WEEK_STARTS_ON }).getTime();
  // Compare week starts rather than divide by 7 days: a DST change makes one week shorter.
  return weeks.find((w) => w.start === week);
}
