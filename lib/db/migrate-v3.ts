import Dexie, { type IndexableType, type Transaction } from 'dexie';
import type { Touch } from '../model';
import { groupIntoMonths, shardsFor, type MonthGroup, type TouchIdShard } from './months';

// Contacts per read while moving: bounds memory to a slice of the touches, not all of them.
const CONTACTS_PER_STEP = 250;

/**
 * Version 2 to 3: every touch moves from its own record into its contact's month record, read
 * in slices of contact ids along the old [contactId+at] index (so a touch whose contact is
 * missing moves too), and the id directory is written last, whole.
 */
export async function moveTouchesIntoMonths(tx: Transaction): Promise<void> {
  const touches = tx.table<Touch, string>('touches');
  // Written as versions 3 to 5 stored them; version 6's upgrade turns them into columns.
  const months = tx.table<MonthGroup>('touchMonths');
  const ids = (await tx.table<{ id: string }, string>('contacts').toCollection().primaryKeys())
    .map(String)
    .sort();
  const bounds: (string | undefined)[] = [undefined];
  for (let i = CONTACTS_PER_STEP; i < ids.length; i += CONTACTS_PER_STEP) bounds.push(ids[i]!);
  bounds.push(undefined);
  const shards = new Map<number, TouchIdShard>();
  for (let i = 0; i + 1 < bounds.length; i += 1) {
    const from = bounds[i];
    const to = bounds[i + 1];
    const lower: IndexableType = from == null ? Dexie.minKey : [from, -Infinity];
    const upper: IndexableType = to == null ? Dexie.maxKey : [to, -Infinity];
    const slice = await touches
      .where('[contactId+at]')
      .between(lower, upper, true, false)
      .toArray();
    const grouped = groupIntoMonths(slice);
    shardsFor(grouped, shards);
    await months.bulkAdd(grouped);
  }
  await tx.table<TouchIdShard, number>('touchIds').bulkAdd([...shards.values()]);
}
