import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import type { browser } from 'wxt/browser';
import { parseBackup } from '../../lib/backup/validate';
import { WEEKLY_BACKUP_ALARM } from '../../lib/backup/weekly';
import { makeBackup } from '../support/backups';
import { launchExtension } from '../../scripts/chromium.mjs';
import { EXTENSION_DIR, expect, serviceWorkerOf, test } from './fixtures';
import { importBackupOnDashboard } from './helpers';

type Chrome = typeof browser;

const SWITCH = 'Save a backup to my Downloads folder every week';

/** This extension's weekly saves, as the browser's download list has them. */
function weeklySaves(page: Page) {
  return page.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: Chrome }).chrome;
    if (!api.downloads) return [];
    const items = await api.downloads.search({ filenameRegex: 'last-impression[\\\\/]backup-' });
    return items.map((d) => ({
      filename: d.filename,
      state: d.state,
      byExtensionId: d.byExtensionId,
    }));
  });
}

/** When the weekly alarm last ran with the switch on, read from the extension's database. */
function lastCheck(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('last-impression');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('meta').objectStore('meta').get('weeklyBackupLog');
          get.onsuccess = () => {
            const log = (get.result as { value?: { checkedAt?: number } } | undefined)?.value;
            resolve(log?.checkedAt ?? 0);
            open.result.close();
          };
        };
      }),
  );
}

/**
 * Fires the real weekly alarm now (the switch sets its first check a minute out) and waits
 * until that run has recorded itself.
 */
async function fireWeeklyAlarm(background: Worker, page: Page): Promise<void> {
  const firedAt = await background.evaluate(async (name) => {
    const now = Date.now();
    await (globalThis as unknown as { chrome: Chrome }).chrome.alarms.create(name, {
      when: now,
      periodInMinutes: 24 * 60,
    });
    return now;
  }, WEEKLY_BACKUP_ALARM);
  await expect.poll(() => lastCheck(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(firedAt);
}

/**
 * Chromium with the extension, in a profile where `downloads` is granted, as Chrome records a
 * user's "Allow" in the profile's Preferences. Headless Chromium shows the permission prompt where nothing
 * can answer it: the click's `permissions.request` never settles (tried; so does
 * `--apps-gallery-install-auto-confirm-for-tests=accept`). This bypasses that prompt only: the
 * switch still calls `permissions.request`, which then resolves true without asking.
 */
async function launchWithDownloadsGranted(
  profile: string,
  downloads: string,
): Promise<BrowserContext> {
  const first = await launchExtension(EXTENSION_DIR, { userDataDir: profile });
  const id = new URL((await serviceWorkerOf(first)).url()).host;
  await first.close();
  const file = path.join(profile, 'Default', 'Preferences');
  const prefs = JSON.parse(readFileSync(file, 'utf8')) as {
    extensions: { settings: Record<string, Record<string, { api: string[] }>> };
    download?: Record<string, unknown>;
  };
  // The Downloads folder, as a user sets it in Chrome's settings.
  prefs.download = { default_directory: downloads, prompt_for_download: false };
  const extension = prefs.extensions.settings[id]!;
  for (const set of ['granted_permissions', 'active_permissions']) {
    extension[set]!.api.push('downloads');
  }
  writeFileSync(file, JSON.stringify(prefs));
  return launchExtension(EXTENSION_DIR, { userDataDir: profile });
}

// eslint-disable-next-line no-empty-pattern
test('weekly backup: switched on in Settings, the alarm saves a valid backup to Downloads, and the popup stops reminding', async ({}) => {
  const downloads = mkdtempSync(path.join(tmpdir(), 'li-weekly-downloads-'));
  const profile = mkdtempSync(path.join(tmpdir(), 'li-weekly-profile-'));
  const context = await launchWithDownloadsGranted(profile, downloads);
  try {
    const background = await serviceWorkerOf(context);
    const extensionId = new URL(background.url()).host;
    const openExtensionPage = async (file: string) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${file}`);
      return page;
    };
    const dashboard = await openExtensionPage('dashboard.html');
    // Counts the switch's permission requests, passed on to the real API.
    await dashboard.evaluate(() => {
      const calls: unknown[] = [];
      (globalThis as unknown as { requests: unknown[] }).requests = calls;
      const g = globalThis as unknown as { chrome: Chrome; browser?: Chrome };
      for (const api of new Set([
        g.chrome.permissions,
        g.browser?.permissions ?? g.chrome.permissions,
      ])) {
        const request = api.request.bind(api);
        api.request = ((p: Parameters<typeof request>[0]) => {
          calls.push(p);
          return request(p);
        }) as typeof api.request;
      }
    });
    // Playwright saves downloads under names and in a folder of its own, overriding what an
    // extension asks for; this gives the browser back its own behaviour and Downloads folder.
    const cdp = await context.newCDPSession(dashboard);
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'default' });

    await importBackupOnDashboard(
      dashboard,
      makeBackup(Date.now(), [
        {
          name: 'Ada Lovelace',
          email: 'ada@example.com',
          touches: [{ daysAgo: 3, outcome: 'positive', note: 'Signed the renewal' }],
        },
      ]),
    );
    const popup = await openExtensionPage('popup.html');
    await expect(popup.getByTestId('li-backup-reminder')).toContainText(
      'No backup in the last 30 days',
    );

    await dashboard.getByRole('link', { name: 'Settings' }).click();
    const toggle = dashboard.getByRole('checkbox', { name: SWITCH });
    await expect(toggle).not.toBeChecked();
    await toggle.click();
    await expect(toggle).toBeChecked();
    expect(
      await dashboard.evaluate(() => (globalThis as unknown as { requests: unknown[] }).requests),
    ).toEqual([{ permissions: ['downloads'] }]);
    await expect(dashboard.getByTestId('li-weekly-backup-note')).toContainText('keeps the last 8');

    await fireWeeklyAlarm(background, dashboard);
    await expect(dashboard.getByTestId('li-weekly-backup-status')).toContainText(
      /Last saved .*: Downloads\/last-impression\/backup-\d{4}-\d{2}-\d{2}\.json\./,
    );
    const saves = await weeklySaves(dashboard);
    expect(saves).toHaveLength(1);
    expect(saves[0]).toMatchObject({ state: 'complete', byExtensionId: extensionId });
    const day = new Date().toISOString().slice(0, 10);
    expect(saves[0]!.filename).toBe(path.join(downloads, 'last-impression', `backup-${day}.json`));
    const text = readFileSync(saves[0]!.filename, 'utf8');
    const parsed = parseBackup(text, Date.now());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.backup.version).toBe(2);
    expect(parsed.backup.contacts.map((c) => c.name)).toEqual(['Ada Lovelace']);
    expect(parsed.backup.touches.map((t) => t.note)).toEqual(['Signed the renewal']);

    // The automatic save counts as a backup.
    await popup.reload();
    await expect(popup.getByRole('heading', { name: 'Today' })).toBeVisible();
    await expect(popup.getByTestId('li-backup-reminder')).toHaveCount(0);

    // Withdrawn later (as from the browser's extension details page): Settings says so, and
    // the alarm's next run writes and removes nothing.
    await dashboard.evaluate(() =>
      (globalThis as unknown as { chrome: Chrome }).chrome.permissions.remove({
        permissions: ['downloads'],
      }),
    );
    await expect(toggle).not.toBeChecked();
    await expect(dashboard.getByTestId('li-weekly-backup-note')).toContainText('withdrawn');
    const status = await dashboard.getByTestId('li-weekly-backup-status').textContent();
    await fireWeeklyAlarm(background, dashboard);
    await expect(dashboard.getByTestId('li-weekly-backup-status')).toHaveText(status ?? '');
    expect(readFileSync(saves[0]!.filename, 'utf8')).toBe(text);
  } finally {
    await context.close();
    rmSync(downloads, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
});
