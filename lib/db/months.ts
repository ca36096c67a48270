import type { Table } from 'dexie';
import type { Touch } from '../model';
import type { LastImpressionDb } from './database';
import { toColumns, touchesIn, type TouchMonth } from './month-columns';

export type { TouchMonth };

/**
 * The touch store: one record per contact and calendar month (UTC), holding that month's
 * touches whole, oldest first (stored as columns: see month-columns.ts). A big import writes
 * about ten times fewer records than one per touch, and a timeline or a week reads a few records
 * instead of thousands of index entries.
 */
export interface MonthGroup {
  contactId: string;
  /** Months since January 1970, UTC. */
  month: number;
  touches: Touch[];
}

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

export function monthOf(at: number): number {
  const d = new Date(at);
  return d.getUTCFullYear() * 12 + d.getUTCMonth() - 1970 * 12;
}

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

/** Directory records for `months`, merged into `existing` shards (mutated) when given. */
export function shardsFor(
  months: readonly MonthGroup[],
  existing = new Map<number, TouchIdShard>(),
): Map<number, TouchIdShard> {
  for (const m of months) {
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
  const incoming = groupIntoMonths(touches);
  const shards = new Map<number, TouchIdShard>();
  let months = incoming;
  if (mode !== 'empty-store') {
    const [stored, storedShards] = await Promise.all([
      db.touchMonths.bulkGet(incoming.map((m): MonthKey => [m.contactId, m.month])),
      db.touchIds.bulkGet([...new Set(touches.map((t) => shardOf(t.id)))]),
    ]);
    for (const s of storedShards) if (s) shards.set(s.shard, s);
    months = incoming.map((m, i) => {
      const old = stored[i];
      return old ? { ...m, touches: [...touchesIn(old), ...m.touches].sort(byTime) } : m;
    });
  }
  shardsFor(incoming, shards);
  await Promise.all([
    db.touchMonths.bulkPut(months.map((m) => toColumns(m.contactId, m.month, m.touches))),
    db.touchIds.bulkPut([...shards.values()]),
  ]);
  return replaced;
}
