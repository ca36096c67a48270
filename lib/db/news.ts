import Dexie from 'dexie';
import * as v from 'valibot';
import { describeIssues, type Contact, type Touch } from '../model';
import { audienceOf } from '../news/audience';
import { newsToShare } from '../news/nudge-news';
import { NewsInputSchema, type NewsItem, type ToldRecord } from '../news/types';
import type { Nudge } from '../impressions';
import type { Result } from './contacts';
import type { LastImpressionDb } from './database';
import { findTouch, putTouches } from './months';

/*
 * The good-news bank. Items live in `news`; "who was told" lives in `told`, one row per touch
 * carrying a `newsId`, kept in step with the touch by the hooks at the end of this file, which
 * the touch, contact and import operations call inside their own transactions.
 */

/** The tables a transaction touching touches must also hold, so the hooks below can write. */
export function newsTables(db: LastImpressionDb) {
  return [db.news, db.told, db.reach] as const;
}

export async function addNews(
  db: LastImpressionDb,
  input: unknown,
  now: number,
): Promise<Result<NewsItem>> {
  const parsed = v.safeParse(NewsInputSchema, input);
  if (!parsed.success) return { ok: false, error: describeIssues(parsed.issues) };
  const item: NewsItem = {
    id: crypto.randomUUID(),
    ...withoutEmptyDetails(parsed.output),
    createdAt: now,
    updatedAt: now,
  };
  await db.news.add(item);
  return { ok: true, value: item };
}

export async function editNews(
  db: LastImpressionDb,
  id: string,
  input: unknown,
  now: number,
): Promise<Result<{ before: NewsItem; after: NewsItem }>> {
  const parsed = v.safeParse(NewsInputSchema, input);
  if (!parsed.success) return { ok: false, error: describeIssues(parsed.issues) };
  return db.transaction('rw', db.news, async () => {
    const before = await db.news.get(id);
    if (!before) return { ok: false as const, error: 'That news no longer exists' };
    const after: NewsItem = {
      id,
      ...withoutEmptyDetails(parsed.output),
      createdAt: before.createdAt,
      updatedAt: now,
    };
    await db.news.put(after);
    return { ok: true as const, value: { before, after } };
  });
}

/** Puts an item back as it was: the undo of an edit. */
export async function putNews(db: LastImpressionDb, item: NewsItem): Promise<void> {
  await db.news.put(item);
}

function withoutEmptyDetails(input: v.InferOutput<typeof NewsInputSchema>) {
  const { details, ...rest } = input;
  return details ? { ...rest, details } : rest;
}

/** What `restoreNews` needs to undo a delete. */
export interface DeletedNews {
  item: NewsItem;
  told: ToldRecord[];
}

/**
 * Deletes an item; touches that shared it forget it (they stay deposits), so no touch points
 * at news that is gone. The answer undoes it all with `restoreNews`.
 */
export async function deleteNews(
  db: LastImpressionDb,
  id: string,
): Promise<DeletedNews | undefined> {
  return db.transaction('rw', [db.news, db.told, db.touchMonths, db.touchIds], async () => {
    const item = await db.news.get(id);
    if (!item) return undefined;
    const told = await toldRowsOf(db, id);
    const shared = await touchesById(
      db,
      told.map((r) => r.touchId),
    );
    const forgotten = shared.map((t) => {
      const rest = { ...t };
      delete rest.newsId;
      return rest;
    });
    await putTouches(db, forgotten, 'any');
    await db.told.bulkDelete(told.map((r) => r.touchId));
    await db.news.delete(id);
    return { item, told };
  });
}

export async function restoreNews(db: LastImpressionDb, deleted: DeletedNews): Promise<void> {
  await db.transaction('rw', [db.news, db.told, db.touchMonths, db.touchIds], async () => {
    await db.news.put(deleted.item);
    const touches = await touchesById(
      db,
      deleted.told.map((r) => r.touchId),
    );
    const back: ToldRecord[] = [];
    const repointed: Touch[] = [];
    for (const touch of touches) {
      // A touch re-pointed meanwhile stays as it is now; a deleted one is not found.
      if (touch.newsId !== undefined) continue;
      repointed.push({ ...touch, newsId: deleted.item.id });
      back.push({ touchId: touch.id, newsId: deleted.item.id, contactId: touch.contactId });
    }
    await putTouches(db, repointed, 'any');
    await db.told.bulkPut(back);
  });
}

/** The stored touches with these ids; ids not stored are left out. */
async function touchesById(db: LastImpressionDb, ids: readonly string[]): Promise<Touch[]> {
  const found = await Promise.all(ids.map((id) => findTouch(db, id)));
  return found.filter((t): t is Touch => t !== undefined);
}

export function allNews(db: LastImpressionDb): Promise<NewsItem[]> {
  return db.news.toArray();
}

function toldRowsOf(db: LastImpressionDb, newsId: string): Promise<ToldRecord[]> {
  return db.told
    .where('[newsId+contactId]')
    .between([newsId, Dexie.minKey], [newsId, Dexie.maxKey])
    .toArray();
}

/** Every item with its audience and who of them has been told, for the dashboard list. */
export interface NewsStanding {
  item: NewsItem;
  audience: Contact[];
  told: Set<string>;
}

export async function newsStandings(db: LastImpressionDb): Promise<NewsStanding[]> {
  return db.transaction('r', db.news, db.told, db.contacts, async () => {
    const [items, told, contacts] = await Promise.all([
      db.news.toArray(),
      db.told.toArray(),
      db.contacts.toArray(),
    ]);
    const toldBy = new Map<string, Set<string>>();
    for (const row of told) {
      const set = toldBy.get(row.newsId) ?? new Set<string>();
      set.add(row.contactId);
      toldBy.set(row.newsId, set);
    }
    return items.map((item) => ({
      item,
      audience: audienceOf(item, contacts),
      told: toldBy.get(item.id) ?? new Set<string>(),
    }));
  });
}

/** The ids of the news a contact has been told. */
export async function toldNewsOf(db: LastImpressionDb, contactId: string): Promise<Set<string>> {
  const rows = await db.told.where('contactId').equals(contactId).toArray();
  return new Set(rows.map((r) => r.newsId));
}

/**
 * For due nudges: the news each should name (newest unshared item whose audience holds the
 * contact). One read of the bank and one of the told rows of these contacts, however many.
 */
export async function newsForNudges(
  db: LastImpressionDb,
  due: readonly { nudge: Pick<Nudge, 'reason'>; contact: Contact }[],
): Promise<Map<string, NewsItem>> {
  const named = new Map<string, NewsItem>();
  const sharing = due.filter((d) => d.nudge.reason === 'share-good-news');
  if (sharing.length === 0) return named;
  const items = await db.news.toArray();
  if (items.length === 0) return named;
  const rows = await db.told
    .where('contactId')
    .anyOf(sharing.map((d) => d.contact.id))
    .toArray();
  const toldBy = new Map<string, Set<string>>();
  for (const row of rows) {
    const set = toldBy.get(row.contactId) ?? new Set<string>();
    set.add(row.newsId);
    toldBy.set(row.contactId, set);
  }
  for (const { nudge, contact } of sharing) {
    const item = newsToShare(nudge, contact, items, toldBy.get(contact.id) ?? new Set());
    if (item) named.set(contact.id, item);
  }
  return named;
}

// --- Hooks: call inside the transaction that writes the touch (tables: newsTables(db)). ----

/**
 * Keeps the told row of one touch in step with it: after a log, an edit or a restore. A
 * `newsId` naming no stored item is dropped from the touch before it is written, so call this
 * before putting the touch, and put the touch it answers.
 */
export async function recordTold(db: LastImpressionDb, touch: Touch): Promise<Touch> {
  if (touch.newsId === undefined) {
    await db.told.delete(touch.id);
    return touch;
  }
  if (!(await db.news.get(touch.newsId))) {
    const rest = { ...touch };
    delete rest.newsId;
    await db.told.delete(touch.id);
    return rest;
  }
  await db.told.put({ touchId: touch.id, newsId: touch.newsId, contactId: touch.contactId });
  return touch;
}

/** After a touch is deleted. */
export async function forgetTold(db: LastImpressionDb, touchId: string): Promise<void> {
  await db.told.delete(touchId);
}

/** After a contact is deleted with its touches. */
export async function forgetContactNews(db: LastImpressionDb, contactId: string): Promise<void> {
  await db.told.where('contactId').equals(contactId).delete();
  await db.reach.delete(contactId);
  await db.news.toCollection().modify((item) => {
    item.audience = item.audience.filter((e) => e.kind !== 'contact' || e.id !== contactId);
  });
}

/**
 * After `fromId` is merged into `intoId`: their told rows move, audiences naming the merged-away
 * contact name the survivor, and the newer of the two "last written from" records is kept.
 */
export async function moveContactNews(
  db: LastImpressionDb,
  fromId: string,
  intoId: string,
): Promise<void> {
  await db.told.where('contactId').equals(fromId).modify({ contactId: intoId });
  await db.news.toCollection().modify((item) => {
    if (!item.audience.some((e) => e.kind === 'contact' && e.id === fromId)) return;
    const others = item.audience.filter(
      (e) => e.kind !== 'contact' || (e.id !== fromId && e.id !== intoId),
    );
    item.audience = [...others, { kind: 'contact', id: intoId }];
  });
  const [from, into] = await Promise.all([db.reach.get(fromId), db.reach.get(intoId)]);
  if (from && (!into || from.at > into.at)) await db.reach.put({ ...from, contactId: intoId });
  if (from) await db.reach.delete(fromId);
}

/**
 * For an import: touches that arrive without news keep the news their stored copy had (a
 * version 1 file or a CSV knows nothing of news and must not erase it), and every touch's told
 * row is written. Answers the touches to store.
 */
export async function recordToldForImport(
  db: LastImpressionDb,
  touches: readonly Touch[],
): Promise<Touch[]> {
  const hasTold = (await db.told.count()) > 0;
  const stored = hasTold ? await db.told.bulkGet(touches.map((t) => t.id)) : [];
  const knownNews = new Set((await db.news.toCollection().primaryKeys()) as string[]);
  const out: Touch[] = [];
  const rows: ToldRecord[] = [];
  const gone: string[] = [];
  touches.forEach((touch, i) => {
    let next = touch;
    const kept = stored[i];
    if (next.newsId === undefined && kept) next = { ...next, newsId: kept.newsId };
    if (next.newsId !== undefined && !knownNews.has(next.newsId)) {
      next = { ...next };
      delete next.newsId;
    }
    if (next.newsId !== undefined) {
      rows.push({ touchId: next.id, newsId: next.newsId, contactId: next.contactId });
    } else if (kept) {
      gone.push(next.id);
    }
    out.push(next);
  });
  if (gone.length) await db.told.bulkDelete(gone);
  if (rows.length) await db.told.bulkPut(rows);
  return out;
}
