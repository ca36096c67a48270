import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import {
  DOWNLOADS_PERMISSION,
  jsonDataUrl,
  WEEKLY_BACKUP_ALARM,
  WEEKLY_BACKUP_CHECK_MINUTES,
  WEEKLY_BACKUP_FIRST_CHECK_MINUTES,
} from '../backup/weekly';
import { runWeeklyBackup, type DownloadsPort, type WeeklyBackupEnv } from '../backup/weekly-run';
import type { LastImpressionDb } from '../db/database';
import { getWeeklyBackup } from '../db/weekly-backup';

/**
 * Keeps the daily check alarm in step with the switch: there while it is on, gone while it is
 * off. An alarm already there is left alone, so a worker or event-page start moves nothing.
 */
export async function ensureWeeklyBackupAlarm(enabled: boolean): Promise<void> {
  const existing = await browser.alarms.get(WEEKLY_BACKUP_ALARM);
  if (!enabled) {
    if (existing) await browser.alarms.clear(WEEKLY_BACKUP_ALARM);
    return;
  }
  if (existing) return;
  await browser.alarms.create(WEEKLY_BACKUP_ALARM, {
    delayInMinutes: WEEKLY_BACKUP_FIRST_CHECK_MINUTES,
    periodInMinutes: WEEKLY_BACKUP_CHECK_MINUTES,
  });
}

/** Follows the switch (and sets the alarm once at start, when the query first answers). */
export function followWeeklyBackup(db: LastImpressionDb, signal: AbortSignal): void {
  const subscription = liveQuery(() => getWeeklyBackup(db)).subscribe({
    next: (settings) => void ensureWeeklyBackupAlarm(settings.enabled),
    error: (e: unknown) => console.warn('Last Impression: weekly backup setting unread', e),
  });
  signal.addEventListener('abort', () => subscription.unsubscribe());
}

async function grantedDownloads(): Promise<DownloadsPort | null> {
  if (!(await browser.permissions.contains(DOWNLOADS_PERMISSION))) return null;
  // The namespace appears once the optional permission is granted.
  const downloads = browser.downloads as typeof browser.downloads | undefined;
  return downloads ?? null;
}

/**
 * Chrome's service worker has no `URL.createObjectURL`, so the file travels as a `data:` URL;
 * Firefox's event page is a document and hands over a blob URL, freed once written.
 */
function urlFor(json: string): { url: string; release(): void } {
  if (typeof URL.createObjectURL === 'function') {
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    return { url, release: () => URL.revokeObjectURL(url) };
  }
  return { url: jsonDataUrl(json), release: () => {} };
}

export const weeklyBackupEnv = (): WeeklyBackupEnv => ({
  extensionId: browser.runtime.id,
  downloads: grantedDownloads,
  urlFor,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
});

/** What the alarm runs; a failure is recorded for Settings, and logged here. */
export async function runWeeklyBackupAlarm(db: LastImpressionDb, now: number): Promise<void> {
  const run = await runWeeklyBackup(db, weeklyBackupEnv(), now);
  if (run.kind === 'failed') console.warn(`Last Impression: weekly backup failed: ${run.error}`);
}
