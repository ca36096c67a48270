import type { Transaction } from 'dexie';
import type { Contact } from '../model';
import { touchesByContact, type MonthKey, type TouchMonth } from './months';
import { reviewStoreOf, tallyTouches, type RepairMonth, type TallyMonth } from './review-store';

/**
 * Version 7: the review's store, built from every touch in the upgrade's one transaction, so a
 * page closed halfway leaves the version before whole and the next open starts again. Touches
 * whose contact is gone count nowhere, as the review never counted them.
 */
export async function buildReviewStore(tx: Transaction): Promise<void> {
  const contactsTable = tx.table<Contact, string>('contacts');
  const [byContact, contacts] = await Promise.all([
    touchesByContact(tx.table<TouchMonth, MonthKey>('touchMonths')),
    contactsTable.toArray(),
  ]);
  const built = reviewStoreOf(contacts, (id) => byContact.get(id) ?? []);
  await Promise.all([
    contactsTable.bulkPut(built.contacts.filter((c) => c.withdrawal || c.repairMonths)),
    tx.table<RepairMonth, number>('repairs').bulkPut(built.repairs),
    tallyTouches(tx.table<TallyMonth, number>('touchTallies'), built.touches),
  ]);
}
