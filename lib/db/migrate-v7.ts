import type { Transaction } from 'dexie';
import type { Contact } from '../model';
import type { Episode } from '../review';
import { touchesByContact, type MonthKey, type TouchMonth } from './months';
import { reviewStoreOf, tallyTouches, type RepairMonth, type TallyMonth } from './review-store';

/** A contact as version 7 stored it: its running withdrawal in its own record, indexed. */
export interface ContactV7 extends Contact {
  withdrawal?: Episode;
}

/**
 * Version 7: the review's store, built from every touch in the upgrade's one transaction, so a
 * page closed halfway leaves the version before whole and the next open starts again. Touches
 * whose contact is gone count nowhere, as the review never counted them. Version 7 kept a
 * running withdrawal in its contact's record, where the version 8 upgrade that runs next finds it.
 */
export async function buildReviewStore(tx: Transaction): Promise<void> {
  const contactsTable = tx.table<ContactV7, string>('contacts');
  const [byContact, contacts] = await Promise.all([
    touchesByContact(tx.table<TouchMonth, MonthKey>('touchMonths')),
    contactsTable.toArray(),
  ]);
  const built = reviewStoreOf(contacts, (id) => byContact.get(id) ?? []);
  const running = new Map(built.running.map((e) => [e.contactId, e]));
  const next = built.contacts.map((c): ContactV7 => {
    const withdrawal = running.get(c.id);
    return withdrawal ? { ...c, withdrawal } : c;
  });
  await Promise.all([
    contactsTable.bulkPut(next.filter((c) => c.withdrawal || c.repairMonths)),
    tx.table<RepairMonth, number>('repairs').bulkPut(built.repairs),
    tallyTouches(tx.table<TallyMonth, number>('touchTallies'), built.touches),
  ]);
}
