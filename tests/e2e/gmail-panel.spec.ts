import type { BrowserContext, Page } from '@playwright/test';
import { expect, serveHtml, test } from './fixtures';
import { importBackupOnDashboard, openDetails, panelFrame, storedContact } from './helpers';
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
  const contact = panelFrame(page).getByTestId('li-contact');
  await expect(contact).toContainText('Ada Lovelace');
  await expect(contact).toContainText('ada@example.com');
  await expect(contact).not.toContainText(USER.email);

  await openDetails(page);
  await panelFrame(page)
    .getByRole('radio', { name: /Grace Hopper/ })
    .check();
  await expect(contact).toContainText('grace@navy.mil');
  await expect(panelFrame(page).getByTestId('li-last-impression')).toHaveAttribute(
    'data-outcome',
    'none',
  );
  await expect(panelFrame(page).getByTestId('li-days-since-positive')).toHaveAttribute(
    'data-days',
    'never',
  );
});

test('the reading pane shows the thread contact, not the list rows beside it', async ({
  context,
}) => {
  const page = await openGmail(
    context,
    readingPanePage('Quarterly review', CONVERSATION, ROWS),
    INBOX_URL,
  );
  await expect(panelFrame(page).getByTestId('li-contact')).toContainText('ada@example.com');
  await expect(panelFrame(page).getByTestId('li-contact')).toContainText('Ada Lovelace');
});

test('the compose window follows its first recipient', async ({ context }) => {
  const page = await openGmail(context, composePage([GRACE, ADA], [], ROWS), INBOX_URL);
  await expect(panelFrame(page).getByTestId('li-contact')).toContainText('grace@navy.mil');
  await expect(panelFrame(page).getByTestId('li-contact')).toContainText('Grace Hopper');

  // In the compose window's own flow, above its bottom bar: inside the window, covering nothing.
  const panel = (await page.locator('iframe[title="Last Impression"]').boundingBox())!;
  const compose = (await page.getByRole('dialog').boundingBox())!;
  const send = (await page.getByRole('button', { name: 'Send' }).boundingBox())!;
  expect(panel.x).toBeGreaterThanOrEqual(compose.x);
  expect(panel.x + panel.width).toBeLessThanOrEqual(compose.x + compose.width + 1);
  expect(panel.y).toBeGreaterThanOrEqual(compose.y);
  expect(panel.y + panel.height).toBeLessThanOrEqual(send.y + 1);
});

test('logging positive by Call shows at once, survives a reload, and Undo removes it', async ({
  context,
}) => {
  const page = await openGmail(context, fullPageThreadPage('Call notes', CONVERSATION));
  await expect(panelFrame(page).getByTestId('li-contact')).toContainText('ada@example.com');
  await expect(panelFrame(page).getByRole('radio', { name: 'Email' })).toBeChecked();
  await panelFrame(page).getByRole('radio', { name: 'Call' }).check();
  await panelFrame(page).getByRole('button', { name: 'Log positive' }).click();

  await expect(panelFrame(page).getByTestId('li-last-impression')).toHaveAttribute(
    'data-outcome',
    'positive',
  );
  await expect(panelFrame(page).getByTestId('li-days-since-positive')).toHaveAttribute(
    'data-days',
    '0',
  );
  await expect(panelFrame(page).getByTestId('li-goodwill')).toHaveAttribute('data-balance', '1');
  await openDetails(page);
  await expect(panelFrame(page).getByRole('region', { name: 'Recent touches' })).toContainText(
    'Call',
  );

  await page.reload();
  await expect(panelFrame(page).getByTestId('li-last-impression')).toHaveAttribute(
    'data-outcome',
    'positive',
  );
  await expect(panelFrame(page).getByTestId('li-days-since-positive')).toHaveAttribute(
    'data-days',
    '0',
  );

  await panelFrame(page).getByRole('button', { name: 'Log negative' }).click();
  await expect(panelFrame(page).getByTestId('li-last-impression')).toHaveAttribute(
    'data-outcome',
    'negative',
  );
  await panelFrame(page).getByRole('button', { name: 'Undo' }).click();
  await expect(panelFrame(page).getByTestId('li-last-impression')).toHaveAttribute(
    'data-outcome',
    'positive',
  );
  await expect(panelFrame(page).getByRole('button', { name: 'Undo' })).toHaveCount(0);
});

test('viewing a thread stores nothing; the first log creates the contact with the page name', async ({
  context,
  openExtensionPage,
}) => {
  const page = await openGmail(context, fullPageThreadPage('Hello', CONVERSATION));
  await expect(panelFrame(page).getByTestId('li-contact')).toContainText('Ada Lovelace');
  const dashboard = await openExtensionPage('dashboard.html');
  const get = () => storedContact(dashboard, { kind: 'email', value: 'ada@example.com' });
  expect((await get()).data).toBeNull();

  await panelFrame(page).getByRole('button', { name: 'Log neutral' }).click();
  await expect(panelFrame(page).getByTestId('li-last-impression')).toHaveAttribute(
    'data-outcome',
    'neutral',
  );
  expect((await get()).data?.contact.name).toBe('Ada Lovelace');
});

test('a backup imported on the dashboard shows live: 12 days since the last positive touch', async ({
  context,
  openExtensionPage,
}) => {
  const page = await openGmail(context, fullPageThreadPage('Renewal', CONVERSATION));
  await expect(panelFrame(page).getByTestId('li-days-since-positive')).toHaveAttribute(
    'data-days',
    'never',
  );

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

  await expect(panelFrame(page).getByTestId('li-days-since-positive')).toHaveAttribute(
    'data-days',
    '12',
  );
  await expect(panelFrame(page).getByTestId('li-last-impression')).toHaveAttribute(
    'data-outcome',
    'neutral',
  );
  await openDetails(page);
  await expect(panelFrame(page).getByRole('region', { name: 'Recent touches' })).toContainText(
    'Signed the renewal',
  );
});

test('navigating from a thread to the inbox hides the contact', async ({ context }) => {
  const page = await openGmail(context, fullPageThreadPage('Hello', CONVERSATION));
  await expect(panelFrame(page).getByTestId('li-contact')).toContainText('Ada Lovelace');
  await page.evaluate(() => {
    document.querySelector('[role=main]')?.replaceChildren();
    location.hash = '#inbox';
  });
  await expect(panelFrame(page).getByTestId('li-contact')).toHaveCount(0);
  await expect(panelFrame(page).getByText("Can't read this Gmail page")).toHaveCount(0);
});

test('a page whose markup matches nothing shows a small note, not wrong data', async ({
  context,
}) => {
  const page = await openGmail(context, unknownLayoutPage());
  await expect(panelFrame(page).getByText("Can't read this Gmail page")).toBeVisible();
  await expect(panelFrame(page).getByTestId('li-contact')).toHaveCount(0);
});

test('the thread list alone shows no contact', async ({ context }) => {
  const page = await openGmail(context, inboxPage([ADA, GRACE]), INBOX_URL);
  // The frame is loaded (so the first thread shows fast) but draws no contact.
  await expect(page.locator('iframe[title="Last Impression"]')).toHaveCount(1);
  await expect(panelFrame(page).getByTestId('li-contact')).toHaveCount(0);
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
  const contact = panelFrame(page).getByTestId('li-contact');
  await expect(contact).toContainText(hostile);
  await expect(contact).toContainText(rtl);

  await openDetails(page);
  await panelFrame(page)
    .getByLabel('Note for the next log (optional)')
    .fill(`${hostile}\n${longNote}`);
  await panelFrame(page).getByRole('button', { name: 'Log positive' }).click();
  await expect(panelFrame(page).getByTestId('li-last-impression')).toHaveAttribute(
    'data-outcome',
    'positive',
  );
  const recent = panelFrame(page).getByRole('region', { name: 'Recent touches' });
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
  await expect(panelFrame(second).getByTestId('li-contact')).toContainText(hostile);
  await openDetails(second);
  await expect(panelFrame(second).getByRole('region', { name: 'Recent touches' })).toContainText(
    longNote.slice(0, 200),
  );

  for (const p of [page, second]) {
    expect(await p.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
    const frame = p.frames().find((f) => f.url().endsWith('/panel.html'));
    expect(await frame!.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
  }
  expect(dialogs).toEqual([]);
});

test('a touch logged in another tab appears live', async ({ context }) => {
  const html = fullPageThreadPage('Shared', CONVERSATION);
  const first = await openGmail(context, html);
  const second = await context.newPage();
  await second.goto(THREAD_URL);
  await expect(panelFrame(second).getByTestId('li-last-impression')).toHaveAttribute(
    'data-outcome',
    'none',
  );

  await panelFrame(first).getByRole('button', { name: 'Log negative' }).click();
  await expect(panelFrame(second).getByTestId('li-last-impression')).toHaveAttribute(
    'data-outcome',
    'negative',
  );
  await expect(panelFrame(second).getByTestId('li-goodwill')).toContainText('overdrawn');
});

test('the panel keeps working after the service worker is stopped', async ({ context }) => {
  const first = await openGmail(context, fullPageThreadPage('Outage', CONVERSATION));
  const second = await context.newPage();
  await second.goto(THREAD_URL);
  await expect(panelFrame(first).getByTestId('li-last-impression')).toHaveAttribute(
    'data-outcome',
    'none',
  );
  await expect(panelFrame(second).getByTestId('li-last-impression')).toHaveAttribute(
    'data-outcome',
    'none',
  );

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
  await panelFrame(first).getByRole('button', { name: 'Log positive' }).click();
  await expect(panelFrame(first).getByTestId('li-last-impression')).toHaveAttribute(
    'data-outcome',
    'positive',
  );
  await expect(panelFrame(second).getByTestId('li-last-impression')).toHaveAttribute(
    'data-outcome',
    'positive',
  );
});

test('Details open on request and close on Escape; Hide is remembered after a reload', async ({
  context,
}) => {
  const page = await openGmail(context, fullPageThreadPage('Quiet', CONVERSATION));
  const panel = panelFrame(page);
  await openDetails(page);
  await expect(panel.getByRole('region', { name: 'Details' })).toBeVisible();
  await panel.getByRole('button', { name: 'Log positive' }).focus();
  await page.keyboard.press('Escape');
  await expect(panel.getByRole('region', { name: 'Details' })).toHaveCount(0);

  await openDetails(page);
  // A click in Gmail, outside the frame, closes the drawer too.
  await page.mouse.click(20, 600);
  await expect(panel.getByRole('region', { name: 'Details' })).toHaveCount(0);

  await panel.getByRole('button', { name: 'Hide panel' }).click();
  await expect(panel.getByTestId('li-contact')).toHaveCount(0);
  await page.reload();
  const show = panelFrame(page).getByRole('button', { name: /Last Impression/ });
  await expect(show).toBeVisible();
  await expect(panelFrame(page).getByTestId('li-contact')).toHaveCount(0);
  await show.click();
  await expect(panelFrame(page).getByTestId('li-contact')).toContainText('Ada Lovelace');
});
