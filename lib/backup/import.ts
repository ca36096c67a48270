import { mergeFields, pickFields } from '../contact-fields';
import { nudgeIndex } from '../impressions';
import { emailKey, identityKeys, linkedinKey, type Contact, type Settings } from '../model';
import { newContact } from '../db/contacts';
import { newsTables, recordToldForImport } from '../db/news';
import { reviewTables, type LastImpressionDb } from '../db/database';
import { putTouches, touchesOfContact } from '../db/months';
import { writeErrorReason } from '../db/write-error';
import { replaceEpisodes, tallyTouches, type EpisodeChange } from '../db/review-store';
import { getSettings } from '../db/settings';
import { groupBy } from '../group';
import { episodesOf } from '../review';
import { instantOf } from '../time';
import { recomputeContact, withSummary } from '../db/summary';
import type { Backup } from './format';
import { fromBackupNews, fromBackupTouch } from './records';
import { parseBackup } from './validate';

export interface ImportCounts {
  contacts: number;
  touches: number;
  news?: number;
}

export type ImportResult = { ok: true; counts: ImportCounts } | { ok: false; error: string };

/** Validates the whole file, then writes it in one transaction: all or nothing. */
export async function importBackupText(
  db: LastImpressionDb,
  text: string,
  now: number,
): Promise<ImportResult> {
  const parsed = parseBackup(text, now);
  if (!parsed.ok) return parsed;
  try {
    return { ok: true, counts: await importRecords(db, parsed.backup, now) };
  } catch (e) {
    return {
      ok: false,
      error: `Nothing was imported: ${writeErrorReason(e)}`,
    };
  }
}

/**
 * Writes validated records. Ids make a second import of the same file a no-op; a contact whose
 * email or LinkedIn path is already known is folded into the existing contact.
 */
export async function importRecords(
  db: LastImpressionDb,
  data: Pick<Backup, 'contacts' | 'touches' | 'news'>,
  now: number,
): Promise<ImportCounts> {
  return db.transaction(
    'rw',
    [db.contacts, db.touchMonths, db.touchIds, db.meta, ...newsTables(db), ...reviewTables(db)],
    async () => {
      const settings = await getSettings(db);
      const byId = new Map<string, Contact>();
      for (const c of await db.contacts.bulkGet(data.contacts.map((c) => c.id))) {
        if (c) byId.set(c.id, c);
      }
      const allKeys = data.contacts.flatMap((c) => identityKeys(c));
      const byKey = new Map<string, Contact>();
      for (const c of await db.contacts.where('identities').anyOf(allKeys).toArray()) {
        for (const k of c.identities) byKey.set(k, c);
      }

      const targetOf = new Map<string, Contact>();
      const existed = new Set<string>();
      for (const incoming of data.contacts) {
        const existing =
          byId.get(incoming.id) ??
          identityKeys(incoming)
            .map((k) => byKey.get(k))
            .find(Boolean);
        // An identity another contact holds stays with it: one identity, one contact.
        const targetId = existing?.id ?? incoming.id;
        const free = (key: string) => (byKey.get(key)?.id ?? targetId) === targetId;
        const own = {
          ...incoming,
          emails: incoming.emails.filter((e) => free(emailKey(e))),
          linkedin: incoming.linkedin.filter((l) => free(linkedinKey(l))),
        };
        const merged = mergeIncoming(existing, own, settings, now);
        if (existing) existed.add(existing.id);
        targetOf.set(incoming.id, merged);
        // A later record naming the same person builds on this one instead of replacing it.
        byId.set(merged.id, merged);
        for (const k of merged.identities) byKey.set(k, merged);
      }

      const contactIdOf = (fileId: string) => targetOf.get(fileId)?.id ?? fileId;
      const news = (data.news ?? []).map((n) => fromBackupNews(n, contactIdOf, now));
      if (news.length) await db.news.bulkPut(news);

      const incoming = data.touches.map((t) => fromBackupTouch(t, contactIdOf(t.contactId), now));
      const touches = await recordToldForImport(db, incoming);
      // An empty store (the common, large import) skips every lookup of older copies.
      const empty = (await db.touchMonths.toCollection().first()) === undefined;
      const replaced = await putTouches(db, touches, empty ? 'empty-store' : 'any');
      await tallyTouches(db.touchTallies, touches, replaced);
      // A re-imported touch id may now belong to another contact; the one it left needs its
      // summary recomputed.
      const newOwner = new Map(touches.map((t) => [t.id, t.contactId]));
      const movedFrom = new Set(
        replaced
          .filter((old) => newOwner.get(old.id) !== old.contactId)
          .map((old) => old.contactId),
      );

      // New contacts' touches are all in hand; known contacts may have more stored already.
      const byContact = groupBy(
        touches.filter((t) => !existed.has(t.contactId)),
        (t) => t.contactId,
      );
      for (const id of existed) byContact.set(id, await touchesOfContact(db, id));
      const targets = new Map([...targetOf.values()].map((c) => [c.id, c]));
      const changes: EpisodeChange[] = [];
      const summed = [...targets.values()].map((c) => {
        const own = byContact.get(c.id) ?? [];
        const episodes = episodesOf(own);
        changes.push({ contactId: c.id, before: c.repairMonths, episodes });
        return withSummary(c, own, settings, now, episodes);
      });
      await Promise.all([db.contacts.bulkPut(summed), replaceEpisodes(db, changes)]);
      for (const id of movedFrom) {
        const contact = targets.has(id) ? undefined : await db.contacts.get(id);
        if (contact) await recomputeContact(db, contact, settings, now);
      }
      return {
        contacts: data.contacts.length,
        touches: touches.length,
        ...(news.length ? { news: news.length } : {}),
      };
    },
  );
}

function mergeIncoming(
  existing: Contact | undefined,
  incoming: Backup['contacts'][number],
  settings: Settings,
  now: number,
): Contact {
  const fields = mergeFields(existing && pickFields(existing), pickFields(incoming));
  const base = newContact(
    fields,
    settings,
    existing?.createdAt ?? (incoming.createdAt ? instantOf(incoming.createdAt) : now),
    existing?.id ?? incoming.id,
  );
  const merged: Contact = existing
    ? { ...existing, ...base, identities: identityKeys(base) }
    : base;
  Object.assign(merged, nudgeIndex(merged, settings));
  return merged;
}
