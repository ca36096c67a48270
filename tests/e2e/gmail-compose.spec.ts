import type { BrowserContext, Page } from '@playwright/test';
import { expect, serveHtml, test } from './fixtures';
import { importBackupOnDashboard, panelFrame, storedContact } from './helpers';
import { makeBackup } from '../support/backups';
import {
  composePage,
  INBOX_URL,
  inlineReplyPage,
  THREAD_URL,
  USER,
  type Message,
} from '../support/gmail-pages';

const ADA = { email: 'ada@example.com', name: 'Ada Lovelace' };
const GRACE = { email: 'grace@navy.mil', name: 'Grace Hopper' };
const ROWS = [{ email: 'linus@kernel.example', name: 'Linus' }];
const COMPOSE_URL = `${INBOX_URL}?compose=new`;
const CONVERSATION: Message[] = [
  { from: GRACE, to: [USER, ADA] },
  { from: ADA, to: [USER, GRACE] },
];

async function openGmail(context: BrowserContext, html: string, url: string): Promise<Page> {
  await serveHtml(context, 'https://mail.google.com/**', html);
  const page = await context.newPage();
  await page.goto(url);
  // The frame follows its slot on animation frames, which only the tab in front runs.
  await page.bringToFront();
  return page;
}

test('composing to a contact whose last impression is negative shows one warning line, Send still works', async ({
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
        touches: [
          { daysAgo: 9, outcome: 'positive' },
          { daysAgo: 3, outcome: 'negative', note: 'shipment late' },
        ],
      },
      {
        name: 'Grace Hopper',
        email: 'grace@navy.mil',
        touches: [{ daysAgo: 2, outcome: 'positive' }],
      },
    ]),
  );

  const page = await openGmail(context, composePage([ADA], [], ROWS), COMPOSE_URL);
  const warning = panelFrame(page).getByTestId('li-compose-warning');
  await expect(warning).toHaveText(
    "Last impression negative, 3 days ago: 'shipment late'. Lead with the fix.",
  );
  await expect(warning).toHaveCount(1);
  // It informs, never blocks: nothing of the compose is covered, Send is pressable.
  await page.getByRole('button', { name: /^Send/ }).click({ trial: true });

  // A contact in good standing gets no warning.
  const grace = await openGmail(context, composePage([GRACE], [], ROWS), COMPOSE_URL);
  await expect(panelFrame(grace).getByTestId('li-contact')).toContainText('Grace Hopper');
  await expect(panelFrame(grace).getByTestId('li-last-impression')).toHaveAttribute(
    'data-outcome',
    'positive',
  );
  await expect(panelFrame(grace).getByTestId('li-compose-warning')).toHaveCount(0);
});

test('a touch logged from the panel remembers the Gmail account and thread it was logged on', async ({
  context,
  openExtensionPage,
}) => {
  const ext = await openExtensionPage('popup.html');
  const url = THREAD_URL.replace('/u/0/', '/u/1/');
  const page = await openGmail(context, inlineReplyPage('Q3 plan', CONVERSATION, []), url);
  await expect(panelFrame(page).getByTestId('li-contact')).toContainText('Ada Lovelace');
  await panelFrame(page).getByRole('button', { name: 'Log positive' }).click();
  await expect
    .poll(async () => (await storedContact(ext, { kind: 'email', value: ADA.email })).data)
    .not.toBeNull();
  const contact = (await storedContact(ext, { kind: 'email', value: ADA.email })).data!.contact;
  const reach = await ext.evaluate(
    (id) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('last-impression');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('reach').objectStore('reach').get(id);
          get.onsuccess = () => {
            resolve(get.result);
            open.result.close();
          };
        };
      }),
    contact.id,
  );
  expect(reach).toMatchObject({
    gmailAccount: 1,
    gmailThreadUrl: `https://mail.google.com/mail/u/1/#all/${THREAD_URL.split('/').pop()}`,
  });
});
