import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { importBackupOnDashboard } from './helpers';
import { makeBackup } from '../support/backups';

const BROKEN_ID = '7e3c2a1b-0d9f-4e8a-9b7c-6a5d4e3f2a10';

/**
 * Writes a contact and a touch no validation would let in, straight into the extension's
 * IndexedDB from one of its pages: a name that is an object, a note that is an object, a
 * last-touch time that is text. Each breaks the components that draw it.
 */
async function writeBrokenRecord(page: Page): Promise<void> {
  await page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('last-impression');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction(['contacts', 'touchMonths'], 'readwrite');
    const now = Date.now();
    tx.objectStore('contacts').put({
      id,
      name: { first: 'Mallory' },
      emails: ['mallory@example.com'],
      linkedin: [],
      identities: ['email:mallory@example.com'],
      tags: [],
      touchCount: 1,
      lastTouchAt: 'yesterday',
      lastOutcome: 'positive',
      lastPositiveAt: null,
      goodwillAtLastTouch: 1,
      halfLifeDays: 30,
      dueAt: -1,
      createdAt: now,
      updatedAt: now,
    });
    const at = now - 3600_000;
    const when = new Date(at);
    // The touch store keeps one record per contact and UTC month (lib/db/months.ts), its
    // touches as columns (lib/db/month-columns.ts): codes 0 are email, positive and gmail.
    const month = when.getUTCFullYear() * 12 + when.getUTCMonth() - 1970 * 12;
    tx.objectStore('touchMonths').put({
      contactId: id,
      month,
      months: [month],
      ids: [crypto.randomUUID()],
      times: new Float64Array([at, now, now]),
      codes: new Uint8Array([0, 0, 0, 0]),
      notes: [{ html: '<b>not text</b>' }],
      newsIds: [''],
    });
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, BROKEN_ID);
}

test('No view goes blank: a record that breaks rendering leaves the other rows, Export backup and Delete working', async ({
  openExtensionPage,
}) => {
  // Many steps on a shared two-core machine: room to finish, not a speed goal.
  test.slow();
  const page = await openExtensionPage('dashboard.html');
  await importBackupOnDashboard(
    page,
    makeBackup(Date.now(), [
      {
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        touches: [{ daysAgo: 2, outcome: 'positive' }],
      },
      {
        name: 'Grace Hopper',
        email: 'grace@navy.mil',
        touches: [{ daysAgo: 1, outcome: 'negative' }],
      },
    ]),
  );
  await writeBrokenRecord(page);
  await page.goto(page.url().replace(/#.*$/, '#/contacts'));
  await page.reload();

  // The table stands: the other rows draw, the broken one says what failed and links to it.
  const rows = page.getByTestId('li-contact-row');
  await expect(rows).toHaveCount(3);
  await expect(page.getByRole('link', { name: 'Ada Lovelace' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Grace Hopper' })).toBeVisible();
  const broken = page.locator(`[data-contact-id="${BROKEN_ID}"]`);
  await expect(broken.getByRole('alert')).toContainText("Couldn’t show this contact's row");
  await expect(page.getByRole('navigation', { name: 'Dashboard' })).toBeVisible();

  // Export backup still downloads everything, the broken record included.
  await page.getByRole('navigation').getByRole('link', { name: 'Backup' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export backup' }).click(),
  ]);
  const backup = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
    format: string;
    contacts: { id: string }[];
  };
  expect(backup.format).toBe('last-impression-backup');
  expect(backup.contacts.map((c) => c.id)).toContain(BROKEN_ID);
  await expect(page.getByRole('status')).toContainText('Exported 3 contacts');

  // The record is still reachable: its page keeps its timeline and offers Delete.
  await page.getByRole('navigation').getByRole('link', { name: 'Contacts' }).click();
  await broken.getByRole('link', { name: 'Open the contact' }).click();
  await expect(page.getByRole('alert').first()).toContainText(
    "Couldn’t show this contact's details",
  );
  await expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible();
  await expect(page.getByTestId('li-touch').getByRole('alert')).toContainText(
    'Couldn’t show this touch',
  );
  await page.getByRole('button', { name: 'Delete contact' }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(page).toHaveURL(/#\/contacts$/);
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId('li-error-boundary')).toHaveCount(0);
});
