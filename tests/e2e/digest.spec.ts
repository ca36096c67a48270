import type { BrowserContext, Page, Worker } from '@playwright/test';
import type { browser } from 'wxt/browser';
import { expect, test } from './fixtures';
import { importBackupOnDashboard, wakeWorker } from './helpers';
import { makeBackup } from '../support/backups';
import { DEFAULT_SETTINGS } from '../../lib/model';

type Chrome = typeof browser;

type Marked = { restartMark?: boolean };

/**
 * Stops the extension's service worker and wakes a fresh one with a message, as Chrome does
 * after idling; a mark left in the old worker's globals proves the new one started afresh.
 */
async function restartWorker(context: BrowserContext, page: Page): Promise<Worker> {
  await context.serviceWorkers()[0]!.evaluate(() => {
    (globalThis as Marked).restartMark = true;
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  await wakeWorker(page);
  await expect
    .poll(() =>
      context.serviceWorkers()[0]?.evaluate(() => (globalThis as Marked).restartMark ?? false),
    )
    .toBe(false);
  return context.serviceWorkers()[0]!;
}

const digestAlarms = (worker: Worker) =>
  worker.evaluate(async () => {
    const alarms = await (globalThis as unknown as { chrome: Chrome }).chrome.alarms.getAll();
    return alarms.filter((a) => a.name === 'digest').map((a) => a.scheduledTime);
  });

/** Fires the digest alarm now and waits until the run has set the next one (its last step). */
async function fireDigest(worker: Worker): Promise<void> {
  const firedAt = await worker.evaluate(async () => {
    const now = Date.now();
    await (globalThis as unknown as { chrome: Chrome }).chrome.alarms.create('digest', {
      when: now,
    });
    return now;
  });
  await expect
    .poll(async () => (await digestAlarms(worker))[0] ?? 0)
    .toBeGreaterThan(firedAt + 60_000);
}

const notifications = (worker: Worker) =>
  worker.evaluate(async () =>
    Object.keys(await (globalThis as unknown as { chrome: Chrome }).chrome.notifications.getAll()),
  );

test('the digest alarm is registered once and sends one notification a day for due contacts', async ({
  context,
  openExtensionPage,
}) => {
  const dashboard = await openExtensionPage('dashboard.html');
  await importBackupOnDashboard(
    dashboard,
    makeBackup(Date.now(), [
      {
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        touches: [{ daysAgo: 20, outcome: 'positive' }],
      },
      {
        name: 'Grace Hopper',
        email: 'grace@navy.mil',
        touches: [{ daysAgo: 1, outcome: 'negative' }],
      },
    ]),
  );
  await expect(dashboard.getByRole('status')).toContainText('Imported 2 contacts');
  // The test may run on a weekend, when the default settings send no digest.
  await dashboard.evaluate(
    async (settings) => {
      const open = indexedDB.open('last-impression');
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = db.transaction('meta', 'readwrite');
      tx.objectStore('meta').put({ key: 'settings', value: settings });
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    },
    { ...DEFAULT_SETTINGS, digestWeekends: true },
  );

  let worker = await restartWorker(context, dashboard);
  await expect.poll(() => digestAlarms(worker)).toHaveLength(1);
  const [scheduled] = await digestAlarms(worker);
  const slot = new Date(scheduled!);
  expect(slot.getHours() * 60 + slot.getMinutes()).toBe(DEFAULT_SETTINGS.digestMinutes);

  worker = await restartWorker(context, dashboard);
  expect(await digestAlarms(worker)).toEqual([scheduled]);

  await fireDigest(worker);
  await expect.poll(() => notifications(worker)).toHaveLength(1);
  const [id] = await notifications(worker);
  expect(id).toMatch(/^digest-\d{4}-\d{2}-\d{2}$/);

  // Closed by the user, then the alarm fires again the same day (say, after a restart).
  await worker.evaluate(
    (n) => (globalThis as unknown as { chrome: Chrome }).chrome.notifications.clear(n),
    id!,
  );
  await expect.poll(() => notifications(worker)).toHaveLength(0);
  await fireDigest(worker);
  expect(await notifications(worker)).toEqual([]);
});
