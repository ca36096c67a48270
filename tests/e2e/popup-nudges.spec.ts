import type { Worker } from '@playwright/test';
import type { browser } from 'wxt/browser';
import { expect, test } from './fixtures';
import { storedContact, importBackupOnDashboard } from './helpers';
import { makeBackup } from '../support/backups';

type Chrome = typeof browser;

const badgeText = (background: Worker) =>
  background.evaluate(() =>
    (globalThis as unknown as { chrome: Chrome }).chrome.action.getBadgeText({}),
  );

const dueBackup = () =>
  makeBackup(Date.now(), [
    {
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      company: 'Analytical Engines',
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
  ]);

test('the popup lists due contacts, repair first; the badge counts them; snooze and a positive touch clear them', async ({
  openExtensionPage,
  background,
}) => {
  const dashboard = await openExtensionPage('dashboard.html');
  await importBackupOnDashboard(dashboard, dueBackup());
  await expect(dashboard.getByRole('status')).toContainText('Imported 3 contacts');
  await expect.poll(() => badgeText(background)).toBe('2');

  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByRole('searchbox', { name: 'Search contacts' })).toBeFocused();
  const nudges = popup.getByTestId('li-nudge');
  await expect(nudges).toHaveCount(2);
  await expect(nudges.nth(0)).toHaveAttribute('data-reason', 'repair');
  await expect(nudges.nth(0)).toContainText('Grace Hopper');
  await expect(nudges.nth(0)).toContainText('last impression negative, yesterday');
  await expect(nudges.nth(1)).toHaveAttribute('data-reason', 'share-good-news');
  await expect(nudges.nth(1)).toContainText('Ada Lovelace');
  await expect(nudges.nth(1)).toContainText('20 days since a positive touch');

  const grace = nudges.filter({ hasText: 'Grace Hopper' });
  await grace.getByRole('button', { name: 'Snooze' }).click();
  await grace.getByRole('button', { name: '1 week' }).click();
  await expect(nudges).toHaveCount(1);
  await expect(nudges.first()).toContainText('Ada Lovelace');
  await expect.poll(() => badgeText(background)).toBe('1');

  await nudges
    .filter({ hasText: 'Ada Lovelace' })
    .getByRole('button', { name: 'Log positive' })
    .click();
  await expect(nudges).toHaveCount(0);
  await expect(popup.getByRole('status')).toContainText('Logged positive with Ada Lovelace');
  await expect.poll(() => badgeText(background)).toBe('');

  const ada = await storedContact(popup, { kind: 'email', value: 'ada@example.com' });
  expect(ada.data?.contact.lastOutcome).toBe('positive');
  expect(ada.data?.recent[0]).toMatchObject({ source: 'popup', outcome: 'positive' });
});

test('dismiss hides a nudge until the next touch', async ({ openExtensionPage, background }) => {
  const dashboard = await openExtensionPage('dashboard.html');
  await importBackupOnDashboard(dashboard, dueBackup());
  await expect(dashboard.getByRole('status')).toContainText('Imported 3 contacts');

  const popup = await openExtensionPage('popup.html');
  const nudges = popup.getByTestId('li-nudge');
  await expect(nudges).toHaveCount(2);
  await nudges.filter({ hasText: 'Grace Hopper' }).getByRole('button', { name: 'Dismiss' }).click();
  await expect(nudges).toHaveCount(1);
  await expect.poll(() => badgeText(background)).toBe('1');
  await popup.reload();
  await expect(popup.getByTestId('li-nudge')).toHaveCount(1);
  await expect(popup.getByTestId('li-nudge')).toContainText('Ada Lovelace');
});

test('the search box finds a contact by company or email and logs a touch for it', async ({
  openExtensionPage,
}) => {
  const dashboard = await openExtensionPage('dashboard.html');
  await importBackupOnDashboard(dashboard, dueBackup());
  await expect(dashboard.getByRole('status')).toContainText('Imported 3 contacts');

  const popup = await openExtensionPage('popup.html');
  const search = popup.getByRole('searchbox', { name: 'Search contacts' });
  await search.fill('analytical');
  const hits = popup.getByTestId('li-search-hit');
  await expect(hits).toHaveCount(1);
  await expect(hits).toContainText('Ada Lovelace');

  await search.fill('bletchley');
  await expect(hits).toHaveCount(1);
  await expect(hits).toContainText('Alan Turing');
  await popup.getByRole('radio', { name: 'Meeting' }).check();
  await hits.getByRole('button', { name: 'Log neutral' }).click();
  await expect(popup.getByRole('status')).toContainText('Logged neutral with Alan Turing');

  const alan = await storedContact(popup, { kind: 'email', value: 'alan@bletchley.uk' });
  expect(alan.data?.contact.touchCount).toBe(2);
  expect(alan.data?.recent[0]).toMatchObject({ channel: 'meeting', outcome: 'neutral' });
});
