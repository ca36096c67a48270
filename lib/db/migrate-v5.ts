import type { Transaction } from 'dexie';
import { placeOf, type MonthKey, type TouchIdShard } from './months';

/** A shard as versions 3 and 4 stored it: one entry per touch id. */
interface ShardV3 {
  shard: number;
  ids: Record<string, MonthKey>;
}

/**
 * Version 4 to 5: each id-directory shard becomes two parallel arrays (see TouchIdShard). Only
 * the 4,096 shards are rewritten, in the upgrade's one transaction, so a page closed halfway
 * leaves version 4 whole.
 */
export async function flattenIdShards(tx: Transaction): Promise<void> {
  await tx
    .table<ShardV3 | TouchIdShard, number>('touchIds')
    .toCollection()
    .modify((record) => {
      if (Array.isArray(record.ids)) return;
      const entries = Object.entries(record.ids);
      Object.assign(record, {
        ids: entries.map(([id]) => id),
        places: entries.map(([, [contactId, month]]) => placeOf(contactId, month)),
      });
    });
}
