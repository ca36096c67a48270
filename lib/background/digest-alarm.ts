import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import type { LastImpressionDb } from '../db/database';
import { getSettings } from '../db/settings';
import {
  alarmMatches,
  DIGEST_ALARM,
  DIGEST_NAMES,
  digestDay,
  digestText,
  nextDigestAt,
  shouldSendDigest,
} from '../digest';
import type { Settings } from '../model';
import { dueCount, dueNudges } from '../nudges';

export const DIGEST_NOTIFICATION_PREFIX = 'digest-';

/**
 * Creates the digest alarm only when it is missing or no longer fits the settings, so a
 * service-worker start leaves a correct alarm alone. Answers whether it created one.
 */
export async function ensureDigestAlarm(settings: Settings, now: number): Promise<boolean> {
  const existing = await browser.alarms.get(DIGEST_ALARM);
  if (existing && alarmMatches(settings, existing, now)) return false;
  await browser.alarms.create(DIGEST_ALARM, { when: nextDigestAt(settings, now) });
  return true;
}

/** Re-schedules whenever the settings change (and once at start, when the query first answers). */
export function followDigestSettings(db: LastImpressionDb, signal: AbortSignal): void {
  const subscription = liveQuery(() => getSettings(db)).subscribe({
    next: (settings) => void ensureDigestAlarm(settings, Date.now()),
    error: (e: unknown) => console.warn('Last Impression: settings query failed', e),
  });
  signal.addEventListener('abort', () => subscription.unsubscribe());
}

/** Claims today's digest in one transaction, so two firings on one day send one notification. */
async function claimDay(db: LastImpressionDb, day: string): Promise<boolean> {
  return db.transaction('rw', db.meta, async () => {
    const last = await db.meta.get('lastDigestDay');
    if (last?.value === day) return false;
    await db.meta.put({ key: 'lastDigestDay', value: day });
    return true;
  });
}

/**
 * Runs when the digest alarm fires: shows at most one notification a day naming the most
 * urgent contacts, then sets the next alarm (last, so a new alarm means this run is over).
 * Answers the notification id, or null when none was due.
 */
export async function runDigest(db: LastImpressionDb, now: number): Promise<string | null> {
  const settings = await getSettings(db);
  try {
    return await notifyIfDue(db, settings, now);
  } finally {
    await browser.alarms.create(DIGEST_ALARM, { when: nextDigestAt(settings, now) });
  }
}

async function notifyIfDue(
  db: LastImpressionDb,
  settings: Settings,
  now: number,
): Promise<string | null> {
  const [count, last] = await Promise.all([dueCount(db, now), db.meta.get('lastDigestDay')]);
  const lastDigestDay = typeof last?.value === 'string' ? last.value : undefined;
  if (!shouldSendDigest({ settings, now, lastDigestDay, dueCount: count })) return null;
  const day = digestDay(now);
  if (!(await claimDay(db, day))) return null;
  const top = await dueNudges(db, now, DIGEST_NAMES);
  const text = digestText(
    top.map((d) => ({ name: d.contact.name, reason: d.nudge.reason })),
    count,
  );
  const id = `${DIGEST_NOTIFICATION_PREFIX}${day}`;
  await browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: text.title,
    message: text.message,
  });
  return id;
}

/** A click on the digest opens the dashboard, where every due contact is listed. */
export async function openFromDigest(notificationId: string): Promise<void> {
  if (!notificationId.startsWith(DIGEST_NOTIFICATION_PREFIX)) return;
  await browser.notifications.clear(notificationId);
  await browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') });
}
