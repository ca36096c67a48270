import { pickFields } from '../contact-fields';
import type { Contact, Touch } from '../model';
import type { NewsItem } from '../news/types';
import { instantOf, isoOf } from '../time';
import type { BackupContact, BackupNews, BackupTouch } from './format';

/*
 * Each kind of record crosses between the database and a backup here, both ways, and nowhere
 * else: the backup export and import, and the CSV touch import (which plans backup records),
 * all go through these. Stored times are epoch ms; a backup's are ISO text.
 */

/** An unreadable stored time is left out: it is optional, and an export must never throw. */
function optionalTime<K extends string>(key: K, ms: number): Partial<Record<K, string>> {
  const iso = isoOf(ms);
  return iso === undefined ? {} : ({ [key]: iso } as Record<K, string>);
}

export function toBackupContact(c: Contact): BackupContact {
  return { id: c.id, ...pickFields(c), ...optionalTime('createdAt', c.createdAt) };
}

/** Undefined when the touch's stored time is not an instant: the caller names it as left out. */
export function toBackupTouch(t: Touch, newsIds: ReadonlySet<string>): BackupTouch | undefined {
  const at = isoOf(t.at);
  if (at === undefined) return undefined;
  return {
    id: t.id,
    contactId: t.contactId,
    at,
    channel: t.channel,
    outcome: t.outcome,
    ...(t.note ? { note: t.note } : {}),
    ...(t.goodNews ? { goodNews: true } : {}),
    ...(t.newsId && newsIds.has(t.newsId) ? { newsId: t.newsId } : {}),
    source: t.source,
    ...optionalTime('createdAt', t.createdAt),
  };
}

/** `contactId`: the stored contact the file's contact was folded into. */
export function fromBackupTouch(t: BackupTouch, contactId: string, now: number): Touch {
  // Optional fields assigned, not spread: a big import makes half a million of these, and
  // conditional spreads made each one several throwaway objects.
  const touch: Touch = {
    id: t.id,
    contactId,
    at: instantOf(t.at),
    channel: t.channel,
    outcome: t.outcome,
    source: t.source ?? 'import',
    createdAt: t.createdAt ? instantOf(t.createdAt) : now,
    updatedAt: now,
  };
  if (t.note) touch.note = t.note;
  if (t.goodNews) touch.goodNews = true;
  if (t.newsId) touch.newsId = t.newsId;
  return touch;
}

/** Its audience keeps only contacts that are in the same file. */
export function toBackupNews(n: NewsItem, contactIds: ReadonlySet<string>): BackupNews {
  return {
    id: n.id,
    headline: n.headline,
    ...(n.details ? { details: n.details } : {}),
    day: n.day,
    audience: n.audience.filter((e) => e.kind !== 'contact' || contactIds.has(e.id)),
    ...optionalTime('createdAt', n.createdAt),
  };
}

/** `contactIdOf`: where each of the file's contacts was folded into. */
export function fromBackupNews(
  n: BackupNews,
  contactIdOf: (fileId: string) => string,
  now: number,
): NewsItem {
  return {
    id: n.id,
    headline: n.headline,
    ...(n.details ? { details: n.details } : {}),
    day: n.day,
    audience: n.audience.map((e) =>
      e.kind === 'contact' ? { kind: 'contact' as const, id: contactIdOf(e.id) } : e,
    ),
    createdAt: n.createdAt ? instantOf(n.createdAt) : now,
    updatedAt: now,
  };
}
