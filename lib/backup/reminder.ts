const DAY_MS = 24 * 3600 * 1000;
export const BACKUP_REMINDER_DAYS = 30;

/** There is something to lose and no export in the last 30 days (or ever). */
export function needsBackupReminder(input: {
  hasTouches: boolean;
  lastExportAt: number | undefined;
  now: number;
}): boolean {
  if (!input.hasTouches) return false;
  if (input.lastExportAt === undefined) return true;
  return input.now - input.lastExportAt >= BACKUP_REMINDER_DAYS * DAY_MS;
}
