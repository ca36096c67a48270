import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { LastImpressionDb } from '../../lib/db/database';

let counter = 0;

/**
 * A database of its own for one test: Dexie keeps the first `indexedDB` it sees, so each
 * database gets a fresh factory and no test can see another's data.
 */
export function makeTestDb(name = `test-${++counter}`): LastImpressionDb {
  return new LastImpressionDb(name, { indexedDB: new IDBFactory(), IDBKeyRange });
}

/** Every stored record, sorted by key, for "nothing changed" comparisons. */
export async function dumpDb(db: LastImpressionDb) {
  const [contacts, touches, meta] = await Promise.all([
    db.contacts.orderBy('id').toArray(),
    db.touches.orderBy('id').toArray(),
    db.meta.orderBy('key').toArray(),
  ]);
  return { contacts, touches, meta };
}
