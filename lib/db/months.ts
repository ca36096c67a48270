import type { Table } from 'dexie';
import type { Touch } from '../model';
import { groupBy } from '../group';
import type { LastImpressionDb } from './database';
import { monthOf, toColumns, touchesIn, type TouchMonth } from './month-columns';

export { monthOf, type TouchMonth };

/**
 * The touch store: each contact's touches in records that each cover a run of calendar months
 * (UTC), oldest first, stored as columns (see month-columns.ts). A record is keyed by its
 * contact and the first month it covers, and covers every month up to the next record's first:
 * so the record holding a month is the contact's last one starting at or before it. An import
 * packs consecutive months together up to SPAN_TOUCHES touches, since IndexedDB spends about as
 * long on each record as on a hundred touches inside one: most contacts' few touches take one
 * record, a key account's busy months one each. A week is read through the `months` index.
 */
export interface MonthGroup {
  contactId: string;
  /** The first month the record covers, in months since January 1970, UTC. */
  month: number;
  touches: Touch[];
}

/** Touches an import packs into one record, unless a single month holds more. */
export const SPAN_TOUCHES = 100;

export type MonthKey = [contactId: string, month: number];

/**
 * Where each touch id lives, hashed into a fixed number of records: finding a touch by id reads
 * one of these and then its month, never a scan, and an import writes 4,096 records for the
 * directory instead of one per touch. Since version 5 a shard is two parallel arrays of
 * strings: IndexedDB copied version 3's object of `id → [contactId, month]` entries (half a
 * million keys and small arrays at 500,000 touches) about as slowly as all the touches
 * themselves, and arrays of strings it copies almost for free.
 */
export interface TouchIdShard {
  shard: number;
  /** Touch ids in this shard. */
  ids: string[];
  /** Where the id at the same position lives, as `placeOf` writes it. */
  places: string[];
}

/** A month key as one string; the month comes first since a contact id may hold any character. */
export function placeOf(contactId: string, month: number): string {
  return `${month}|${contactId}`;
}

function keyOfPlace(place: string): MonthKey {
  const bar = place.indexOf('|');
  return [place.slice(bar + 1), Number(place.slice(0, bar))];
}

/** Where `id` lives, if this shard knows it. */
export function lookUp(shard: TouchIdShard | undefined, id: string): MonthKey | undefined {
  const i = shard ? shard.ids.indexOf(id) : -1;
  return i < 0 ? undefined : keyOfPlace(shard!.places[i]!);
}

function place(shard: TouchIdShard, id: string, where: string): void {
  const i = shard.ids.indexOf(id);
  if (i < 0) {
    shard.ids.push(id);
    shard.places.push(where);
  } else {
    shard.places[i] = where;
  }
}

function forget(shard: TouchIdShard, id: string): boolean {
  const i = shard.ids.indexOf(id);
  if (i < 0) return false;
  shard.ids.splice(i, 1);
  shard.places.splice(i, 1);
  return true;
}

export const SHARDS = 4096;

/** FNV-1a: cheap, and spreads UUIDs and any other id evenly over the shards. */
export function shardOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % SHARDS;
}

/** Timeline order: by time, then by id, as the per-touch index ordered them. */
export function byTime(a: Touch, b: Touch): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Touches grouped by contact and month, each group sorted oldest first. */
export function groupIntoMonths(touches: Iterable<Touch>): MonthGroup[] {
  // By contact, then month: no key string built per touch of a big import.
  const byContact = new Map<string, Map<number, MonthGroup>>();
  const groups: MonthGroup[] = [];
  for (const t of touches) {
    const month = monthOf(t.at);
    let months = byContact.get(t.contactId);
    if (!months) byContact.set(t.contactId, (months = new Map()));
    const bucket = months.get(month);
    if (bucket) bucket.touches.push(t);
    else {
      const group = { contactId: t.contactId, month, touches: [t] };
      months.set(month, group);
      groups.push(group);
    }
  }
  for (const group of groups) group.touches.sort(byTime);
  return groups;
}

/**
 * Touches packed into records for a store holding none of their contacts yet: per contact,
 * oldest first, consecutive months share a record while it holds at most SPAN_TOUCHES.
 */
export function packIntoSpans(touches: Iterable<Touch>): MonthGroup[] {
  const byContact = groupBy(touches, (t) => t.contactId);
  const spans: MonthGroup[] = [];
  for (const [contactId, list] of byContact) {
    list.sort(byTime);
    let span: MonthGroup | undefined;
    for (let i = 0; i < list.length;) {
      const month = monthOf(list[i]!.at);
      let end = i + 1;
      while (end < list.length && Object.is(monthOf(list[end]!.at), month)) end += 1;
      if (!span || span.touches.length + (end - i) > SPAN_TOUCHES) {
        span = { contactId, month, touches: [] };
        spans.push(span);
      }
      for (; i < end; i += 1) span.touches.push(list[i]!);
    }
  }
  return spans;
}

/** Directory records for where `touches` now live, merged into `existing` (mutated) when given. */
export function shardsFor(
  placed: Iterable<{ touches: readonly Touch[]; contactId: string; month: number }>,
  existing = new Map<number, TouchIdShard>(),
): Map<number, TouchIdShard> {
  for (const m of placed) {
    const where = placeOf(m.contactId, m.month);
    for (const t of m.touches) {
      const shard = shardOf(t.id);
      let record = existing.get(shard);
      if (!record) existing.set(shard, (record = { shard, ids: [], places: [] }));
      place(record, t.id, where);
    }
  }
  return existing;
}

/** The contact's stored record covering `month`: its last one starting at or before it. */
function coveringRecord(
  db: LastImpressionDb,
  contactId: string,
  month: number,
): Promise<TouchMonth | undefined> {
  return db.touchMonths
    .where('[contactId+month]')
    .between([contactId, -Infinity], [contactId, month], true, true)
    .last();
}

/** Every touch of a contact, oldest first. Call inside a transaction to read a consistent set. */
export async function touchesOfContact(db: LastImpressionDb, contactId: string): Promise<Touch[]> {
  const months = await monthsOfContact(db, contactId).toArray();
  return months.flatMap(touchesIn);
}

/** Every stored touch, grouped by contact: for rebuilding what is derived from all of them. */
export async function touchesByContact(
  table: Table<TouchMonth, MonthKey>,
): Promise<Map<string, Touch[]>> {
  const byContact = new Map<string, Touch[]>();
  await table.each((m) => {
    const list = byContact.get(m.contactId);
    if (list) list.push(...touchesIn(m));
    else byContact.set(m.contactId, touchesIn(m));
  });
  return byContact;
}

export function monthsOfContact(db: LastImpressionDb, contactId: string) {
  return db.touchMonths
    .where('[contactId+month]')
    .between([contactId, -Infinity], [contactId, Infinity], true, true);
}

/** The stored touch with this id. */
export async function findTouch(db: LastImpressionDb, id: string): Promise<Touch | undefined> {
  const key = lookUp(await db.touchIds.get(shardOf(id)), id);
  const month = key && (await db.touchMonths.get(key));
  return month ? touchesIn(month).find((t) => t.id === id) : undefined;
}

/**
 * Removes touches by id from their months and the directory; call inside a transaction.
 * Returns the removed touches.
 */
export async function removeTouches(
  db: LastImpressionDb,
  ids: readonly string[],
): Promise<Touch[]> {
  if (ids.length === 0) return [];
  const shards = new Map<number, TouchIdShard>();
  for (const s of await db.touchIds.bulkGet([...new Set(ids.map(shardOf))])) {
    if (s) shards.set(s.shard, s);
  }
  const byKey = new Map<string, { key: MonthKey; ids: Set<string> }>();
  const touchedShards = new Set<TouchIdShard>();
  for (const id of ids) {
    const shard = shards.get(shardOf(id));
    const key = lookUp(shard, id);
    if (!shard || !key || !forget(shard, id)) continue;
    touchedShards.add(shard);
    const s = placeOf(...key);
    const entry = byKey.get(s);
    if (entry) entry.ids.add(id);
    else byKey.set(s, { key, ids: new Set([id]) });
  }
  const entries = [...byKey.values()];
  const months = await db.touchMonths.bulkGet(entries.map((e) => e.key));
  const removed: Touch[] = [];
  const changed: TouchMonth[] = [];
  const emptied: MonthKey[] = [];
  months.forEach((m, i) => {
    if (!m) return;
    const gone = entries[i]!.ids;
    const kept = touchesIn(m).filter((t) => {
      if (!gone.has(t.id)) return true;
      removed.push(t);
      return false;
    });
    if (kept.length === 0) emptied.push(entries[i]!.key);
    else if (kept.length !== m.ids.length) changed.push(toColumns(m.contactId, m.month, kept));
  });
  await Promise.all([
    db.touchMonths.bulkPut(changed),
    db.touchMonths.bulkDelete(emptied),
    db.touchIds.bulkPut([...touchedShards]),
  ]);
  return removed;
}

/**
 * What `putTouches` may assume: `new-ids` (a fresh log: no stored touch has these ids) skips
 * the lookup of older copies; `empty-store` (an import into an empty database, a migration)
 * skips every read.
 */
export type PutMode = 'any' | 'new-ids' | 'empty-store';

/**
 * Stores touches, replacing any stored touch with the same id wherever it was; call inside a
 * transaction. Returns the touches replaced.
 */
export async function putTouches(
  db: LastImpressionDb,
  touches: readonly Touch[],
  mode: PutMode,
): Promise<Touch[]> {
  const replaced =
    mode === 'any'
      ? await removeTouches(
          db,
          touches.map((t) => t.id),
        )
      : [];
  if (mode === 'empty-store') {
    const spans = packIntoSpans(touches);
    await Promise.all([
      db.touchMonths.bulkPut(spans.map((m) => toColumns(m.contactId, m.month, m.touches))),
      db.touchIds.bulkPut([...shardsFor(spans).values()]),
    ]);
    return replaced;
  }
  const shards = new Map<number, TouchIdShard>();
  for (const s of await db.touchIds.bulkGet([...new Set(touches.map((t) => shardOf(t.id)))])) {
    if (s) shards.set(s.shard, s);
  }
  // Each month's new touches join the record covering that month; a record starts at the month
  // instead where none covers it, or where the covering one is full and every touch it holds is
  // older (so it still covers only its own). Stored records are looked up all at once.
  const groups = groupIntoMonths(touches);
  const covering = await Promise.all(groups.map((g) => coveringRecord(db, g.contactId, g.month)));
  const records = new Map<string, MonthGroup>();
  const byContact = new Map<string, MonthGroup[]>();
  const placed: MonthGroup[] = [];
  const remember = (r: MonthGroup) => {
    records.set(placeOf(r.contactId, r.month), r);
    const list = byContact.get(r.contactId);
    if (list) list.push(r);
    else byContact.set(r.contactId, [r]);
  };
  groups.forEach((g, i) => {
    const stored = covering[i];
    let record: MonthGroup | undefined;
    for (const r of byContact.get(g.contactId) ?? []) {
      if (r.month <= g.month && (!record || r.month > record.month)) record = r;
    }
    if (stored && (!record || stored.month > record.month)) {
      record = { contactId: stored.contactId, month: stored.month, touches: touchesIn(stored) };
      remember(record);
    }
    const full =
      record !== undefined &&
      record.month !== g.month &&
      record.touches.length >= SPAN_TOUCHES &&
      record.touches.every((t) => monthOf(t.at) < g.month);
    if (!record || full) {
      record = { contactId: g.contactId, month: g.month, touches: [] };
      remember(record);
    }
    record.touches.push(...g.touches);
    placed.push({ ...record, touches: g.touches });
  });
  for (const r of records.values()) r.touches.sort(byTime);
  shardsFor(placed, shards);
  await Promise.all([
    db.touchMonths.bulkPut(
      [...records.values()].map((m) => toColumns(m.contactId, m.month, m.touches)),
    ),
    db.touchIds.bulkPut([...shards.values()]),
  ]);
  return replaced;
}
