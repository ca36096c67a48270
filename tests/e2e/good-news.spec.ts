import { expect, test } from './fixtures';
import { importBackupOnDashboard } from './helpers';
import { makeBackup } from '../support/backups';

const HEADLINE = 'CSV export & 50% faster sync? #shipped "today" 🚀';

const backup = () =>
  makeBackup(Date.now(), [
    {
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      company: 'Analytical Engines',
      touches: [{ daysAgo: 20, outcome: 'positive' }],
    },
    {
      name: 'Alan Turing',
      email: 'alan@bletchley.uk',
      company: 'Bletchley',
      touches: [{ daysAgo: 30, outcome: 'positive' }],
    },
  ]);

test('news recorded in the dashboard is named in the popup nudge, drafted by Write to, and counted when told', async ({
  context,
  openExtensionPage,
}) => {
  // Gmail is out of reach: whatever the compose URL asks for is served here, at its address.
  await context.route('https://mail.google.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Gmail</title>' }),
  );
  const dashboard = await openExtensionPage('dashboard.html');
  await importBackupOnDashboard(dashboard, backup());
  await expect(dashboard.getByRole('status')).toContainText('Imported 2 contacts');

  await dashboard.getByRole('navigation').getByRole('link', { name: 'Good news' }).click();
  await dashboard.getByLabel('Headline').fill(HEADLINE);
  await dashboard.getByLabel('Details').fill('Exports now keep every column.\nAsk me for a demo.');
  // Company names match whatever their letter case.
  await dashboard.getByLabel('Who would care').fill('analytical ENGINES');
  await expect(dashboard.getByText('Matches 1 contact: Ada Lovelace.')).toBeVisible();
  await dashboard.getByRole('button', { name: 'Save good news' }).click();
  const item = dashboard.getByTestId('li-news-item');
  await expect(item).toHaveCount(1);
  await expect(item).toHaveAttribute('data-audience', '1');
  await expect(item).toHaveAttribute('data-told', '0');

  const popup = await openExtensionPage('popup.html');
  const ada = popup.getByTestId('li-nudge').filter({ hasText: 'Ada Lovelace' });
  await expect(ada).toContainText(`Tell Ada: ${HEADLINE}`);
  // Alan is due too, but not in the audience: he keeps today's line.
  await expect(popup.getByTestId('li-nudge').filter({ hasText: 'Alan Turing' })).toContainText(
    'Share good news: 30 days since a positive touch',
  );

  const opened = context.waitForEvent('page');
  await ada.getByRole('button', { name: 'Write to Ada' }).click();
  const compose = await opened;
  await compose.waitForURL(/^https:\/\/mail\.google\.com\//);
  const url = new URL(compose.url());
  expect(`${url.origin}${url.pathname}`).toBe('https://mail.google.com/mail/u/0/');
  expect(url.searchParams.get('view')).toBe('cm');
  expect(url.searchParams.get('fs')).toBe('1');
  expect(url.searchParams.get('to')).toBe('ada@example.com');
  expect(url.searchParams.get('su')).toBe(HEADLINE);
  expect(url.searchParams.get('body')).toContain(`Hi Ada,`);
  expect(url.searchParams.get('body')).toContain(HEADLINE);
  expect(url.searchParams.get('body')).toContain(
    'Exports now keep every column.\nAsk me for a demo.',
  );
  await compose.close();

  await expect(ada.getByLabel(/I brought good news/)).toBeChecked();
  await ada.getByRole('button', { name: 'Log positive' }).click();
  await expect(popup.getByRole('status')).toContainText('Logged positive with Ada Lovelace');
  await expect(popup.getByTestId('li-nudge').filter({ hasText: 'Ada Lovelace' })).toHaveCount(0);

  await expect(item).toHaveAttribute('data-told', '1');
  await item.locator('summary').click();
  await expect(item.getByRole('list', { name: 'Told' })).toContainText('Ada Lovelace');
  await expect(item.getByText('Everyone has heard it.')).toBeVisible();
});

test('good news edits and deletes with undo, and a positive log without it counts nobody', async ({
  openExtensionPage,
}) => {
  const dashboard = await openExtensionPage('dashboard.html');
  await importBackupOnDashboard(dashboard, backup());
  await dashboard.getByRole('navigation').getByRole('link', { name: 'Good news' }).click();
  await dashboard.getByLabel('Headline').fill('New pricing');
  await dashboard.getByLabel('Who would care').fill('Ada Lovelace, company: bletchley');
  await dashboard.getByRole('button', { name: 'Save good news' }).click();
  const item = dashboard.getByTestId('li-news-item');
  await expect(item).toHaveAttribute('data-audience', '2');

  await item.getByRole('button', { name: 'Edit “New pricing”' }).click();
  await item.getByLabel('Headline').fill('Cheaper pricing');
  await item.getByLabel('Who would care').fill('Ada Lovelace');
  await item.getByRole('button', { name: 'Save changes' }).click();
  await expect(item).toContainText('Cheaper pricing');
  await expect(item).toHaveAttribute('data-audience', '1');
  await dashboard.getByRole('button', { name: 'Undo' }).click();
  await expect(item).toContainText('New pricing');
  await expect(item).toHaveAttribute('data-audience', '2');

  const popup = await openExtensionPage('popup.html');
  const alan = popup.getByTestId('li-nudge').filter({ hasText: 'Alan Turing' });
  await expect(alan).toContainText('Tell Alan: New pricing');
  await alan.getByLabel(/I brought good news/).uncheck();
  await alan.getByRole('button', { name: 'Log positive' }).click();
  await expect(popup.getByRole('status')).toContainText('Logged positive with Alan Turing');
  await expect(item).toHaveAttribute('data-told', '0');

  await item.getByRole('button', { name: 'Delete “New pricing”' }).click();
  await expect(item).toHaveCount(0);
  await dashboard.getByRole('button', { name: 'Undo' }).click();
  await expect(dashboard.getByTestId('li-news-item')).toHaveCount(1);
});
