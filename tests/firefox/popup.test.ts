import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeBackup } from '../support/backups';
import { fullPageThreadPage, THREAD_URL, USER } from '../support/gmail-pages';
import { badgeText, launchFirefox, type FirefoxWithExtension } from './firefox';
import { panelRoot } from './panel';
import { click, importOnDashboard, untilText } from './pages';
import { until, untilEqual } from './wait';

let firefox: FirefoxWithExtension;
beforeAll(async () => {
  firefox = await launchFirefox();
});
afterAll(async () => {
  await firefox?.close();
});

test('the popup lists due contacts, repair first, and a snooze takes one off the list and the badge', async () => {
  const dashboard = await firefox.openExtensionPage('dashboard.html');
  const verdict = await importOnDashboard(
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
        touches: [{ daysAgo: 1, outcome: 'negative', channel: 'call' }],
      },
      {
        name: 'Alan Turing',
        email: 'alan@bletchley.uk',
        touches: [{ daysAgo: 2, outcome: 'positive' }],
      },
    ]),
  );
  expect(verdict).toContain('Imported 3 contacts');
  await untilEqual('the badge to count 2', () => badgeText(dashboard), '2');

  const popup = await firefox.openExtensionPage('popup.html');
  const nudges = () =>
    popup.$$eval('[data-testid="li-nudge"]', (items) =>
      items.map((li) => ({ reason: li.getAttribute('data-reason'), text: li.textContent ?? '' })),
    );
  const listed = await until('two nudges', nudges, (list) => list.length === 2);
  expect(listed[0]).toMatchObject({ reason: 'repair' });
  expect(listed[0]!.text).toContain('Grace Hopper');
  expect(listed[0]!.text).toContain('last impression negative, yesterday');
  expect(listed[1]).toMatchObject({ reason: 'share-good-news' });
  expect(listed[1]!.text).toContain('20 days since a positive touch');

  const grace = '[data-testid="li-nudge"][data-reason="repair"]';
  await click(popup, 'Snooze', grace);
  await click(popup, '1 week', grace);
  const left = await until('one nudge left', nudges, (list) => list.length === 1);
  expect(left[0]!.text).toContain('Ada Lovelace');
  await untilEqual('the badge to count 1', () => badgeText(popup), '1');

  // The snooze is stored, not just drawn: a reopened popup still leaves Grace out.
  await popup.close();
  const again = await firefox.openExtensionPage('popup.html');
  const reopened = await until(
    'the reopened popup to list its nudges',
    () => again.$$eval('[data-testid="li-nudge"]', (items) => items.map((li) => li.textContent)),
    (list) => list.length > 0,
  );
  expect(reopened).toHaveLength(1);
  expect(reopened[0]).toContain('Ada Lovelace');
});

// Last in the file: it withdraws LinkedIn access from this Firefox.
test('a site whose access was withdrawn gets no panel, and the popup names it with a way to ask again', async () => {
  const popup = await firefox.openExtensionPage('popup.html');
  await popup.waitForSelector('input[aria-label="Search contacts"]');
  expect(await popup.$('[data-testid="li-site-access"]')).toBeNull();

  // What the user does in about:addons, Permissions, done through the same API.
  await popup.evaluate(() =>
    (
      globalThis as unknown as {
        browser: { permissions: { remove(p: { origins: string[] }): Promise<boolean> } };
      }
    ).browser.permissions.remove({ origins: ['https://www.linkedin.com/*'] }),
  );
  const notice = await untilText(popup, '[data-testid="li-site-access"]', 'No panel on LinkedIn');
  expect(notice).not.toContain('Gmail');
  expect(await popup.$('[data-testid="li-site-access"] button')).not.toBeNull();

  const linkedin = await firefox.openHostPage(
    'https://www.linkedin.com/in/robertkcheung/',
    () => '<!doctype html><title>Rob Cheung | LinkedIn</title><main><h1>Rob Cheung</h1></main>',
  );
  // Gmail, opened after it, still gets its panel; by then LinkedIn's would have been there too.
  const gmail = await firefox.openHostPage(THREAD_URL, () =>
    fullPageThreadPage('Hello', [{ from: { email: 'ada@example.com' }, to: [USER] }]),
  );
  await panelRoot(gmail);
  expect(await linkedin.$('iframe[title="Last Impression"]')).toBeNull();
});
