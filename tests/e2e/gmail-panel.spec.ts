import type { BrowserContext, Page } from '@playwright/test';
import { expect, serveHtml, test } from './fixtures';
import type { browser } from 'wxt/browser';
import { askBackground, importBackupOnDashboard } from './helpers';
import { makeBackup } from '../support/backups';
import {
  composePage,
  fullPageThreadPage,
  inboxPage,
  INBOX_URL,
  readingPanePage,
  THREAD_URL,
  unknownLayoutPage,
  USER,
  type Message,
} from '../support/gmail-pages';

const ADA = { email: 'ada@example.com', name: 'Ada Lovelace' };
const GRACE = { email: 'grace@navy.mil', name: 'Grace Hopper' };
const ROWS = [
  { email: 'newsletter@shop.example', name: 'Shop' },
  { email: 'linus@kernel.example', name: 'Linus' },
];
// Grace wrote first, Ada answered last: Ada is the most recent other sender.
const CONVERSATION: Message[] = [
  { from: GRACE, to: [USER, ADA] },
  { from: USER, to: [GRACE, ADA] },
  { from: ADA, to: [USER, GRACE] },
];

/** Serves whatever `page()` returns at every Gmail address, so a test can change the page. */
async function serveGmail(context: BrowserContext, html: () => string): Promise<void> {
  await serveHtml(context, 'https://mail.google.com/**', html);
}

async function openGmail(context: BrowserContext, html: string, url = THREAD_URL): Promise<Page> {
  await serveGmail(context, () => html);
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

test('the full-page thread shows the most recent other sender, and the switcher the others', async ({
  context,
}) => {
  const page = await openGmail(context, fullPageThreadPage('Quarterly review', CONVERSATION));
  const contact = page.getByTestId('li-contact');
  await expect(contact).toContainText('Ada Lovelace');
  await expect(contact).toContainText('ada@example.com');
  await expect(contact).not.toContainText(USER.email);

  await page.getByLabel('Participant').selectOption({ label: 'Grace Hopper (grace@navy.mil)' });
  await expect(contact).toContainText('grace@navy.mil');
  await expect(page.getByTestId('li-last-impression')).toHaveAttribute('data-outcome', 'none');
  await expect(page.getByTestId('li-days-since-positive')).toHaveAttribute('data-days', 'never');
});

test('the reading pane shows the thread contact, not the list rows beside it', async ({
  context,
}) => {
  const page = await openGmail(
    context,
    readingPanePage('Quarterly review', CONVERSATION, ROWS),
    INBOX_URL,
  );
  await expect(page.getByTestId('li-contact')).toContainText('ada@example.com');
  await expect(page.getByTestId('li-contact')).toContainText('Ada Lovelace');
});

test('the compose window follows its first recipient', async ({ context }) => {
  const page = await openGmail(context, composePage([GRACE, ADA], [], ROWS), INBOX_URL);
  await expect(page.getByTestId('li-contact')).toContainText('grace@navy.mil');
  await expect(page.getByTestId('li-contact')).toContainText('Grace Hopper');

  // Docked clear of Gmail's own controls: below the header, left of the add-on strip, above
  // the compose window.
  const panel = (await page.getByTestId('li-panel').boundingBox())!;
  const compose = (await page.getByRole('dialog').boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(panel.y).toBeGreaterThanOrEqual(64);
  expect(panel.x + panel.width).toBeLessThanOrEqual(viewport.width - 56);
  expect(panel.y + panel.height).toBeLessThanOrEqual(compose.y);
});

test('logging positive by Call shows at once, survives a reload, and Undo removes it', async ({
  context,
}) => {
  const page = await openGmail(context, fullPageThreadPage('Call notes', CONVERSATION));
  await expect(page.getByTestId('li-contact')).toContainText('ada@example.com');
  await expect(page.getByRole('radio', { name: 'Email' })).toBeChecked();
  await page.getByRole('radio', { name: 'Call' }).check();
  await page.getByRole('button', { name: 'Log positive' }).click();

  await expect(page.getByTestId('li-last-impression')).toHaveAttribute('data-outcome', 'positive');
  await expect(page.getByTestId('li-days-since-positive')).toHaveAttribute('data-days', '0');
  await expect(page.getByTestId('li-goodwill')).toHaveAttribute('data-balance', '1');
  await expect(page.getByRole('region', { name: 'Recent touches' })).toContainText('Call');

  await page.reload();
  await expect(page.getByTestId('li-last-impression')).toHaveAttribute('data-outcome', 'positive');
  await expect(page.getByTestId('li-days-since-positive')).toHaveAttribute('data-days', '0');

  await page.getByRole('button', { name: 'Log negative' }).click();
  await expect(page.getByTestId('li-last-impression')).toHaveAttribute('data-outcome', 'negative');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('li-last-impression')).toHaveAttribute('data-outcome', 'positive');
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0);
});

test('viewing a thread stores nothing; the first log creates the contact with the page name', async ({
  context,
  openExtensionPage,
}) => {
  const page = await openGmail(context, fullPageThreadPage('Hello', CONVERSATION));
  await expect(page.getByTestId('li-contact')).toContainText('Ada Lovelace');
  const dashboard = await openExtensionPage('dashboard.html');
  const get = () =>
    askBackground<{ data: { contact: { name: string } } | null }>(dashboard, {
      type: 'contact.get',
      identity: { kind: 'email', value: 'ada@example.com' },
    });
  expect((await get()).data).toBeNull();

  await page.getByRole('button', { name: 'Log neutral' }).click();
  await expect(page.getByTestId('li-last-impression')).toHaveAttribute('data-outcome', 'neutral');
  expect((await get()).data?.contact.name).toBe('Ada Lovelace');
});

test('a backup imported on the dashboard shows live: 12 days since the last positive touch', async ({
  context,
  openExtensionPage,
}) => {
  const page = await openGmail(context, fullPageThreadPage('Renewal', CONVERSATION));
  await expect(page.getByTestId('li-days-since-positive')).toHaveAttribute('data-days', 'never');

  const dashboard = await openExtensionPage('dashboard.html');
  await importBackupOnDashboard(
    dashboard,
    makeBackup(Date.now(), [
      {
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        touches: [
          { daysAgo: 20, outcome: 'negative' },
          { daysAgo: 12, outcome: 'positive', note: 'Signed the renewal' },
          { daysAgo: 5, outcome: 'neutral' },
        ],
      },
    ]),
  );
  await expect(dashboard.getByRole('status')).toContainText('Imported 1 contacts and 3 touches');

  await expect(page.getByTestId('li-days-since-positive')).toHaveAttribute('data-days', '12');
  await expect(page.getByTestId('li-last-impression')).toHaveAttribute('data-outcome', 'neutral');
  await expect(page.getByRole('region', { name: 'Recent touches' })).toContainText(
    'Signed the renewal',
  );
});

test('navigating from a thread to the inbox hides the contact', async ({ context }) => {
  const page = await openGmail(context, fullPageThreadPage('Hello', CONVERSATION));
  await expect(page.getByTestId('li-contact')).toContainText('Ada Lovelace');
  await page.evaluate(() => {
    document.querySelector('[role=main]')?.replaceChildren();
    location.hash = '#inbox';
  });
  await expect(page.getByTestId('li-contact')).toHaveCount(0);
  await expect(page.getByText("Can't read this Gmail page")).toHaveCount(0);
});

test('a page whose markup matches nothing shows a small note, not wrong data', async ({
  context,
}) => {
  const page = await openGmail(context, unknownLayoutPage());
  await expect(page.getByText("Can't read this Gmail page")).toBeVisible();
  await expect(page.getByTestId('li-contact')).toHaveCount(0);
});

test('the thread list alone shows no contact', async ({ context }) => {
  const page = await openGmail(context, inboxPage([ADA, GRACE]), INBOX_URL);
  // The panel mounts (its host element exists) but draws no contact.
  await expect(page.locator('last-impression-panel')).toHaveCount(1);
  await expect(page.getByTestId('li-contact')).toHaveCount(0);
});

test('hostile names and notes render as text', async ({ context, openExtensionPage }) => {
  const hostile = '<img src=x onerror=alert(1)>';
  const rtl = 'مرحبا بالعالم';
  const longNote = `${rtl} ${'a very long note '.repeat(600)}`.slice(0, 10_000);
  const sender = { email: 'mallory@example.com', name: `${hostile} ${rtl}` };
  const dialogs: string[] = [];
  context.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  const page = await openGmail(
    context,
    fullPageThreadPage(hostile, [{ from: sender, to: [USER] }]),
  );
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const contact = page.getByTestId('li-contact');
  await expect(contact).toContainText(hostile);
  await expect(contact).toContainText(rtl);

  await page.getByLabel('Note (optional)').fill(`${hostile}\n${longNote}`);
  await page.getByRole('button', { name: 'Log positive' }).click();
  await expect(page.getByTestId('li-last-impression')).toHaveAttribute('data-outcome', 'positive');
  const recent = page.getByRole('region', { name: 'Recent touches' });
  await expect(recent).toContainText(hostile);
  await expect(recent).toContainText(rtl);

  const dashboard = await openExtensionPage('dashboard.html');
  await importBackupOnDashboard(
    dashboard,
    makeBackup(Date.now(), [
      {
        name: `${hostile} ${rtl}`,
        email: 'eve@example.com',
        touches: [{ daysAgo: 1, outcome: 'negative', note: `${hostile} ${longNote}` }],
      },
    ]),
  );
  await dashboard.close();
  const second = await openGmail(
    context,
    fullPageThreadPage('Re', [{ from: { email: 'eve@example.com' }, to: [USER] }]),
  );
  await expect(second.getByTestId('li-contact')).toContainText(hostile);
  await expect(second.getByRole('region', { name: 'Recent touches' })).toContainText(
    longNote.slice(0, 200),
  );

  for (const p of [page, second]) {
    const images = await p.evaluate(
      () =>
        document.querySelectorAll('img').length +
        (document.querySelector('last-impression-panel')?.shadowRoot?.querySelectorAll('img')
          .length ?? -100),
    );
    expect(images).toBe(0);
  }
  expect(dialogs).toEqual([]);
});

test('a touch logged in another tab appears live', async ({ context }) => {
  const html = fullPageThreadPage('Shared', CONVERSATION);
  const first = await openGmail(context, html);
  const second = await context.newPage();
  await second.goto(THREAD_URL);
  await expect(second.getByTestId('li-last-impression')).toHaveAttribute('data-outcome', 'none');

  await first.getByRole('button', { name: 'Log negative' }).click();
  await expect(second.getByTestId('li-last-impression')).toHaveAttribute(
    'data-outcome',
    'negative',
  );
  await expect(second.getByTestId('li-goodwill')).toContainText('overdrawn');
});

test('the panel keeps working after the service worker is stopped', async ({ context }) => {
  const first = await openGmail(context, fullPageThreadPage('Outage', CONVERSATION));
  const second = await context.newPage();
  await second.goto(THREAD_URL);
  await expect(first.getByTestId('li-last-impression')).toHaveAttribute('data-outcome', 'none');
  await expect(second.getByTestId('li-last-impression')).toHaveAttribute('data-outcome', 'none');

  const cdp = await context.newCDPSession(first);
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v: { runningStatus: string }) => v.runningStatus === 'stopped')) {
        resolve();
      }
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;

  // The click wakes the worker; the other tab's port reconnects and keeps updating.
  await first.getByRole('button', { name: 'Log positive' }).click();
  await expect(first.getByTestId('li-last-impression')).toHaveAttribute('data-outcome', 'positive');
  await expect(second.getByTestId('li-last-impression')).toHaveAttribute(
    'data-outcome',
    'positive',
  );
});

test('the keyboard-shortcut message logs the outcome for the contact on screen', async ({
  context,
  background,
}) => {
  const page = await openGmail(context, fullPageThreadPage('Shortcut', CONVERSATION));
  await expect(page.getByTestId('li-last-impression')).toHaveAttribute('data-outcome', 'none');
  await page.getByRole('radio', { name: 'Meeting' }).check();

  await background.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: typeof browser }).chrome;
    const [tab] = await chrome.tabs.query({ url: 'https://mail.google.com/*' });
    await chrome.tabs.sendMessage(tab!.id!, { type: 'panel.log', outcome: 'positive' });
    // A look-alike message is ignored.
    await chrome.tabs.sendMessage(tab!.id!, { type: 'panel.log', outcome: 'splendid' });
  });
  await expect(page.getByTestId('li-last-impression')).toHaveAttribute('data-outcome', 'positive');
  await expect(page.getByRole('region', { name: 'Recent touches' })).toContainText('Meeting');
  await expect(
    page.getByRole('region', { name: 'Recent touches' }).getByRole('listitem'),
  ).toHaveCount(1);
});

test('Escape collapses the panel to a tab, and it stays collapsed after a reload', async ({
  context,
}) => {
  const page = await openGmail(context, fullPageThreadPage('Quiet', CONVERSATION));
  await page.getByRole('button', { name: 'Log positive' }).focus();
  await page.keyboard.press('Escape');
  const tab = page.getByRole('button', { name: 'Last Impression' });
  await expect(tab).toBeFocused();
  await expect(page.getByTestId('li-contact')).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole('button', { name: 'Last Impression' })).toBeVisible();
  await expect(page.getByTestId('li-contact')).toHaveCount(0);
  await page.getByRole('button', { name: 'Last Impression' }).click();
  await expect(page.getByTestId('li-contact')).toContainText('Ada Lovelace');
});
