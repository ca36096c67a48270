import type { Table } from 'dexie';
import type { Episode } from '../review';
import {
  appendEpisodeStart,
  emptyEpisodeColumns,
  episodeStarts,
  type EpisodeColumns,
} from './episode-columns';
import { groupBy } from '../group';
import { shardOf } from './months';

/**
 * The withdrawals still running, one per contact at most, kept in a few records hashed by
 * contact id: the Review reads them all at once without reading a single contact, and a write
 * reads and rewrites only its contacts' shards. The shards are the only place a running episode
 * is kept (repaired ones live in `repairs`, see review-store.ts).
 *
 * 32 shards: a book of 10,000 contacts leaves about 2,000 withdrawals running, 5,000 at worst,
 * so a shard holds 60 to 160 entries of 120 to 150 bytes with a short note: 8 to 25 KB. Measured
 * in Chromium 156 (raw IndexedDB, 2,128 episodes): reading them all takes about 18 ms as 32
 * shards, 25 ms as 64, 15 ms as 16; a log's read and rewrite of one shard 2 ms as 32 or 64,
 * 3 ms as 16, 5 ms as 8 (40 KB), 30 ms as one record, which Chromium keeps in a file of its own
 * past 64 KB. 32 keeps both low and leaves room for long notes.
 */
export const RUNNING_SHARDS = 32;

/** The shard of a contact's running withdrawal; 32 divides months.ts' SHARDS, so spread evenly. */
export function runningShardOf(contactId: string): number {
  return shardOf(contactId) % RUNNING_SHARDS;
}

/** A shard's running episodes as columns, one entry per contact. */
export interface RunningShard extends EpisodeColumns {
  shard: number;
}

function shardOfEpisodes(shard: number, episodes: readonly Episode[]): RunningShard {
  const r: RunningShard = { shard, ...emptyEpisodeColumns() };
  for (const e of episodes) appendEpisodeStart(r, e);
  return r;
}

/** A shard's episodes, as `episodesOf` gives them. */
export function episodesOfShard(r: RunningShard): Episode[] {
  return episodeStarts(r).map(({ start, flips }) => ({ contactId: start.contactId, start, flips }));
}

/** Running episodes as shard records: the schema upgrade, and tests comparing with a recompute. */
export function runningShardsOf(episodes: Iterable<Episode>): RunningShard[] {
  const byShard = groupBy(episodes, (e) => runningShardOf(e.contactId));
  return [...byShard].map(([shard, list]) => shardOfEpisodes(shard, list));
}

/** The contact's running withdrawal; call inside a transaction with `running`. */
export async function runningOf(
  table: Table<RunningShard, number>,
  contactId: string,
): Promise<Episode | undefined> {
  const record = await table.get(runningShardOf(contactId));
  return record && episodesOfShard(record).find((e) => e.contactId === contactId);
}

const sameEpisode = (a: Episode | undefined, b: Episode | undefined) =>
  a === b ||
  (a !== undefined &&
    b !== undefined &&
    a.start.id === b.start.id &&
    a.start.at === b.start.at &&
    a.start.createdAt === b.start.createdAt &&
    (a.start.note ?? '') === (b.start.note ?? '') &&
    a.flips.length === b.flips.length &&
    a.flips.every((at, i) => at === b.flips[i]));

/**
 * Sets the running withdrawal of each contact named (undefined: none runs, or the contact is
 * gone); call inside a transaction with `running`. Reads only the shards of those contacts and
 * rewrites only those whose entries changed.
 */
export async function setRunning(
  table: Table<RunningShard, number>,
  changes: ReadonlyMap<string, Episode | undefined>,
): Promise<void> {
  if (changes.size === 0) return;
  const byShard = groupBy(changes, ([contactId]) => runningShardOf(contactId));
  const shards = [...byShard.keys()];
  const stored = await table.bulkGet(shards);
  const put: RunningShard[] = [];
  const emptied: number[] = [];
  shards.forEach((shard, i) => {
    const record = stored[i];
    const kept: Episode[] = [];
    let changed = false;
    for (const e of record ? episodesOfShard(record) : []) {
      if (!changes.has(e.contactId)) kept.push(e);
      else if (!sameEpisode(e, changes.get(e.contactId))) changed = true;
    }
    const before = new Set(record?.contactIds);
    for (const [contactId, e] of byShard.get(shard)!) {
      if (!e) continue;
      kept.push(e);
      if (!before.has(contactId)) changed = true;
    }
    if (!changed) return;
    if (kept.length) put.push(shardOfEpisodes(shard, kept));
    else if (record) emptied.push(shard);
  });
  await Promise.all([table.bulkPut(put), table.bulkDelete(emptied)]);
}
