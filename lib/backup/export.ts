import type { LastImpressionDb } from '../db/database';
import { allTouches as readAllTouches } from '../db/queries';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from './format';
import { toBackupContact, toBackupNews, toBackupTouch } from './records';

export interface BackupReport {
  backup: Backup;
  /** Touches left out because their stored time is not an instant: "Ada: touch <id>". */
  leftOut: string[];
}

export async function exportBackup(db: LastImpressionDb, now: number): Promise<Backup> {
  return (await exportBackupReport(db, now)).backup;
}

/**
 * Every contact, touch and piece of good news, and what had to be left out. A value that slipped into the database
 * unchecked (an older version, a bug) must not make the export throw: a touch with no readable
 * time is named and left out, a contact's unreadable `createdAt` is omitted (it is optional).
 * It records the export for the backup reminder unless `record` is false: the weekly backup
 * records its save only once the file is on its way.
 */
export async function exportBackupReport(
  db: LastImpressionDb,
  now: number,
  { record = true }: { record?: boolean } = {},
): Promise<BackupReport> {
  return db.transaction('rw', [db.contacts, db.touchMonths, db.meta, db.news], async () => {
    const [contacts, allTouches, news] = await Promise.all([
      db.contacts.toArray(),
      readAllTouches(db),
      db.news.toArray(),
    ]);
    const contactIds = new Set(contacts.map((c) => c.id));
    const newsIds = new Set(news.map((n) => n.id));
    if (record) await db.meta.put({ key: 'lastExportAt', value: now });
    const names = new Map(contacts.map((c) => [c.id, c.name]));
    const leftOut: string[] = [];
    const touches = allTouches.flatMap((t) => {
      const entry = toBackupTouch(t, newsIds);
      if (entry) return [entry];
      leftOut.push(`${names.get(t.contactId) ?? 'unknown contact'}: touch ${t.id}`);
      return [];
    });
    const backup: Backup = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: new Date(now).toISOString(),
      contacts: contacts.map(toBackupContact),
      // One entry per touch, whatever the store's shape.
      touches,
      news: news.map((n) => toBackupNews(n, contactIds)),
    };
    return { backup, leftOut };
  });
}

export function backupFileName(now: number): string {
  return `last-impression-backup-${new Date(now).toISOString().slice(0, 10)}.json`;
}
