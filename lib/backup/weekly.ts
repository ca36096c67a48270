import * as v from 'valibot';

/**
 * The weekly backup to the Downloads folder: its settings and the rules of which file to write
 * and which earlier ones to remove. Pure; `lib/background/weekly-backup.ts` does the I/O.
 */

export const WEEKLY_BACKUP_ALARM = 'weekly-backup';
/**
 * The alarm checks once a day and saves when a week has passed since the last save: a browser
 * closed on the weekly moment, or Firefox (whose alarms end with the browser), still saves on
 * the next day it runs.
 */
export const WEEKLY_BACKUP_CHECK_MINUTES = 24 * 60;
/** The first check after the switch goes on or the browser starts. */
export const WEEKLY_BACKUP_FIRST_CHECK_MINUTES = 1;

const HOUR_MS = 3600 * 1000;
export const WEEK_MS = 7 * 24 * HOUR_MS;
/** A daily check that fires a little early must not put the save off by a whole day. */
const DUE_SLACK_MS = 2 * HOUR_MS;

/** The folder inside Downloads; every file this feature writes, and only those, sits in it. */
export const BACKUP_FOLDER = 'last-impression';
export const DEFAULT_KEEP = 8;
export const MAX_KEEP = 52;

export const WeeklyBackupSettingsSchema = v.object({
  enabled: v.boolean('the switch must be on or off'),
  keep: v.pipe(
    v.number('backups to keep must be a number'),
    v.integer('backups to keep must be a whole number'),
    v.minValue(1, 'keep at least 1 backup'),
    v.maxValue(MAX_KEEP, `keep at most ${MAX_KEEP} backups`),
  ),
});
export type WeeklyBackupSettings = v.InferOutput<typeof WeeklyBackupSettingsSchema>;

export const DEFAULT_WEEKLY_BACKUP: WeeklyBackupSettings = { enabled: false, keep: DEFAULT_KEEP };

/** Stored settings over the defaults; anything unreadable falls back to off. */
export function weeklyBackupSettingsFrom(stored: unknown): WeeklyBackupSettings {
  const base = typeof stored === 'object' && stored !== null ? stored : {};
  const parsed = v.safeParse(WeeklyBackupSettingsSchema, { ...DEFAULT_WEEKLY_BACKUP, ...base });
  return parsed.success ? parsed.output : DEFAULT_WEEKLY_BACKUP;
}

/** What the last runs did, for Settings and for the next run. */
export interface WeeklyBackupLog {
  /** The last time the alarm ran with the switch on, whatever it found. */
  checkedAt?: number;
  savedAt?: number;
  /** Relative to the Downloads folder, e.g. `last-impression/backup-2026-11-30.json`. */
  file?: string;
  failedAt?: number;
  error?: string;
}

const LogSchema = v.object({
  checkedAt: v.optional(v.pipe(v.number(), v.finite())),
  savedAt: v.optional(v.pipe(v.number(), v.finite())),
  file: v.optional(v.string()),
  failedAt: v.optional(v.pipe(v.number(), v.finite())),
  error: v.optional(v.string()),
});

export function weeklyBackupLogFrom(stored: unknown): WeeklyBackupLog {
  const parsed = v.safeParse(LogSchema, stored);
  return parsed.success ? parsed.output : {};
}

/** `last-impression/backup-YYYY-MM-DD.json`, the UTC day, as the backup's own `exportedAt`. */
export function weeklyBackupFile(now: number): string {
  return `${BACKUP_FOLDER}/backup-${new Date(now).toISOString().slice(0, 10)}.json`;
}

/**
 * `downloads.search` filter for the files `weeklyBackupFile` names: the browser reports an
 * absolute path, with either separator.
 */
export const WEEKLY_BACKUP_FILENAME_REGEX = String.raw`[\\/]last-impression[\\/]backup-\d{4}-\d{2}-\d{2}\.json$`;
const FILE_PATTERN = new RegExp(WEEKLY_BACKUP_FILENAME_REGEX);
/** The day in a backup's name: newest first even if the Downloads folder moved between saves. */
const dayOf = (filename: string) => /backup-(\d{4}-\d{2}-\d{2})\.json$/.exec(filename)?.[1] ?? '';

/** Due when nothing was saved yet, or a week (less a little slack) has passed. */
export function weeklyBackupDue(savedAt: number | undefined, now: number): boolean {
  return savedAt === undefined || now - savedAt >= WEEK_MS - DUE_SLACK_MS || now < savedAt;
}

/** The part of a downloads-API item the pruning reads. */
export interface DownloadRecord {
  id: number;
  filename: string;
  byExtensionId?: string;
  state?: string;
  exists?: boolean;
  startTime?: string;
}

export interface Pruning {
  /** Downloads whose file is deleted from disk, then erased from the browser's list. */
  removeFile: number[];
  /** Downloads only erased from the list: their file is gone, or a newer save overwrote it. */
  erase: number[];
}

/**
 * Which earlier saves go so that `keep` files remain. Only downloads this extension made, of a
 * finished file named like `weeklyBackupFile` in the backup folder, are ever considered. A save
 * that overwrote the same day's file leaves an older entry naming the same path: that entry is
 * only erased, never asked to remove the file, which is the newer save's.
 */
export function backupsToPrune(
  items: readonly DownloadRecord[],
  extensionId: string,
  keep: number,
): Pruning {
  const ours = items
    .filter(
      (d) =>
        d.byExtensionId === extensionId && d.state === 'complete' && FILE_PATTERN.test(d.filename),
    )
    .sort(
      (a, b) =>
        dayOf(b.filename).localeCompare(dayOf(a.filename)) ||
        Date.parse(b.startTime ?? '') - Date.parse(a.startTime ?? '') ||
        b.id - a.id,
    );
  const seen = new Set<string>();
  const files: DownloadRecord[] = [];
  const pruning: Pruning = { removeFile: [], erase: [] };
  for (const d of ours) {
    if (seen.has(d.filename)) pruning.erase.push(d.id);
    else {
      seen.add(d.filename);
      files.push(d);
    }
  }
  for (const d of files.slice(Math.max(1, keep))) {
    if (d.exists === false) pruning.erase.push(d.id);
    else pruning.removeFile.push(d.id);
  }
  return pruning;
}

/** The optional permission the weekly backup asks for when switched on, and needs to run. */
export const DOWNLOADS_PERMISSION = { permissions: ['downloads' as const] };

/**
 * `json` as a `data:` URL, for a background with no `URL.createObjectURL` (Chrome's service
 * worker). Base64 of the UTF-8 bytes: a third larger than the text, whatever it holds.
 */
export function jsonDataUrl(json: string): string {
  const bytes = new TextEncoder().encode(json);
  const CHUNK = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return `data:application/json;base64,${btoa(binary)}`;
}
