import { addHours, startOfHour } from 'date-fns';
import Dexie from 'dexie';
import { browser } from 'wxt/browser';
import type { LastImpressionDb } from '../db/database';
import { dueCount, nextDueAt } from '../db/nudges';

export const BADGE_ALARM = 'badge';
/** Writes come in bursts (an import, a few quick logs); the badge follows once they settle. */
export const BADGE_SETTLE_MS = 1_000;

/** The toolbar badge: the number of due nudges, empty when there are none. */
export async function showDueCount(count: number): Promise<void> {
  await browser.action.setBadgeText({ text: count > 0 ? String(count) : '' });
}

async function recount(db: LastImpressionDb): Promise<void> {
  const now = Date.now();
  const [count, next] = await Promise.all([dueCount(db, now), nextDueAt(db, now)]);
  const nextHour = startOfHour(addHours(now, 1)).getTime();
  await showDueCount(count);
  await browser.alarms.create(BADGE_ALARM, { when: Math.min(next ?? nextHour, nextHour) });
}

/**
 * Keeps the badge current: every write, here or in an extension page, recounts once writes
 * settle (a count walks the whole due range, so it must not run ahead of each log), and an
 * alarm wakes the worker when time alone makes a contact due (at its `dueAt`, or within the
 * hour for clock and zone changes). Call `refresh` when that alarm fires.
 */
export function keepBadgeCurrent(db: LastImpressionDb, signal: AbortSignal): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refresh = () => {
    if (signal.aborted) return;
    recount(db).catch((e: unknown) => console.warn('Last Impression: badge count failed', e));
  };
  const onWrite = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, BADGE_SETTLE_MS);
  };
  Dexie.on('storagemutated', onWrite);
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    Dexie.on('storagemutated').unsubscribe(onWrite);
  });
  refresh();
  return refresh;
}
