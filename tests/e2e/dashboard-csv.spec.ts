import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { importBackupOnDashboard } from './helpers';
import { parseCsv } from '../../lib/csv/parse';
import { unescapeCell } from '../../lib/csv/write';
import { FORMULA_NOTE, makeBigBackup } from '../support/big-backup';

const CONTACTS = 10_000;
const TOUCHES = 100_000;

async function download(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return readFile((await file.path())!, 'utf8');
}

function rowsOf(csv: string): string[][] {
  const parsed = parseCsv(csv);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.rows;
}

/** Empties the database as a fresh install would have it; the page reloads to forget its caches. */
async function emptyDatabase(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('last-impression');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const stores = ['contacts', 'touchMonths', 'touchIds'];
          const tx = open.result.transaction(stores, 'readwrite');
          for (const store of stores) tx.objectStore(store).clear();
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await page.reload();
}

test('CSV export of 100,000 touches re-imports to the same touches, formulas escaped', async ({
  openExtensionPage,
}) => {
  test.setTimeout(480_000);
  const now = Date.now();
  const backup = makeBigBackup(now, CONTACTS, TOUCHES);
  const page = await openExtensionPage('dashboard.html');
  await importBackupOnDashboard(page, backup);
  await expect(page.getByRole('status')).toContainText(
    `Imported ${CONTACTS} contacts and ${TOUCHES} touches`,
    { timeout: 240_000 },
  );

  const contactsCsv = await download(page, 'Export contacts (CSV)');
  expect(contactsCsv.startsWith('\uFEFF"Name","Company"')).toBe(true);
  expect(rowsOf(contactsCsv)).toHaveLength(CONTACTS + 1);

  const exported = await download(page, 'Export touches (CSV)');
  expect(exported.startsWith('\uFEFF"Date","Name","Email"')).toBe(true);
  expect(exported).toContain('\r\n');
  // The formula note is written with a leading apostrophe, so no spreadsheet runs it.
  expect(exported).toContain(`"'${FORMULA_NOTE.replace(/"/g, '""')}"`);
  expect(exported).not.toContain(`,"${FORMULA_NOTE.replace(/"/g, '""')}"`);
  const before = rowsOf(exported);
  expect(before).toHaveLength(TOUCHES + 1);

  await emptyDatabase(page);
  await page.getByLabel('Import touches (CSV)').setInputFiles({
    name: 'touches.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(exported),
  });
  await expect(page.getByLabel('Date and time (required)')).toHaveValue('0');
  await expect(page.getByLabel('Outcome (required)')).toHaveValue('5');
  await page.getByRole('button', { name: `Import ${TOUCHES} touches` }).click();
  await expect(page.getByTestId('li-csv-status')).toContainText(`Imported ${TOUCHES} touches`, {
    timeout: 240_000,
  });

  const after = rowsOf(await download(page, 'Export touches (CSV)'));
  // Source says where a touch was logged; after a CSV import it is "import" by design.
  const withoutSource = (rows: string[][]) => rows.map((r) => r.filter((_, i) => i !== 8));
  expect(withoutSource(after)).toEqual(withoutSource(before));
  const formulaRow = after.find((r) => unescapeCell(r[7]!) === FORMULA_NOTE);
  expect(formulaRow?.[7]).toBe(`'${FORMULA_NOTE}`);
});
