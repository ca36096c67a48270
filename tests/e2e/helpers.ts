import { expect, type Page } from '@playwright/test';
import type { Backup } from '../../lib/backup/format';
import type { browser } from 'wxt/browser';

/** Picks a backup in the dashboard's real file input, as a user would, and returns at once. */
export async function startImportOnDashboard(page: Page, backup: Backup | string): Promise<void> {
  const text = typeof backup === 'string' ? backup : JSON.stringify(backup);
  // The dashboard opens on Contacts; the backup controls live under its Backup tab.
  if (!new URL(page.url()).hash.startsWith('#/backup')) {
    await page.getByRole('navigation').getByRole('link', { name: 'Backup' }).click();
  }
  await page.getByLabel('Import backup').setInputFiles({
    name: 'backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
}

/** Imports a backup on the dashboard and waits until it is done, imported or refused. */
export async function importBackupOnDashboard(page: Page, backup: Backup | string): Promise<void> {
  await startImportOnDashboard(page, backup);
  // Closing the page mid-import would (rightly) undo it, so callers get a finished import.
  await expect(page.getByRole('status')).toHaveText(/Imported|Nothing was imported/, {
    timeout: 300_000,
  });
}

/** Asks the background over the real message protocol, from an extension page. */
export async function askBackground<T>(page: Page, message: unknown): Promise<T> {
  return page.evaluate(async (m) => {
    // Extension pages expose `chrome`; the test runs in the page, not in Node.
    const api = (globalThis as unknown as { chrome: typeof browser }).chrome;
    return (await api.runtime.sendMessage(m)) as T;
  }, message) as Promise<T>;
}
