import { importRecords, type ImportResult } from '../backup/import';
import type { LastImpressionDb } from '../db/database';
import { writeErrorReason } from '../db/write-error';
import { allContacts } from '../db/queries';
import type { ColumnMapping } from './mapping';
import { planTouchImport } from './plan-touch-import';

/**
 * The dashboard's CSV touch import after the user mapped the columns: every row is checked
 * first, then everything is written in one transaction through the backup import path.
 */
export async function importTouchRows(
  db: LastImpressionDb,
  rows: readonly (readonly string[])[],
  mapping: ColumnMapping,
  now: number,
): Promise<ImportResult> {
  const plan = planTouchImport(rows, mapping, await allContacts(db), now, () =>
    crypto.randomUUID(),
  );
  if (!plan.ok) return plan;
  try {
    return { ok: true, counts: await importRecords(db, plan.plan, now) };
  } catch (e) {
    return {
      ok: false,
      error: `Nothing was imported: ${writeErrorReason(e)}`,
    };
  }
}
