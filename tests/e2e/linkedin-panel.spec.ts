import type { BrowserContext, Page } from '@playwright/test';
import {
  expect,
  HAVE_SHARED_FIXTURES,
  serveHtml,
  SHARED_FIXTURES_SKIP,
  sharedFixture,
  test,
} from './fixtures';
import { importBackupOnDashboard, openDetails, panelFrame, storedContact } from './helpers';
import { makeBackup } from '../support/backups';
import { fullPageThreadPage, THREAD_URL, USER } from '../support/gmail-pages';

const ROB_URL = 'https://www.linkedin.com/in/robertkcheung/';
const EDUARDO_URL = 'https://www.linkedin.com/in/eduardo-alvarez-nowak/';
const MESSAGING_URL = 'https://www.linkedin.com/messaging/thread/2-ZDEyNzA0/';
const TALHA_PATH = '/in/ACoAACaYEUABb_2KMpm9ek35YObF-a13apHwjas';

/**
 * The real saved page, without its scripts: LinkedIn's own code must not run (and fetch) in
 * the test; the markup the reader sees is unchanged.
 */
function withoutScripts(file: string): string {
  return sharedFixture(file).replace(/<script\b[\s\S]*?<\/script>/gi, '');
}

const PAGES: Record<string, string> = {
  '/in/robertkcheung/': 'brocc-linkedin-profile-1.html',
  '/in/eduardo-alvarez-nowak/': 'scoutr-linkedin-profile-1.html',
  '/messaging/thread/2-ZDEyNzA0/': 'brocc-linkedin-messaging-1.html',
  '/in/ivanahmadfatoni/': 'scoutr-linkedin-profile-notfound-negative-1.html',
};

/** Each fixture at its own LinkedIn address; everything else LinkedIn would load is refused. */
async function serveLinkedin(context: BrowserContext): Promise<void> {
  await context.route(/^https?:\/\/(?!mail\.google\.com)/, (route) => route.abort());
  for (const [pathname, file] of Object.entries(PAGES)) {
    await serveHtml(context, `https://www.linkedin.com${pathname}`, withoutScripts(file));
  }
}

async function open(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return page;
}

test.skip(!HAVE_SHARED_FIXTURES, SHARED_FIXTURES_SKIP);

test.beforeEach(async ({ context }) => {
  await serveLinkedin(context);
});

test('a profile shows its person, not the viewer or a minimized chat bubble', async ({
  context,
}) => {
  const page = await open(context, ROB_URL);
  const contact = panelFrame(page).getByTestId('li-contact');
  await expect(contact).toContainText('Rob Cheung');
  await expect(contact).toContainText('/in/robertkcheung');
  await expect(contact).not.toContainText('Kristine McCarthy');
  await expect(panelFrame(page).getByRole('radio', { name: 'LinkedIn' })).toBeChecked();
  await expect(
    panelFrame(page).getByRole('radiogroup', { name: 'Channel' }).getByRole('radio'),
  ).toHaveCount(5);
  await expect(panelFrame(page).getByTestId('li-last-impression')).toHaveAttribute(
    'data-outcome',
    'none',
  );
});

test('the messaging page shows the other participant by name, never by a raw id path', async ({
  context,
}) => {
  const page = await open(context, MESSAGING_URL);
  const contact = panelFrame(page).getByTestId('li-contact');
  await expect(contact).toContainText('Talha Khan');
  // The saved thread links Talha only by id (`/in/ACoAA…`): no public slug to show.
  await expect(contact).not.toContainText(TALHA_PATH);
});

test('a "Profile Not Found" page shows no contact', async ({ context }) => {
  const page = await open(context, 'https://www.linkedin.com/in/ivanahmadfatoni/');
  await expect(page.locator('iframe[title="Last Impression"]')).toHaveCount(1);
  await expect(panelFrame(page).getByTestId('li-contact')).toHaveCount(0);
});

test('moving to another profile by history.pushState switches the panel', async ({ context }) => {
  const page = await open(context, ROB_URL);
  await expect(panelFrame(page).getByTestId('li-contact')).toContainText('Rob Cheung');
  await page.evaluate(
    ([html, url]) => {
      // The saved page keeps LinkedIn's Trusted Types policy; "dompurify" is a name it allows.
      const policy = (
        window as unknown as {
          trustedTypes: { createPolicy(n: string, p: object): { createHTML(s: string): string } };
        }
      ).trustedTypes.createPolicy('dompurify', { createHTML: (s: string) => s });
      const next = new DOMParser().parseFromString(policy.createHTML(html), 'text/html');
      document.body.replaceChildren(...[...next.body.childNodes].map((n) => document.adoptNode(n)));
      history.pushState({}, '', url);
    },
    [withoutScripts(PAGES['/in/eduardo-alvarez-nowak/']!), EDUARDO_URL] as const,
  );
  await expect(panelFrame(page).getByTestId('li-contact')).toContainText('Eduardo Alvarez Nowak');
  await expect(panelFrame(page).getByTestId('li-contact')).toContainText(
    '/in/eduardo-alvarez-nowak',
  );
});

// Known bug, kept visible: on the saved 2025 profile the frame's Details button never settles
// (Playwright waits for it to stop moving), so the drawer cannot be opened there yet.
test.fixme('viewing stores nothing; "Add contact" stores the name, path and headline', async ({
  context,
  openExtensionPage,
}) => {
  const page = await open(context, ROB_URL);
  await expect(panelFrame(page).getByTestId('li-contact')).toContainText('Rob Cheung');
  const dashboard = await openExtensionPage('dashboard.html');
  const get = () => storedContact(dashboard, { kind: 'linkedin', value: '/in/robertkcheung' });
  expect((await get()).data).toBeNull();

  await openDetails(page);
  await panelFrame(page).getByRole('button', { name: 'Add contact' }).click();
  await expect(panelFrame(page).getByText('Not in your contacts yet')).toHaveCount(0);
  const stored = (await get()).data?.contact;
  expect(stored?.name).toBe('Rob Cheung');
  expect(stored?.linkedin).toEqual(['/in/robertkcheung']);
  expect(stored?.headline).toContain('Substrate');
});

// Known bug, kept visible: on the saved 2025 profile the frame's Details button never settles
// (Playwright waits for it to stop moving), so the drawer cannot be opened there yet.
test.fixme('one contact across email and LinkedIn: touches logged on either show on both', async ({
  context,
  openExtensionPage,
}) => {
  const dashboard = await openExtensionPage('dashboard.html');
  await importBackupOnDashboard(
    dashboard,
    makeBackup(Date.now(), [
      {
        name: 'Robert Cheung',
        email: 'rob@substrate.example',
        touches: [{ daysAgo: 30, outcome: 'neutral' }],
      },
      { name: 'Roberta Other', email: 'roberta@example.com', touches: [] },
    ]),
  );
  await expect(dashboard.getByRole('status')).toContainText('Imported 2 contacts');

  const linkedin = await open(context, ROB_URL);
  await expect(panelFrame(linkedin).getByTestId('li-contact')).toContainText('Rob Cheung');
  await openDetails(linkedin);
  await panelFrame(linkedin).getByRole('button', { name: 'Link to an existing contact' }).click();
  const search = panelFrame(linkedin).getByRole('combobox', {
    name: 'Find a contact by name or email',
  });
  await expect(search).toBeFocused();
  await search.fill('rob');
  const options = panelFrame(linkedin)
    .getByRole('listbox', { name: 'Matching contacts' })
    .getByRole('option');
  await expect(options).toHaveCount(2);
  await expect(options.filter({ hasText: 'rob@substrate.example' })).toHaveCount(1);
  // Keyboard only: move to the right match, Enter links it.
  const names = await options.allTextContents();
  const target = names.findIndex((n) => n.includes('rob@substrate.example'));
  for (let i = 0; i < target; i++) await search.press('ArrowDown');
  await expect(options.nth(target)).toHaveAttribute('aria-selected', 'true');
  await search.press('Enter');

  await expect(panelFrame(linkedin).getByTestId('li-contact')).toContainText('Robert Cheung');
  await expect(panelFrame(linkedin).getByTestId('li-last-impression')).toHaveAttribute(
    'data-outcome',
    'neutral',
  );
  await panelFrame(linkedin).getByRole('button', { name: 'Log positive' }).click();
  await expect(panelFrame(linkedin).getByTestId('li-last-impression')).toHaveAttribute(
    'data-outcome',
    'positive',
  );

  await serveHtml(
    context,
    'https://mail.google.com/**',
    fullPageThreadPage('Catching up', [
      { from: { email: 'rob@substrate.example', name: 'Rob' }, to: [USER] },
    ]),
  );
  const gmail = await open(context, THREAD_URL);
  await expect(panelFrame(gmail).getByTestId('li-contact')).toContainText('rob@substrate.example');
  await expect(panelFrame(gmail).getByTestId('li-last-impression')).toHaveAttribute(
    'data-outcome',
    'positive',
  );
  await expect(panelFrame(gmail).getByTestId('li-days-since-positive')).toHaveAttribute(
    'data-days',
    '0',
  );
  await openDetails(gmail);
  await expect(panelFrame(gmail).getByRole('region', { name: 'Recent touches' })).toContainText(
    'LinkedIn',
  );

  await panelFrame(gmail).getByRole('button', { name: 'Log negative' }).click();
  await expect(panelFrame(linkedin).getByTestId('li-last-impression')).toHaveAttribute(
    'data-outcome',
    'negative',
  );
});
