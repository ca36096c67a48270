import type { LastImpressionDb } from '../db/database';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from './format';

export async function exportBackup(db: LastImpressionDb, now: number): Promise<Backup> {
  return db.transaction('rw', db.contacts, db.touches, db.meta, db.news, async () => {
    const [contacts, touches, news] = await Promise.all([
      db.contacts.toArray(),
      db.touches.toArray(),
      db.news.toArray(),
    ]);
    const contactIds = new Set(contacts.map((c) => c.id));
    const newsIds = new Set(news.map((n) => n.id));
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
      touches: touches.map((t) => ({
        id: t.id,
        contactId: t.contactId,
        at: new Date(t.at).toISOString(),
        channel: t.channel,
        outcome: t.outcome,
        ...(t.note ? { note: t.note } : {}),
        ...(t.goodNews ? { goodNews: true } : {}),
        ...(t.newsId && newsIds.has(t.newsId) ? { newsId: t.newsId } : {}),
        source: t.source,
        createdAt: new Date(t.createdAt).toISOString(),
      })),
      news: news.map((n) => ({
        id: n.id,
        headline: n.headline,
        ...(n.details ? { details: n.details } : {}),
        day: n.day,
        audience: n.audience.filter((e) => e.kind !== 'contact' || contactIds.has(e.id)),
        createdAt: new Date(n.createdAt).toISOString(),
      })),
    };
  });
}

export function backupFileName(now: number): string {
  return `last-impression-backup-${new Date(now).toISOString().slice(0, 10)}.json`;
}
