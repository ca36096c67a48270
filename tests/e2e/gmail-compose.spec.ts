import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { dashboardWith, openGmail, panelFrame, storedContact } from './helpers';
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

async function gmailInFront(context: BrowserContext, html: string, url: string): Promise<Page> {
  const page = await openGmail(context, html, url);
  // The frame follows its slot on animation frames, which only the tab in front runs.
  await page.bringToFront();
  return page;
}

/** What Gmail does when the rep sends: a real click on Send, then the window goes away. */
async function send(page: Page, window: string): Promise<void> {
  await page.getByRole('button', { name: /^Send/ }).click();
  await page.evaluate((selector) => document.querySelector(selector)?.remove(), window);
}

/** The touches stored for the contact with this address, newest first. */
async function storedTouches(ext: Page, email: string) {
  const { data } = await storedContact(ext, { kind: 'email', value: email });
  return (data?.recent ?? []).map((t) => ({
    channel: t.channel,
    outcome: t.outcome,
    note: t.note,
  }));
}

test('composing to a contact whose last impression is negative shows one warning line, Send still works', async ({
  context,
  openExtensionPage,
}) => {
  await dashboardWith(openExtensionPage, [
    {
      ...ADA,
      touches: [
        { daysAgo: 9, outcome: 'positive' },
        { daysAgo: 3, outcome: 'negative', note: 'shipment late' },
      ],
    },
    { ...GRACE, touches: [{ daysAgo: 2, outcome: 'positive' }] },
  ]);

  const page = await gmailInFront(context, composePage([ADA], [], ROWS), COMPOSE_URL);
  const warning = panelFrame(page).getByTestId('li-compose-warning');
  await expect(warning).toHaveText(
    "Last impression negative, 3 days ago: 'shipment late'. Lead with the fix.",
  );
  await expect(warning).toHaveCount(1);
  // It informs, never blocks: nothing of the compose is covered, Send is pressable.
  await page.getByRole('button', { name: /^Send/ }).click({ trial: true });

  // A contact in good standing gets no warning.
  const grace = await gmailInFront(context, composePage([GRACE], [], ROWS), COMPOSE_URL);
  await expect(panelFrame(grace).getByTestId('li-contact')).toContainText('Grace Hopper');
  await expect(panelFrame(grace).getByTestId('li-last-impression')).toHaveAttribute(
    'data-outcome',
    'positive',
  );
  await expect(panelFrame(grace).getByTestId('li-compose-warning')).toHaveCount(0);
});

test('after Send closes the compose, one click logs one email touch with the subject as note', async ({
  context,
  openExtensionPage,
}) => {
  const ext = await openExtensionPage('popup.html');
  const page = await gmailInFront(
    context,
    composePage([ADA], [GRACE], ROWS, 'Proposal & next steps'),
    COMPOSE_URL,
  );
  await expect(panelFrame(page).getByTestId('li-contact')).toContainText('Ada Lovelace');
  await send(page, 'div.dw');

  // The compose closed over the thread list: the prompt takes a slot at the top of the list.
  const prompt = panelFrame(page).getByTestId('li-after-send');
  await expect(prompt).toContainText('You wrote to Ada (and 1 more): how did it go?');
  await expect(prompt).toContainText('Email · Proposal & next steps');
  expect((await storedContact(ext, { kind: 'email', value: ADA.email })).data).toBeNull();

  await prompt.getByRole('button', { name: 'Log positive' }).click();
  await expect(prompt).toContainText('Logged positive · Ada Lovelace');
  await expect(prompt.getByRole('button', { name: 'Log neutral' })).toHaveCount(0);
  await expect
    .poll(async () => storedTouches(ext, ADA.email))
    .toEqual([{ channel: 'email', outcome: 'positive', note: 'Proposal & next steps' }]);
  expect((await storedContact(ext, { kind: 'email', value: GRACE.email })).data).toBeNull();
});

test('a prompt the rep ignores stores nothing, and is gone once the page is left', async ({
  context,
  openExtensionPage,
}) => {
  const ext = await openExtensionPage('popup.html');
  const page = await gmailInFront(context, composePage([ADA], [], ROWS), COMPOSE_URL);
  await expect(panelFrame(page).getByTestId('li-contact')).toContainText('Ada Lovelace');
  await send(page, 'div.dw');
  await expect(panelFrame(page).getByTestId('li-after-send')).toBeVisible();

  await page.reload();
  await expect(panelFrame(page).getByTestId('li-panel')).toBeAttached();
  await expect(panelFrame(page).getByTestId('li-after-send')).toHaveCount(0);
  expect((await storedContact(ext, { kind: 'email', value: ADA.email })).data).toBeNull();
});

test('after an inline reply the thread panel asks, for the person written to', async ({
  context,
  openExtensionPage,
}) => {
  const ext = await openExtensionPage('popup.html');
  const page = await gmailInFront(
    context,
    inlineReplyPage('Q3 plan', CONVERSATION, [GRACE]),
    THREAD_URL,
  );
  await expect(panelFrame(page).getByTestId('li-contact')).toContainText('Grace Hopper');
  await send(page, '.ip');

  const prompt = panelFrame(page).getByTestId('li-after-send');
  await expect(prompt).toContainText('You wrote to Grace: how did it go?');
  await expect(prompt).toContainText('Re: Q3 plan');
  await prompt.getByRole('button', { name: 'Log neutral' }).click();
  await expect
    .poll(async () => storedTouches(ext, GRACE.email))
    .toEqual([{ channel: 'email', outcome: 'neutral', note: 'Re: Q3 plan' }]);
  // Answered and its Undo done with, the thread's own panel is back.
  await prompt.getByRole('button', { name: /^Undo/ }).click();
  await expect(prompt).toHaveCount(0);
  await expect(panelFrame(page).getByTestId('li-contact')).toBeVisible();
  expect(await storedTouches(ext, GRACE.email)).toEqual([]);
});

test('a send the page forges (a synthetic click on Send) offers nothing and stores nothing', async ({
  context,
  openExtensionPage,
}) => {
  const ext = await openExtensionPage('popup.html');
  const page = await gmailInFront(context, composePage([ADA], [], ROWS), COMPOSE_URL);
  await expect(panelFrame(page).getByTestId('li-contact')).toContainText('Ada Lovelace');
  await page.evaluate(() => {
    const sendButton = document.querySelector<HTMLElement>('[role=button][aria-label^="Send"]');
    sendButton?.click();
    sendButton?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    document
      .querySelector('.Hd [role=textbox]')
      ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    document.querySelector('div.dw')?.remove();
  });
  // Messages reach the frame in order: once a later screen shows, a send would have come first.
  await page.evaluate(({ email, name }) => {
    // A reading-pane thread from Grace, as HOSTS.md describes it (.ao9 .a98.iY, h2.hP, .adn).
    const pane = document.createElement('div');
    pane.className = 'ao9';
    const thread = document.createElement('div');
    thread.className = 'a98 iY';
    const heading = document.createElement('h2');
    heading.className = 'hP';
    heading.setAttribute('data-legacy-thread-id', '18b0c0ffee000002');
    heading.textContent = 'Later';
    const message = document.createElement('div');
    message.className = 'adn ads';
    message.setAttribute('data-message-id', '#msg-f:2');
    const cell = document.createElement('td');
    cell.className = 'gF';
    const sender = document.createElement('span');
    sender.className = 'gD';
    sender.setAttribute('email', email);
    sender.setAttribute('name', name);
    cell.append(sender);
    message.append(cell);
    thread.append(heading, message);
    pane.append(thread);
    document.querySelector('[role=main]')?.append(pane);
  }, GRACE);
  await expect(panelFrame(page).getByTestId('li-contact')).toContainText('Grace Hopper');
  await expect(panelFrame(page).getByTestId('li-after-send')).toHaveCount(0);
  expect((await storedContact(ext, { kind: 'email', value: ADA.email })).data).toBeNull();
});

test('a touch logged from the panel remembers the Gmail account and thread it was logged on', async ({
  context,
  openExtensionPage,
}) => {
  const ext = await openExtensionPage('popup.html');
  const url = THREAD_URL.replace('/u/0/', '/u/1/');
  const page = await gmailInFront(context, inlineReplyPage('Q3 plan', CONVERSATION, []), url);
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
