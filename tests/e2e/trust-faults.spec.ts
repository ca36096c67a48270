import type { BrowserContext, Frame, Page } from '@playwright/test';
import { expect, launchWithExtension, serviceWorkerOf, test } from './fixtures';
import { openGmailThread, panelFrame, startImportOnDashboard, expectOutcome } from './helpers';
import { makeBigBackup } from '../support/big-backup';
import { THREAD_URL, USER } from '../support/gmail-pages';

const ADA = { email: 'ada@example.com', name: 'Ada Lovelace' };
/** Clicks per burst: well past what a rep makes, few enough for a two-core runner. */
const EACH = 150;

interface Stored {
  contacts: number;
  touches: number;
}

/** Counts records straight from IndexedDB in an extension page (no version: no upgrade). */
async function countStored(page: Page): Promise<Stored> {
  return page.evaluate(
    () =>
      new Promise<Stored>((resolve, reject) => {
        const open = indexedDB.open('last-impression');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('contacts'))
            return resolve({ contacts: 0, touches: 0 });
          const tx = db.transaction(['contacts', 'touchMonths']);
          const c = tx.objectStore('contacts').count();
          // Touches live in records per contact, each covering a run of months.
          const t = tx.objectStore('touchMonths').getAll();
          tx.oncomplete = () => {
            db.close();
            const months = t.result as { ids: string[] }[];
            resolve({
              contacts: c.result,
              touches: months.reduce((n, m) => n + m.ids.length, 0),
            });
          };
        };
      }),
  );
}

interface Check {
  touchCount: number;
  stored: number;
  lastTouchOk: boolean;
  lastPositiveOk: boolean;
  lastOutcome: string;
}

/** The contact's stored summary against its stored touches, read in one transaction. */
async function checkSummary(page: Page, email: string): Promise<Check> {
  return page.evaluate(
    (key) =>
      new Promise<Check>((resolve, reject) => {
        const open = indexedDB.open('last-impression');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['contacts', 'touchMonths']);
          const req = tx.objectStore('contacts').index('identities').get(key);
          req.onsuccess = () => {
            const contact = req.result as {
              id: string;
              touchCount: number;
              lastTouchAt: number;
              lastPositiveAt: number | null;
              lastOutcome: string;
            };
            // Month records are keyed [contactId, month]; the bounds take every month.
            const months = tx
              .objectStore('touchMonths')
              .getAll(IDBKeyRange.bound([contact.id, -Infinity], [contact.id, Infinity]));
            months.onsuccess = () => {
              // Columns (lib/db/month-columns.ts): three times and four codes per touch, the
              // outcome second among the codes, 0 for positive.
              const list = (
                months.result as { ids: string[]; times: Float64Array; codes: Uint8Array }[]
              ).flatMap((m) =>
                m.ids.map((_, i) => ({
                  at: m.times[i * 3]!,
                  outcome: m.codes[i * 4 + 1] === 0 ? 'positive' : 'other',
                })),
              );
              const maxAt = Math.max(...list.map((t) => t.at));
              const positives = list.filter((t) => t.outcome === 'positive').map((t) => t.at);
              resolve({
                touchCount: contact.touchCount,
                stored: list.length,
                lastTouchOk: contact.lastTouchAt === maxAt,
                lastPositiveOk:
                  contact.lastPositiveAt === (positives.length ? Math.max(...positives) : null),
                lastOutcome: contact.lastOutcome,
              });
            };
          };
        };
      }),
    `email:${email}`,
  );
}

/** The panel's own document in a Gmail tab: an extension page, framed. */
async function panelDocument(page: Page): Promise<Frame> {
  await expect(panelFrame(page).getByTestId('li-contact')).toContainText(ADA.email);
  const frame = page.frames().find((f) => f.url().includes('/panel.html'));
  if (!frame) throw new Error('no panel frame in this tab');
  return frame;
}

/**
 * `count` clicks on the panel's log buttons (positive, neutral, negative in turn), each
 * dispatched at once after the one before, none waiting for a write: as fast as clicks come.
 */
function clickBurst(frame: Frame, count: number): Promise<void> {
  return frame.evaluate((n) => {
    const buttons = ['Log positive', 'Log neutral', 'Log negative'].map((name) => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === name);
      if (!button) throw new Error(`no ${name} button`);
      return button;
    });
    for (let i = 0; i < n; i++) buttons[i % 3]!.click();
  }, count);
}

async function openThreads(context: BrowserContext, tabs: number): Promise<Page[]> {
  const first = await openGmailThread(context, 'Renewal', [{ from: ADA, to: [USER] }]);
  const pages = [first];
  while (pages.length < tabs) {
    const tab = await context.newPage();
    await tab.goto(THREAD_URL);
    pages.push(tab);
  }
  return pages;
}

test('Faults lose nothing: quick clicks in two Gmail tabs at once are each stored exactly once, with a correct summary', async ({
  context,
  openExtensionPage,
}) => {
  // Hundreds of writes, each redrawing two live panels: slow on a two-core runner, not stuck.
  test.setTimeout(120_000);
  const tabs = await openThreads(context, 2);
  const frames = await Promise.all(tabs.map(panelDocument));
  // Neither tab has stored Ada yet: both first clicks race to create her.
  await Promise.all(frames.map((frame) => clickBurst(frame, EACH)));

  const dashboard = await openExtensionPage('dashboard.html');
  await expect
    .poll(async () => (await countStored(dashboard)).touches, { timeout: 60_000 })
    .toBe(2 * EACH);
  const check = await checkSummary(dashboard, ADA.email);
  expect(check).toMatchObject({
    touchCount: 2 * EACH,
    stored: 2 * EACH,
    lastTouchOk: true,
    lastPositiveOk: true,
  });
  expect((await countStored(dashboard)).contacts).toBe(1);
  // Both panels settle on what is stored, not on an answer that arrived late.
  for (const tab of tabs) {
    await expectOutcome(tab, check.lastOutcome);
  }
});

test('Faults lose nothing: the service worker stopped in the middle of a burst of clicks; every click is stored once and the panel still follows the page', async ({
  context,
  openExtensionPage,
}) => {
  test.setTimeout(120_000);
  const [tab] = await openThreads(context, 1);
  const frame = await panelDocument(tab!);
  const dashboard = await openExtensionPage('dashboard.html');
  const cdp = await context.newCDPSession(dashboard);
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v: { runningStatus: string }) => v.runningStatus === 'stopped')) resolve();
    });
  });
  await cdp.send('ServiceWorker.enable');

  // The frame writes the touches itself; the worker only relays who is on screen.
  const clicking = clickBurst(frame, EACH);
  await expect.poll(async () => (await countStored(dashboard)).touches).toBeGreaterThan(0);
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await clicking;
  await expect
    .poll(async () => (await countStored(dashboard)).touches, { timeout: 60_000 })
    .toBe(EACH);
  const check = await checkSummary(dashboard, ADA.email);
  expect(check).toMatchObject({ touchCount: EACH, stored: EACH, lastTouchOk: true });

  // The panel still works: a real click is stored, and it still follows the page, which
  // needs the worker (woken again by the page's port) to relay who is on screen.
  const panel = panelFrame(tab!);
  await panel.getByRole('button', { name: 'Log positive' }).click();
  await expect.poll(async () => (await checkSummary(dashboard, ADA.email)).stored).toBe(EACH + 1);
  await expect(panel.getByTestId('li-last-impression')).toHaveAttribute('data-outcome', 'positive');
  await tab!.evaluate(() => {
    document.querySelector('[role=main]')?.replaceChildren();
    location.hash = '#inbox';
  });
  await expect(panel.getByTestId('li-contact')).toHaveCount(0);
});

// Each interruption needs an empty profile, so these launch their own browser.
const IMPORT_CONTACTS = 2_000;
const IMPORT_TOUCHES = 20_000;
const ALL = { contacts: IMPORT_CONTACTS, touches: IMPORT_TOUCHES };
const NONE = { contacts: 0, touches: 0 };

type Interrupt = 'close the dashboard' | 'stop the service worker';

/**
 * Imports the big backup in a fresh profile; after `afterMs` (or never) interrupts it, then
 * reads what is stored from another extension page. Returns the counts and how long a
 * complete import took (when it completed).
 */
async function importWith(interrupt: Interrupt | null, afterMs: number) {
  const context = await launchWithExtension();
  try {
    const id = new URL((await serviceWorkerOf(context)).url()).host;
    const dashboard = await context.newPage();
    await dashboard.goto(`chrome-extension://${id}/dashboard.html`);
    const cdp = await context.newCDPSession(dashboard);
    await cdp.send('ServiceWorker.enable');
    const backup = makeBigBackup(Date.now(), IMPORT_CONTACTS, IMPORT_TOUCHES);
    const started = Date.now();
    await startImportOnDashboard(dashboard, backup);
    let tookMs = 0;
    if (interrupt === 'close the dashboard') {
      await dashboard.waitForTimeout(afterMs);
      await dashboard.close();
    } else {
      if (interrupt === 'stop the service worker') {
        await dashboard.waitForTimeout(afterMs);
        await cdp.send('ServiceWorker.stopAllWorkers');
      }
      // The import runs in the dashboard's own page and finishes without the worker.
      await expect(dashboard.getByRole('status').first()).toContainText('Imported', {
        timeout: 60_000,
      });
      tookMs = Date.now() - started;
    }
    const reader = await context.newPage();
    await reader.goto(`chrome-extension://${id}/popup.html`);
    return { stored: await countStored(reader), tookMs };
  } finally {
    await context.close();
  }
}

test('Faults lose nothing: an import interrupted by closing the dashboard at any point leaves all of it or none', async () => {
  test.setTimeout(240_000);
  const whole = await importWith(null, 0);
  expect(whole.stored).toEqual(ALL);
  // Aim the interruptions across the time a whole import takes here: before, during, after.
  const outcomes = [];
  for (const share of [0.3, 0.5, 0.7, 0.9]) {
    const { stored } = await importWith('close the dashboard', Math.round(whole.tookMs * share));
    expect([NONE, ALL], `closed at ${share} of the import`).toContainEqual(stored);
    outcomes.push(stored.touches);
  }
  test.info().annotations.push({
    type: 'touches after each interruption',
    description: outcomes.join(', '),
  });
});

test('Faults lose nothing: stopping the service worker during an import loses none of it', async () => {
  test.setTimeout(120_000);
  const { stored } = await importWith('stop the service worker', 300);
  expect(stored).toEqual(ALL);
});
