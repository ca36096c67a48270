import type { Transaction } from 'dexie';
import type { ContactV7 } from './migrate-v7';
import { runningShardsOf, type RunningShard } from './running';

/**
 * Version 7 to 8: the running withdrawals move from their contacts' records into the `running`
 * shards, in the upgrade's one transaction, so a page closed halfway leaves version 7 whole and
 * the next open starts again. Only the contacts that held one are rewritten.
 */
export async function moveRunningIntoShards(tx: Transaction): Promise<void> {
  const contacts = tx.table<ContactV7, string>('contacts');
  const held = await contacts.filter((c) => c.withdrawal !== undefined).toArray();
  await Promise.all([
    tx
      .table<RunningShard, number>('running')
      .bulkPut(runningShardsOf(held.map((c) => c.withdrawal!))),
    contacts.bulkPut(
      held.map((c) => {
        const next = { ...c };
        delete next.withdrawal;
        return next;
      }),
    ),
  ]);
}
