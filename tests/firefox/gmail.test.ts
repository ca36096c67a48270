import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  fullPageThreadPage,
  THREAD_URL,
  USER,
  type Address,
  type Message,
} from '../support/gmail-pages';
import { launchFirefox, type FirefoxWithExtension } from './firefox';
import {
  checkedChannel,
  clickInPanel,
  countInPanel,
  openDetails,
  panelText,
  untilPanelAttribute,
  untilPanelText,
} from './panel';
import { until } from './wait';

// One Firefox for the file; each journey meets its own contact, so none sees another's touches.
let firefox: FirefoxWithExtension;
beforeAll(async () => {
  firefox = await launchFirefox();
});
afterAll(async () => {
  await firefox?.close();
});

const ADA = { email: 'ada@example.com', name: 'Ada Lovelace' };
const GRACE = { email: 'grace@navy.mil', name: 'Grace Hopper' };

/** A thread where `last` answered last: they are the contact the panel should show. */
function threadWith(last: Address): Message[] {
  return [
    { from: GRACE, to: [USER, last] },
    { from: USER, to: [GRACE, last] },
    { from: last, to: [USER, GRACE] },
  ];
}

const gmail = (html: string) => (url: URL) =>
  url.hostname === 'mail.google.com' ? html : undefined;

test('the Gmail panel shows the most recent other sender of the open thread', async () => {
  const page = await firefox.openHostPage(
    THREAD_URL,
    gmail(fullPageThreadPage('Quarterly review', threadWith(ADA))),
  );
  const contact = await untilPanelText(page, '[data-testid="li-contact"]', ADA.name, ADA.email);
  expect(contact).not.toContain(USER.email);
  expect(contact).not.toContain(GRACE.email);
  await untilPanelAttribute(page, 'li-last-impression', 'data-outcome', 'none');
  await untilPanelAttribute(page, 'li-days-since-positive', 'data-days', 'never');
});

test('log positive by Call, survive a reload, then log negative and undo it', async () => {
  const katherine = { email: 'katherine@nasa.example', name: 'Katherine Johnson' };
  const page = await firefox.openHostPage(
    THREAD_URL,
    gmail(fullPageThreadPage('Call notes', threadWith(katherine))),
  );
  await untilPanelText(page, '[data-testid="li-contact"]', katherine.email);
  expect(await checkedChannel(page)).toBe('email');
  await clickInPanel(page, 'Call');
  await until(
    'Call to be chosen',
    () => checkedChannel(page),
    (v) => v === 'call',
  );
  await clickInPanel(page, 'Log positive');

  await untilPanelAttribute(page, 'li-last-impression', 'data-outcome', 'positive');
  await untilPanelAttribute(page, 'li-days-since-positive', 'data-days', '0');
  await untilPanelAttribute(page, 'li-goodwill', 'data-balance', '1');
  await openDetails(page);
  await untilPanelText(page, 'section[aria-label="Recent touches"]', 'Call');

  await page.reload({ waitUntil: 'domcontentloaded' });
  await untilPanelText(page, '[data-testid="li-contact"]', katherine.email);
  await untilPanelAttribute(page, 'li-last-impression', 'data-outcome', 'positive');

  await clickInPanel(page, 'Log negative');
  await untilPanelAttribute(page, 'li-last-impression', 'data-outcome', 'negative');
  await clickInPanel(page, 'Undo');
  await untilPanelAttribute(page, 'li-last-impression', 'data-outcome', 'positive');
  await until(
    'Undo to go',
    () => countInPanel(page, 'Undo'),
    (n) => n === 0,
  );
  expect(await panelText(page, '[data-testid="li-goodwill"]')).toContain('1.0');
});

test('a touch logged in one tab shows in another tab on the same thread', async () => {
  const linus = { email: 'linus@kernel.example', name: 'Linus Torvalds' };
  const site = gmail(fullPageThreadPage('Shared', threadWith(linus)));
  const first = await firefox.openHostPage(THREAD_URL, site);
  const second = await firefox.openHostPage(THREAD_URL, site);
  await untilPanelText(second, '[data-testid="li-contact"]', linus.email);
  await untilPanelAttribute(second, 'li-last-impression', 'data-outcome', 'none');

  await untilPanelText(first, '[data-testid="li-contact"]', linus.email);
  await clickInPanel(first, 'Log negative');
  await untilPanelAttribute(second, 'li-last-impression', 'data-outcome', 'negative');
  await untilPanelText(second, '[data-testid="li-goodwill"]', 'overdrawn');
});
