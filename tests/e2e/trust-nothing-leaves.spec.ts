import type { BrowserContext, Request } from '@playwright/test';
import { expect, serveHtml, test } from './fixtures';
import { importBackupOnDashboard, panelFrame } from './helpers';
import { makeBackup } from '../support/backups';
import { fullPageThreadPage, THREAD_URL, USER } from '../support/gmail-pages';

const LINKEDIN_URL = 'https://www.linkedin.com/in/ada-lovelace/';
const LINKEDIN_PAGE = `<!doctype html><html><head><title>Ada Lovelace | LinkedIn</title></head><body><main>
<section><h1>Ada Lovelace</h1><div class="text-body-medium">Analyst</div>
<a href="/in/ada-lovelace/overlay/contact-info/">Contact info</a></section></main></body></html>`;

interface Seen {
  url: string;
  type: string;
}

/**
 * Records every request of the browser context: pages, content scripts (they fetch through the
 * page) and the extension's service worker. Anything not served here is recorded and refused.
 */
async function recordRequests(context: BrowserContext): Promise<Seen[]> {
  const seen: Seen[] = [];
  context.on('request', (r: Request) => seen.push({ url: r.url(), type: r.resourceType() }));
  // Registered first, so the host pages served later take precedence over it.
  await context.route('**/*', (route) =>
    route.request().url().startsWith('chrome-extension://') ? route.fallback() : route.abort(),
  );
  return seen;
}

function unexpected(seen: Seen[], extensionId: string, served: string[]): Seen[] {
  return seen.filter(({ url, type }) => {
    // The extension's own files; the panel CSS comes from a per-session (use_dynamic_url) id.
    if (url.startsWith('chrome-extension://')) return false;
    if (url.startsWith(`blob:chrome-extension://${extensionId}/`)) return false;
    if (url.startsWith('data:')) return false;
    return !(type === 'document' && served.some((s) => url === s.split('#')[0]));
  });
}

test('Nothing leaves the machine: the recorder sees requests from the service worker and from pages (control)', async ({
  context,
  background,
}) => {
  const seen = await recordRequests(context);
  await serveHtml(context, 'https://mail.google.com/**', '<html><body>hi</body></html>');
  const page = await context.newPage();
  await page.goto(THREAD_URL);
  await background.evaluate(() => fetch('https://canary.example/from-worker').catch(() => null));
  await page.evaluate(() => fetch('https://canary.example/from-page').catch(() => null));
  await expect
    .poll(() => seen.map((s) => s.url))
    .toEqual(
      expect.arrayContaining([
        'https://canary.example/from-worker',
        'https://canary.example/from-page',
      ]),
    );
});

test('Nothing leaves the machine: import, export, the Gmail panel and a log, LinkedIn and the popup make no request beyond the served pages', async ({
  context,
  extensionId,
  openExtensionPage,
}) => {
  const seen = await recordRequests(context);
  const now = Date.now();

  const dashboard = await openExtensionPage('dashboard.html');
  await importBackupOnDashboard(
    dashboard,
    makeBackup(now, [
      {
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        linkedin: '/in/ada-lovelace',
        touches: [{ daysAgo: 12, outcome: 'positive' }],
      },
    ]),
  );
  await expect(dashboard.getByRole('status').first()).toContainText('Imported 1 contacts');
  const download = dashboard.waitForEvent('download');
  await dashboard.getByRole('button', { name: 'Export backup' }).click();
  await (await download).path();

  await serveHtml(
    context,
    'https://mail.google.com/**',
    fullPageThreadPage('Renewal', [
      { from: { email: 'ada@example.com', name: 'Ada Lovelace' }, to: [USER] },
    ]),
  );
  const gmail = await context.newPage();
  await gmail.goto(THREAD_URL);
  await expect(panelFrame(gmail).getByTestId('li-contact')).toContainText('ada@example.com');
  await panelFrame(gmail).getByRole('button', { name: 'Log positive' }).click();
  await expect(panelFrame(gmail).getByTestId('li-days-since-positive')).toHaveAttribute(
    'data-days',
    '0',
  );

  await serveHtml(context, 'https://www.linkedin.com/**', LINKEDIN_PAGE);
  const linkedin = await context.newPage();
  await linkedin.goto(LINKEDIN_URL);
  await expect(panelFrame(linkedin).getByTestId('li-contact')).toContainText('Ada Lovelace');
  await expect(panelFrame(linkedin).getByTestId('li-last-impression')).toHaveAttribute(
    'data-outcome',
    'positive',
  );

  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByRole('heading', { name: 'Last Impression' })).toBeVisible();

  // Let late work (live ports, alarms, badge updates) happen before the verdict.
  await gmail.waitForTimeout(1_000);
  expect(seen.length).toBeGreaterThan(0);
  expect(unexpected(seen, extensionId, [THREAD_URL, LINKEDIN_URL])).toEqual([]);
});
