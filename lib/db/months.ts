import type { Touch } from '../model';
import type { LastImpressionDb } from './database';

/**
 * The touch store: one record per contact and calendar month (UTC), holding that month's
 * touches whole, oldest first. A big import writes about ten times fewer records than one per
 * touch, and a timeline or a week reads a few records instead of thousands of index entries.
 */
export interface TouchMonth {
  contactId: string;
  /** Months since January 1970, UTC. */
  month: number;
  touches: Touch[];
}

export type MonthKey = [contactId: string, month: number];

/**
 * Where each touch id lives, hashed into a fixed number of records: finding a touch by id reads
 * one of these and then its month, never a scan, and an import writes 4,096 records for the
 * directory instead of one per touch.
 */
export interface TouchIdShard {
  shard: number;
  ids: Record<string, MonthKey>;
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

const keyString = (contactId: string, month: number) => `${month}|${contactId}`;

/** Touches grouped into month records, each sorted oldest first. */
export function groupIntoMonths(touches: Iterable<Touch>): TouchMonth[] {
  const months = new Map<string, TouchMonth>();
  for (const t of touches) {
    const month = monthOf(t.at);
    const key = keyString(t.contactId, month);
    const bucket = months.get(key);
    if (bucket) bucket.touches.push(t);
    else months.set(key, { contactId: t.contactId, month, touches: [t] });
  }
  for (const bucket of months.values()) bucket.touches.sort(byTime);
  return [...months.values()];
}

/** Directory records for `months`, merged into `existing` shards (mutated) when given. */
export function shardsFor(
  months: readonly TouchMonth[],
  existing = new Map<number, TouchIdShard>(),
): Map<number, TouchIdShard> {
  for (const m of months) {
    for (const t of m.touches) {
      const shard = shardOf(t.id);
      let record = existing.get(shard);
      if (!record) existing.set(shard, (record = { shard, ids: {} }));
      record.ids[t.id] = [m.contactId, m.month];
    }
  }
  return existing;
}

/** Every touch of a contact, oldest first. Call inside a transaction to read a consistent set. */
export async function touchesOfContact(db: LastImpressionDb, contactId: string): Promise<Touch[]> {
  const months = await monthsOfContact(db, contactId).toArray();
  return months.flatMap((m) => m.touches);
}

export function monthsOfContact(db: LastImpressionDb, contactId: string) {
  return db.touchMonths
    .where('[contactId+month]')
    .between([contactId, -Infinity], [contactId, Infinity], true, true);
}

/** The stored touch with this id and the month record holding it. */
export async function findTouch(
  db: LastImpressionDb,
  id: string,
): Promise<{ touch: Touch; month: TouchMonth } | undefined> {
  const shard = await db.touchIds.get(shardOf(id));
  const key = shard?.ids[id];
  if (!key) return undefined;
  const month = await db.touchMonths.get(key);
  const touch = month?.touches.find((t) => t.id === id);
  return touch && month ? { touch, month } : undefined;
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
    const key = shard?.ids[id];
    if (!shard || !key) continue;
    delete shard.ids[id];
    touchedShards.add(shard);
    const s = keyString(...key);
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
    const kept = m.touches.filter((t) => {
      if (!gone.has(t.id)) return true;
      removed.push(t);
      return false;
    });
    if (kept.length === 0) emptied.push(entries[i]!.key);
    else if (kept.length !== m.touches.length) changed.push({ ...m, touches: kept });
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
      return old ? { ...m, touches: [...old.touches, ...m.touches].sort(byTime) } : m;
    });
  }
  shardsFor(incoming, shards);
  await Promise.all([db.touchMonths.bulkPut(months), db.touchIds.bulkPut([...shards.values()])]);
  return replaced;
}
