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
import { writeTargetFor } from '../db/compose';
import { newsForNudges } from '../db/news';
import type { Settings } from '../model';
import { firstName } from '../news/nudge-news';
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
  const news = await newsForNudges(db, top);
  const text = digestText(
    top.map((d) => {
      const headline = news.get(d.contact.id)?.headline;
      return {
        name: d.contact.name,
        reason: d.nudge.reason,
        ...(headline ? { news: headline } : {}),
      };
    }),
    count,
  );
  const id = `${DIGEST_NOTIFICATION_PREFIX}${day}`;
  const writable = top
    .filter((d) => d.contact.emails.length > 0 || d.contact.linkedin.length > 0)
    .slice(0, MAX_BUTTONS)
    .map((d) => d.contact);
  const options = {
    type: 'basic' as const,
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: text.title,
    message: text.message,
  };
  await db.meta.put({ key: 'digestWrite', value: { id, contactIds: writable.map((c) => c.id) } });
  if (import.meta.env.FIREFOX || writable.length === 0) {
    await browser.notifications.create(id, options);
    return id;
  }
  try {
    await browser.notifications.create(id, {
      ...options,
      buttons: writable.map((c) => ({ title: `Write to ${firstName(c.name)}` })),
    });
  } catch {
    // A platform without buttons: the notification still names who is due; the popup writes.
    await browser.notifications.create(id, options);
  }
  return id;
}

/** Chrome shows at most two buttons on a notification. */
const MAX_BUTTONS = 2;

/**
 * "Write to <first name>" on the digest: opens the drafted message for that contact in a new
 * tab (a Gmail compose, their last thread, or LinkedIn). The rep sends it, or not.
 */
export async function writeFromDigest(
  db: LastImpressionDb,
  notificationId: string,
  buttonIndex: number,
  now: number,
): Promise<string | null> {
  if (!notificationId.startsWith(DIGEST_NOTIFICATION_PREFIX)) return null;
  const stored = (await db.meta.get('digestWrite'))?.value as
    { id?: unknown; contactIds?: unknown } | undefined;
  if (stored?.id !== notificationId || !Array.isArray(stored.contactIds)) return null;
  const contactId: unknown = stored.contactIds[buttonIndex];
  if (typeof contactId !== 'string') return null;
  const target = await writeTargetFor(db, contactId, now);
  if (!target) return null;
  await browser.notifications.clear(notificationId);
  await browser.tabs.create({ url: target.url });
  return target.url;
}

/** A click on the digest opens the dashboard, where every due contact is listed. */
export async function openFromDigest(notificationId: string): Promise<void> {
  if (!notificationId.startsWith(DIGEST_NOTIFICATION_PREFIX)) return;
  await browser.notifications.clear(notificationId);
  await browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') });
}
