import { addHours, startOfHour } from 'date-fns';
import { liveQuery, type Subscription } from 'dexie';
import { browser } from 'wxt/browser';
import type { LastImpressionDb } from '../db/database';
import { dueCount, nextDueAt } from '../nudges';

export const BADGE_ALARM = 'badge';

/** The toolbar badge: the number of due nudges, empty when there are none. */
export async function showDueCount(count: number): Promise<void> {
  await browser.action.setBadgeText({ text: count > 0 ? String(count) : '' });
}

/**
 * Keeps the badge current: a liveQuery follows every write, and an alarm wakes the worker when
 * time alone makes a contact due (at its `dueAt`, or within the hour for clock and zone changes).
 * Call `refresh` when that alarm fires.
 */
export function keepBadgeCurrent(db: LastImpressionDb, signal: AbortSignal): () => void {
  let subscription: Subscription | undefined;
  const refresh = () => {
    subscription?.unsubscribe();
    if (signal.aborted) return;
    subscription = liveQuery(async () => {
      const now = Date.now();
      const [count, next] = await Promise.all([dueCount(db, now), nextDueAt(db, now)]);
      const nextHour = startOfHour(addHours(now, 1)).getTime();
      return { count, wakeAt: Math.min(next ?? nextHour, nextHour) };
    }).subscribe({
      next: ({ count, wakeAt }) => {
        void showDueCount(count);
        void browser.alarms.create(BADGE_ALARM, { when: wakeAt });
      },
      error: (e: unknown) => console.warn('Last Impression: badge query failed', e),
    });
  };
  signal.addEventListener('abort', () => subscription?.unsubscribe());
  refresh();
  return refresh;
}
