import { expect, type BrowserContext, type FrameLocator, type Page } from '@playwright/test';
import type { Backup } from '../../lib/backup/format';
import { makeBackup, type SampleContact } from '../support/backups';
import { fullPageThreadPage, THREAD_URL, type Message } from '../support/gmail-pages';
import { serveHtml } from './fixtures';
import type { TouchMonth } from '../../lib/db/month-columns';
import { CHANNELS, OUTCOMES, SOURCES, type Contact, type Touch } from '../../lib/model';
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

/** Opens the dashboard and imports these people (a backup made for now), as a user would. */
export async function dashboardWith(
  openExtensionPage: (file: string) => Promise<Page>,
  people: SampleContact[],
): Promise<Page> {
  const dashboard = await openExtensionPage('dashboard.html');
  await importBackupOnDashboard(dashboard, makeBackup(Date.now(), people));
  return dashboard;
}

/** Serves `html` at every Gmail address (a function: read afresh on each load) and opens `url`. */
export async function openGmail(
  context: BrowserContext,
  html: string | (() => string),
  url = THREAD_URL,
): Promise<Page> {
  await serveHtml(context, 'https://mail.google.com/**', html);
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** A full-page Gmail thread of these messages, served and opened in a new tab. */
export function openGmailThread(
  context: BrowserContext,
  subject: string,
  messages: Message[],
): Promise<Page> {
  return openGmail(context, fullPageThreadPage(subject, messages));
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
    ({ k, lists }) =>
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
            // Records per contact covering runs of months (lib/db/months.ts), keyed
            // [contactId, first month], their touches stored as columns (month-columns.ts).
            const range = IDBKeyRange.bound([contact.id, -Infinity], [contact.id, Infinity]);
            const months = tx.objectStore('touchMonths').getAll(range);
            months.onsuccess = () => {
              const recent = (months.result as TouchMonth[])
                .flatMap((m) =>
                  m.ids.map((id, i) => ({
                    id,
                    contactId: m.contactId,
                    at: m.times[i * 3]!,
                    createdAt: m.times[i * 3 + 1]!,
                    updatedAt: m.times[i * 3 + 2]!,
                    channel: lists.channels[m.codes[i * 4]!]!,
                    outcome: lists.outcomes[m.codes[i * 4 + 1]!]!,
                    source: lists.sources[m.codes[i * 4 + 2]!]!,
                    ...(m.codes[i * 4 + 3] ? { goodNews: true } : {}),
                    ...(m.notes[i] ? { note: m.notes[i] } : {}),
                    ...(m.newsIds[i] ? { newsId: m.newsIds[i] } : {}),
                  })),
                )
                .sort((a, b) => b.at - a.at)
                .slice(0, 5);
              resolve({ contact, recent });
              db.close();
            };
          };
        };
      }),
    { k: key, lists: { channels: CHANNELS, outcomes: OUTCOMES, sources: SOURCES } },
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

/** The panel in `page` shows this last impression (`data-outcome`: positive … none). */
export async function expectOutcome(page: Page, outcome: string): Promise<void> {
  await expect(panelFrame(page).getByTestId('li-last-impression')).toHaveAttribute(
    'data-outcome',
    outcome,
  );
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
          const monthsReq = tx.objectStore('touchMonths').getAll();
          tx.oncomplete = () => {
            // Month records hold typed arrays (lib/db/month-columns.ts), which JSON spells as
            // objects; as plain arrays every stored time and code is compared.
            const months = monthsReq.result as TouchMonth[];
            const plain = months.map((m) => ({ ...m, times: [...m.times], codes: [...m.codes] }));
            resolve(JSON.stringify({ contacts: contacts.result, months: plain }));
            db.close();
          };
        };
      }),
  );
}
