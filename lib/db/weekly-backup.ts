import * as v from 'valibot';
import {
  WeeklyBackupSettingsSchema,
  weeklyBackupLogFrom,
  weeklyBackupSettingsFrom,
  type WeeklyBackupLog,
  type WeeklyBackupSettings,
} from '../backup/weekly';
import { describeIssues } from '../model';
import type { LastImpressionDb } from './database';

export async function getWeeklyBackup(db: LastImpressionDb): Promise<WeeklyBackupSettings> {
  return weeklyBackupSettingsFrom((await db.meta.get('weeklyBackup'))?.value);
}

export type SaveWeeklyResult =
  { ok: true; settings: WeeklyBackupSettings } | { ok: false; error: string };

export async function saveWeeklyBackup(
  db: LastImpressionDb,
  input: unknown,
): Promise<SaveWeeklyResult> {
  const parsed = v.safeParse(WeeklyBackupSettingsSchema, input);
  if (!parsed.success) return { ok: false, error: describeIssues(parsed.issues) };
  await db.meta.put({ key: 'weeklyBackup', value: parsed.output });
  return { ok: true, settings: parsed.output };
}

export async function getWeeklyBackupLog(db: LastImpressionDb): Promise<WeeklyBackupLog> {
  return weeklyBackupLogFrom((await db.meta.get('weeklyBackupLog'))?.value);
}

/**
 * A save: the log names the file, and the backup reminder (which reads `lastExportAt`) counts
 * it as a backup, in one transaction.
 */
export async function recordWeeklySave(
  db: LastImpressionDb,
  file: string,
  now: number,
): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    await db.meta.put({ key: 'weeklyBackupLog', value: { checkedAt: now, savedAt: now, file } });
    await db.meta.put({ key: 'lastExportAt', value: now });
  });
}

/** A failed run keeps the last good save and says what went wrong. */
export async function recordWeeklyFailure(
  db: LastImpressionDb,
  error: string,
  now: number,
): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const log = await getWeeklyBackupLog(db);
    await db.meta.put({
      key: 'weeklyBackupLog',
      value: { ...log, checkedAt: now, failedAt: now, error: error.slice(0, 500) },
    });
  });
}

/** A run that found nothing to do, or no permission: Settings and tests see it happened. */
export async function recordWeeklyCheck(db: LastImpressionDb, now: number): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const log = await getWeeklyBackupLog(db);
    await db.meta.put({ key: 'weeklyBackupLog', value: { ...log, checkedAt: now } });
  });
}
