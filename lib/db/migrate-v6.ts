import type { Transaction } from 'dexie';
import { toColumns, type TouchMonth } from './month-columns';
import type { MonthGroup, MonthKey } from './months';

/**
 * Version 5 to 6: each month record's array of touches becomes columns. Every record is
 * rewritten in the upgrade's one transaction, so a page closed halfway leaves version 5 whole.
 */
export async function monthsToColumns(tx: Transaction): Promise<void> {
  await tx
    .table<Partial<MonthGroup & TouchMonth>, MonthKey>('touchMonths')
    .toCollection()
    .modify((record) => {
      const { contactId, month, touches } = record;
      if (!touches || contactId === undefined || month === undefined) return;
      delete record.touches;
      Object.assign(record, toColumns(contactId, month, touches));
    });
}
