import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { importBackupOnDashboard } from './helpers';
import type { Backup } from '../../lib/backup/format';
import { makeBackup } from '../support/backups';
import { sampleUuid } from '../support/sample-ids';

/**
 * Every extension page a rep sees, in light and dark, checked by axe with some data in it:
 * zero serious or critical violations (text contrast of 4.5:1 among them). A new view is one
 * line: its name, its address, what shows it is ready, and optionally what to open first.
 */
interface View {
  name: string;
  path: string;
  ready: (page: Page) => Locator;
  open?: (page: Page) => Promise<void>;
}

const view = (name: string, path: string, ready: View['ready'], open?: View['open']): View => ({
  name,
  path,
  ready,
  open,
});
const testId = (id: string) => (page: Page) => page.getByTestId(id).first();
const button = (name: string) => (page: Page) => page.getByRole('button', { name });
const click = (name: string) => (page: Page) => page.getByRole('button', { name }).click();
const focusGoodwill = (page: Page) => page.getByTestId('li-goodwill').focus();
const searchGrace = (page: Page) => page.getByRole('searchbox').fill('grace');
const openNews = (page: Page) =>
  page.getByTestId('li-news-item').first().locator('summary').click();
const CONTACTS = 'dashboard.html#/contacts';
const GRACE = `dashboard.html#/contact/${sampleUuid(1, 0)}`;

const VIEWS: View[] = [
  view('popup', 'popup.html', testId('li-nudge')),
  view('popup, search results', 'popup.html', testId('li-search-hit'), searchGrace),
  view('contacts', CONTACTS, testId('li-contact-row')),
  view('contacts, adding one', CONTACTS, button('Add contact'), click('New contact')),
  view('a contact', GRACE, testId('li-touch')),
  view('a contact, goodwill explained', GRACE, testId('li-goodwill-why'), focusGoodwill),
  view('a contact, asked to delete', GRACE, button('Yes, delete'), click('Delete contact')),
  view('good news', 'dashboard.html#/news', testId('li-news-item'), openNews),
  view('metrics', 'dashboard.html#/metrics', (p) => p.locator('.li-chart svg')),
  view('review', 'dashboard.html#/review', (p) => p.getByTestId('li-metric-median-repair-days')),
  view('settings', 'dashboard.html#/settings', (p) => p.getByLabel('Goodwill half-life (days)')),
  view('backup', 'dashboard.html#/backup', (p) => p.getByLabel('Import backup')),
];

// Version 2, with one piece of good news: the Good news view lists it and a nudge names it.
const sampleData = (): Backup => ({
  ...sampleContacts(),
  version: 2,
  news: [
    {
      id: sampleUuid(3, 0),
      headline: 'CSV export shipped',
      details: 'Every touch, with the news it shared.',
      day: new Date().toISOString().slice(0, 10),
      audience: [
        { kind: 'contact', id: sampleUuid(1, 1) },
        { kind: 'company', value: 'US Navy' },
      ],
    },
  ],
});

const sampleContacts = () =>
  makeBackup(Date.now(), [
    {
      name: 'Grace Hopper',
      email: 'grace@navy.mil',
      company: 'US Navy',
      touches: [
        { daysAgo: 40, outcome: 'positive', goodNews: true, note: 'Shipped the compiler early' },
        { daysAgo: 9, outcome: 'neutral', channel: 'call' },
        { daysAgo: 1, outcome: 'negative', note: 'Outage during the demo' },
      ],
    },
    {
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      company: 'Analytical Engines',
      touches: [{ daysAgo: 20, outcome: 'positive' }],
    },
    {
      name: 'Alan Turing',
      linkedin: '/in/alanturing',
      touches: [{ daysAgo: 2, outcome: 'positive', channel: 'linkedin' }],
    },
    { name: 'Katherine Johnson', email: 'kj@nasa.gov', touches: [] },
  ]);

const BLOCKING = new Set(['serious', 'critical']);

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every view has no serious or critical accessibility violation in ${colorScheme} mode`, async ({
    context,
    openExtensionPage,
    extensionId,
  }) => {
    // axe takes seconds a view, many more on a busy machine; the budget grows with the list.
    test.setTimeout(60_000 + VIEWS.length * 60_000);
    const dashboard = await openExtensionPage('dashboard.html');
    await importBackupOnDashboard(dashboard, sampleData());
    await expect(dashboard.getByRole('status')).toContainText('Imported 4 contacts');
    await dashboard.close();

    const page = await context.newPage();
    await page.emulateMedia({ colorScheme });
    for (const view of VIEWS) {
      await test.step(view.name, async () => {
        // A hash change alone would keep the document; each view starts from a fresh load.
        await page.goto('about:blank');
        await page.goto(`chrome-extension://${extensionId}/${view.path}`);
        await view.open?.(page);
        await expect(view.ready(page)).toBeVisible();
        const { violations } = await new AxeBuilder({ page }).analyze();
        const blocking = violations
          .filter((v) => BLOCKING.has(v.impact ?? ''))
          .map((v) => ({
            rule: v.id,
            impact: v.impact,
            nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
          }));
        expect.soft(blocking, `${view.name} (${colorScheme})`).toEqual([]);
      });
    }
  });
}
