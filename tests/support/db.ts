import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { LastImpressionDb } from '../../lib/db/database';
import { removeTouches } from '../../lib/db/months';
import { allTouches } from '../../lib/db/queries';

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
    allTouches(db).then((list) => list.sort((a, b) => a.id.localeCompare(b.id))),
    db.meta.orderBy('key').toArray(),
  ]);
  return { contacts, touches, meta };
}

/** Empties the touch store behind the operations' back (contacts keep their summaries). */
export async function clearTouches(db: LastImpressionDb): Promise<void> {
  await Promise.all([db.touchMonths.clear(), db.touchIds.clear()]);
}

/** Removes touches behind the operations' back (no summary recompute). */
export async function deleteTouchRecords(db: LastImpressionDb, ids: string[]): Promise<void> {
  await db.transaction('rw', [db.touchMonths, db.touchIds], () => removeTouches(db, ids));
}
