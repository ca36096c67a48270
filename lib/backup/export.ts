import type { LastImpressionDb } from '../db/database';
import { allTouches } from '../db/queries';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from './format';

export async function exportBackup(db: LastImpressionDb, now: number): Promise<Backup> {
  return db.transaction('rw', [db.contacts, db.touchMonths, db.meta], async () => {
    const [contacts, touches] = await Promise.all([db.contacts.toArray(), allTouches(db)]);
    await db.meta.put({ key: 'lastExportAt', value: now });
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: new Date(now).toISOString(),
      contacts: contacts.map((c) => ({
        id: c.id,
        name: c.name,
        emails: c.emails,
        linkedin: c.linkedin,
        ...(c.company ? { company: c.company } : {}),
        ...(c.headline ? { headline: c.headline } : {}),
        ...(c.notes ? { notes: c.notes } : {}),
        ...(c.tags.length ? { tags: c.tags } : {}),
        ...(c.cadenceDays !== undefined ? { cadenceDays: c.cadenceDays } : {}),
        ...(c.excludeFromNudges ? { excludeFromNudges: true } : {}),
        createdAt: new Date(c.createdAt).toISOString(),
      })),
      // One entry per touch, whatever the store's shape.
      touches: touches.map((t) => ({
        id: t.id,
        contactId: t.contactId,
        at: new Date(t.at).toISOString(),
        channel: t.channel,
        outcome: t.outcome,
        ...(t.note ? { note: t.note } : {}),
        ...(t.goodNews ? { goodNews: true } : {}),
        source: t.source,
        createdAt: new Date(t.createdAt).toISOString(),
      })),
    };
  });
}

export function backupFileName(now: number): string {
  return `last-impression-backup-${new Date(now).toISOString().slice(0, 10)}.json`;
}
