import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { expect, launchWithExtension, serveHtml, serviceWorkerOf, test } from './fixtures';
import { startImportOnDashboard, panelFrame } from './helpers';
import { makeBigBackup } from '../support/big-backup';
import { fullPageThreadPage, THREAD_URL, USER } from '../support/gmail-pages';

const ADA = { email: 'ada@example.com', name: 'Ada Lovelace' };
const EACH = 500;

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
          // Touches live in one record per contact and month.
          const t = tx.objectStore('touchMonths').getAll();
          tx.oncomplete = () => {
            db.close();
            const months = t.result as { touches: unknown[] }[];
            resolve({
              contacts: c.result,
              touches: months.reduce((n, m) => n + m.touches.length, 0),
            });
          };
        };
      }),
  );
}

interface Check {
  touchCount: number;
  stored: number;
  uniqueNotes: number;
  lastTouchOk: boolean;
  lastPositiveOk: boolean;
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
            };
            // Month records are keyed [contactId, month]; the bounds take every month.
            const months = tx
              .objectStore('touchMonths')
              .getAll(IDBKeyRange.bound([contact.id, -Infinity], [contact.id, Infinity]));
            months.onsuccess = () => {
              const list = (
                months.result as { touches: { at: number; outcome: string; note?: string }[] }[]
              ).flatMap((m) => m.touches);
              const maxAt = Math.max(...list.map((t) => t.at));
              const positives = list.filter((t) => t.outcome === 'positive').map((t) => t.at);
              resolve({
                touchCount: contact.touchCount,
                stored: list.length,
                uniqueNotes: new Set(list.map((t) => t.note)).size,
                lastTouchOk: contact.lastTouchAt === maxAt,
                lastPositiveOk:
                  contact.lastPositiveAt === (positives.length ? Math.max(...positives) : null),
              });
            };
          };
        };
      }),
    `email:${email}`,
  );
}

/** The content script's own isolated world in a Gmail tab, to send as the panel does. */
async function contentScriptWorld(
  page: Page,
  context: BrowserContext,
): Promise<CDPSession & { world: number }> {
  const cdp = await context.newCDPSession(page);
  const worlds: { id: number; name: string; origin: string }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context: c }) => worlds.push(c));
  await cdp.send('Runtime.enable');
  const world = worlds.findLast(
    (w) => w.name === 'Last Impression' && w.origin.startsWith('chrome-extension://'),
  );
  if (!world) throw new Error('content script world not found');
  return Object.assign(cdp, { world: world.id });
}

/** `count` touch.log messages at once, from the page or content-script world that runs it. */
function burst(tag: string, count: number): string {
  return `Promise.all(Array.from({ length: ${count} }, (_, i) =>
    chrome.runtime.sendMessage({
      type: 'touch.log',
      input: {
        identity: { kind: 'email', value: '${ADA.email}' },
        name: '${ADA.name}',
        channel: 'email',
        outcome: ['positive', 'neutral', 'negative'][i % 3],
        note: '${tag} #' + i,
        source: 'gmail',
      },
    }).then((a) => (a && a.ok ? a.data.touchId : 'error: ' + (a && a.error)), (e) => 'error: ' + e),
  ))`;
}

// Skipped until rewritten: the panel now logs through lib/db inside its frame, and the background
// answers no touch.log message, so this burst (sent as touch.log messages) tests a protocol that
// is gone. The rewrite logs from the two panel frames and the dashboard themselves.
test.skip('Faults lose nothing: two Gmail tabs and the dashboard log 500 touches each at once, and all 1,500 are there with a correct summary', async ({
  context,
  openExtensionPage,
}) => {
  // 1,500 writes, each pushed live to two open panels: slow on a two-core runner, not stuck.
  test.setTimeout(180_000);
  await serveHtml(
    context,
    'https://mail.google.com/**',
    fullPageThreadPage('Renewal', [{ from: ADA, to: [USER] }]),
  );
  const tabs = [await context.newPage(), await context.newPage()];
  for (const tab of tabs) {
    await tab.goto(THREAD_URL);
    await expect(panelFrame(tab).getByTestId('li-contact')).toContainText(ADA.email);
  }
  const worlds = await Promise.all(tabs.map((tab) => contentScriptWorld(tab, context)));
  const dashboard = await openExtensionPage('dashboard.html');

  const results = await Promise.all([
    ...worlds.map(async (cdp, n) => {
      const { result } = await cdp.send('Runtime.evaluate', {
        contextId: cdp.world,
        expression: burst(`tab${n}`, EACH),
        awaitPromise: true,
        returnByValue: true,
      });
      return result.value as string[];
    }),
    dashboard.evaluate(burst('dashboard', EACH)) as Promise<string[]>,
  ]);
  for (const ids of results) {
    expect(ids.filter((id) => id.startsWith('error'))).toEqual([]);
    expect(ids).toHaveLength(EACH);
  }

  const check = await checkSummary(dashboard, ADA.email);
  expect(check).toEqual({
    touchCount: 3 * EACH,
    stored: 3 * EACH,
    uniqueNotes: 3 * EACH,
    lastTouchOk: true,
    lastPositiveOk: true,
  });
  expect((await countStored(dashboard)).contacts).toBe(1);
  for (const tab of tabs)
    await expect(panelFrame(tab).getByTestId('li-contact')).toContainText(ADA.email);
});

// Skipped until rewritten: the panel now logs through lib/db inside its frame, and the background
// answers no touch.log message, so this burst (sent as touch.log messages) tests a protocol that
// is gone. The rewrite logs from the two panel frames and the dashboard themselves.
test.skip('Faults lose nothing: the service worker stopped in the middle of a burst of logs keeps every acknowledged touch and a correct summary', async ({
  context,
  openExtensionPage,
}) => {
  const dashboard = await openExtensionPage('dashboard.html');
  const cdp = await context.newCDPSession(dashboard);
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v: { runningStatus: string }) => v.runningStatus === 'stopped')) resolve();
    });
  });
  await cdp.send('ServiceWorker.enable');

  const sending = dashboard.evaluate(burst('stop', 300)) as Promise<string[]>;
  await expect.poll(async () => (await countStored(dashboard)).touches).toBeGreaterThan(0);
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  const answered = await sending;
  // The next message wakes the worker again.
  const after = (await dashboard.evaluate(burst('after', 1))) as string[];
  expect(after[0]).not.toMatch(/^error/);

  const acknowledged = answered.filter((id) => !id.startsWith('error'));
  const check = await checkSummary(dashboard, ADA.email);
  expect(check.stored).toBeGreaterThanOrEqual(acknowledged.length + 1);
  expect(check.touchCount).toBe(check.stored);
  expect(check.lastTouchOk && check.lastPositiveOk).toBe(true);
  const stored = await dashboard.evaluate(
    (ids) =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('last-impression');
        open.onsuccess = () => {
          const req = open.result.transaction('touchMonths').objectStore('touchMonths').getAll();
          req.onsuccess = () => {
            const stored = new Set(
              (req.result as { touches: { id: string }[] }[]).flatMap((m) =>
                m.touches.map((t) => t.id),
              ),
            );
            resolve(ids.filter((id) => stored.has(id)).length);
          };
        };
      }),
    acknowledged,
  );
  expect(stored).toBe(acknowledged.length);
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
