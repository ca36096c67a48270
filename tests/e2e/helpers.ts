import { expect, type FrameLocator, type Page } from '@playwright/test';
import type { Backup } from '../../lib/backup/format';
import type { Contact, Touch } from '../../lib/model';
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

/**
 * Reads the contact stored under an identity, and its five latest touches, straight from the
 * extension's IndexedDB in an extension page: the background answers no questions, extension
 * pages use the database themselves.
 */
export async function storedContact(
  page: Page,
  identity: { kind: string; value: string },
): Promise<{ ok: true; data: { contact: Contact; recent: Touch[] } | null }> {
  const key =
    identity.kind === 'email'
      ? `email:${identity.value.trim().toLowerCase()}`
      : `linkedin:${identity.value}`;
  const data = await page.evaluate(
    (k) =>
      new Promise<{ contact: Contact; recent: Touch[] } | null>((resolve, reject) => {
        const open = indexedDB.open('last-impression');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['contacts', 'touchMonths']);
          const get = tx.objectStore('contacts').index('identities').get(k);
          get.onerror = () => reject(get.error);
          get.onsuccess = () => {
            const contact = get.result as Contact | undefined;
            if (!contact) return resolve(null);
            // One record per contact and month (lib/db/months.ts), keyed [contactId, month].
            const range = IDBKeyRange.bound([contact.id, -Infinity], [contact.id, Infinity]);
            const months = tx.objectStore('touchMonths').getAll(range);
            months.onsuccess = () => {
              const recent = (months.result as { touches: Touch[] }[])
                .flatMap((m) => m.touches)
                .sort((a, b) => b.at - a.at)
                .slice(0, 5);
              resolve({ contact, recent });
              db.close();
            };
          };
        };
      }),
    key,
  );
  return { ok: true, data };
}

/** Starts the service worker if it sleeps: opening a port wakes it, even one it refuses. */
export async function wakeWorker(page: Page): Promise<void> {
  await page.evaluate(() => {
    const api = (globalThis as unknown as { chrome: typeof browser }).chrome;
    api.runtime.connect({ name: 'wake' });
  });
}

/** The panel: an extension page framed in the host page, reached the way a user's clicks are. */
export function panelFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe[title="Last Impression"]');
}

/** Opens the panel's details drawer (participants, note, recent touches), as a user would. */
export async function openDetails(page: Page): Promise<void> {
  // A user clicks in the tab in front; a background tab runs no animation frames, so neither
  // the slot's layout nor Playwright's stability check would move on.
  await page.bringToFront();
  const details = panelFrame(page).getByRole('button', { name: /^Details/ });
  if ((await details.getAttribute('aria-expanded')) !== 'true') await details.click();
}

/** Every contact and touch stored, read in an extension page: a "before and after" snapshot. */
export async function storedData(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('last-impression');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['contacts', 'touchMonths']);
          const contacts = tx.objectStore('contacts').getAll();
          const months = tx.objectStore('touchMonths').getAll();
          tx.oncomplete = () => {
            const touches = (months.result as { touches: unknown[] }[]).flatMap((m) => m.touches);
            resolve(JSON.stringify({ contacts: contacts.result, touches }));
            db.close();
          };
        };
      }),
  );
}
