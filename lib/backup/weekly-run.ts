import type { LastImpressionDb } from '../db/database';
import {
  getWeeklyBackup,
  getWeeklyBackupLog,
  recordWeeklyCheck,
  recordWeeklyFailure,
  recordWeeklySave,
} from '../db/weekly-backup';
import { exportBackupReport } from './export';
import {
  backupsToPrune,
  WEEKLY_BACKUP_FILENAME_REGEX,
  weeklyBackupDue,
  weeklyBackupFile,
  type DownloadRecord,
} from './weekly';

/** The part of the downloads API a weekly run uses; tests pass a fake. */
export interface DownloadsPort {
  download(options: {
    url: string;
    filename: string;
    saveAs: boolean;
    conflictAction: 'overwrite';
  }): Promise<number>;
  search(query: { id?: number; filenameRegex?: string }): Promise<DownloadRecord[]>;
  removeFile(id: number): Promise<void>;
  erase(query: { id: number }): Promise<unknown>;
}

export interface WeeklyBackupEnv {
  extensionId: string;
  /** The downloads API, or null while the browser does not grant it (never, or no longer). */
  downloads(): Promise<DownloadsPort | null>;
  /** A URL the downloads API reads `json` from, and how to let it go once the file is written. */
  urlFor(json: string): { url: string; release(): void };
  /** Waits between looks at a download in progress. */
  sleep(ms: number): Promise<void>;
}

export type WeeklyRun =
  | { kind: 'off' }
  | { kind: 'no-permission' }
  | { kind: 'not-due' }
  | { kind: 'saved'; file: string; removed: number }
  | { kind: 'failed'; error: string };

/** How long a run waits for its file to be written before it calls the save failed. */
const WRITE_TIMEOUT_MS = 60_000;
const POLL_MS = 250;

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Resolves when download `id` is complete; throws when it was interrupted or never ends. */
async function written(downloads: DownloadsPort, env: WeeklyBackupEnv, id: number) {
  for (let waited = 0; waited <= WRITE_TIMEOUT_MS; waited += POLL_MS) {
    const [item] = await downloads.search({ id });
    if (item?.state === 'complete') return;
    if (!item || item.state === 'interrupted') {
      throw new Error(`the browser did not write the file (${item ? 'interrupted' : 'gone'})`);
    }
    await env.sleep(POLL_MS);
  }
  throw new Error('the browser took over a minute to write the file');
}

/** Removes the saves beyond `keep`, only ever this extension's own backup files. */
async function prune(
  downloads: DownloadsPort,
  env: WeeklyBackupEnv,
  keep: number,
  newest: number,
): Promise<number> {
  const items = await downloads.search({ filenameRegex: WEEKLY_BACKUP_FILENAME_REGEX });
  const { removeFile, erase } = backupsToPrune(items, env.extensionId, keep);
  let removed = 0;
  for (const id of removeFile) {
    if (id === newest) continue;
    try {
      await downloads.removeFile(id);
      removed += 1;
    } catch (e) {
      // Moved or deleted by the user meanwhile: only the list entry is left to tidy.
      console.debug('Last Impression: old backup not removed', e);
    }
  }
  for (const id of [...removeFile, ...erase]) {
    if (id === newest) continue;
    await downloads.erase({ id }).catch(() => undefined);
  }
  return removed;
}

/**
 * One run of the weekly backup alarm: when the switch is on, the permission granted and a week
 * has passed, writes the same backup as "Export backup" to
 * `Downloads/last-impression/backup-YYYY-MM-DD.json` (replacing that day's file), records it
 * for the reminder, then keeps the newest `keep` files. Without the permission it does nothing.
 */
export async function runWeeklyBackup(
  db: LastImpressionDb,
  env: WeeklyBackupEnv,
  now: number,
): Promise<WeeklyRun> {
  const settings = await getWeeklyBackup(db);
  if (!settings.enabled) return { kind: 'off' };
  const downloads = await env.downloads();
  if (!downloads) {
    await recordWeeklyCheck(db, now);
    return { kind: 'no-permission' };
  }
  if (!weeklyBackupDue((await getWeeklyBackupLog(db)).savedAt, now)) {
    await recordWeeklyCheck(db, now);
    return { kind: 'not-due' };
  }

  const file = weeklyBackupFile(now);
  let id: number;
  try {
    const { backup } = await exportBackupReport(db, now, { record: false });
    const source = env.urlFor(JSON.stringify(backup));
    try {
      id = await downloads.download({
        url: source.url,
        filename: file,
        saveAs: false,
        conflictAction: 'overwrite',
      });
      await written(downloads, env, id);
    } finally {
      source.release();
    }
  } catch (e) {
    const error = errorText(e);
    await recordWeeklyFailure(db, error, now);
    return { kind: 'failed', error };
  }
  await recordWeeklySave(db, file, now);
  let removed = 0;
  try {
    removed = await prune(downloads, env, settings.keep, id);
  } catch (e) {
    console.warn('Last Impression: old backups not pruned', e);
  }
  return { kind: 'saved', file, removed };
}
