import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { dashboardWith, openDetails, openGmail, panelFrame } from './helpers';
import { fullPageThreadPage, THREAD_URL, USER } from '../support/gmail-pages';

/** The same thread, open in the rep's second Gmail account. */
const THREAD_IN_ACCOUNT_1 = THREAD_URL.replace('/mail/u/0/', '/mail/u/1/');

const ADA = { email: 'ada@example.com', name: 'Ada Lovelace' };
const OLDER = 'New onboarding guide';
const HEADLINE = 'CSV export & 50% faster sync? #shipped 🚀';
const adaThread = fullPageThreadPage('Catching up', [{ from: ADA, to: [USER] }]);

/** Clicks the nudge's "Write to Ada" and answers the address of the tab it opened. */
async function writeToAda(context: BrowserContext, nudge: Locator): Promise<URL> {
  const opened = context.waitForEvent('page');
  await nudge.getByRole('button', { name: 'Write to Ada' }).click();
  const compose = await opened;
  await compose.waitForURL(/^https:\/\/mail\.google\.com\/mail\/u\/\d\/\?/);
  const url = new URL(compose.url());
  await compose.close();
  return url;
}

async function addNews(dashboard: Page, headline: string, audience: string): Promise<void> {
  await dashboard.getByLabel('Headline').fill(headline);
  await dashboard.getByLabel('Who would care').fill(audience);
  await dashboard.getByRole('button', { name: 'Save good news' }).click();
  await expect(dashboard.getByTestId('li-news-item').filter({ hasText: headline })).toHaveCount(1);
}

/**
 * A dashboard holding Ada (Analytical Engines, last positive `daysAgo` days ago) and two news
 * items meant for her: OLDER by name, then HEADLINE by her company.
 */
async function adaWithTwoNews(
  openExtensionPage: (file: string) => Promise<Page>,
  daysAgo: number,
): Promise<Page> {
  const dashboard = await dashboardWith(openExtensionPage, [
    {
      name: ADA.name,
      email: ADA.email,
      company: 'Analytical Engines',
      touches: [{ daysAgo, outcome: 'positive' }],
    },
  ]);
  await dashboard.getByRole('navigation').getByRole('link', { name: 'Good news' }).click();
  await addNews(dashboard, OLDER, 'Ada Lovelace');
  await addNews(dashboard, HEADLINE, 'analytical engines');
  return dashboard;
}

test('the Gmail panel names the news, writes it, and counts it told when logged; Undo takes it back', async ({
  context,
  openExtensionPage,
}) => {
  const dashboard = await adaWithTwoNews(openExtensionPage, 20);
  const item = dashboard.getByTestId('li-news-item').filter({ hasText: HEADLINE });
  await expect(item).toHaveAttribute('data-audience', '1');
  await expect(item).toHaveAttribute('data-told', '0');

  // The thread and whatever compose Gmail is asked for are served at their real addresses.
  const gmail = await openGmail(context, adaThread, THREAD_IN_ACCOUNT_1);
  const panel = panelFrame(gmail);
  const nudge = panel.getByTestId('li-panel-nudge');
  // Two items wait for Ada; the newest comes first.
  await expect(nudge).toContainText(`Tell Ada: ${HEADLINE}`);
  await expect(nudge).toHaveAttribute('data-reason', 'share-good-news');

  // Nothing was ever logged from a Gmail page for Ada: the first account.
  const url = await writeToAda(context, nudge);
  expect(`${url.origin}${url.pathname}`).toBe('https://mail.google.com/mail/u/0/');
  expect(url.searchParams.get('view')).toBe('cm');
  expect(url.searchParams.get('to')).toBe(ADA.email);
  expect(url.searchParams.get('su')).toBe(HEADLINE);
  expect(url.searchParams.get('body')).toContain(HEADLINE);

  await openDetails(gmail);
  await panel.getByLabel('I brought good news').check();
  const which = panel.getByLabel('Which news?');
  // The item the nudge named is preselected; the older one is offered too.
  await expect(which.locator('option:checked')).toHaveText(HEADLINE);
  await expect(which.locator('option')).toHaveText([HEADLINE, OLDER, 'None of these']);
  await panel.getByRole('button', { name: 'Log positive' }).click();
  await expect(
    panel.getByRole('button', { name: 'Undo: logged positive · Ada Lovelace' }),
  ).toBeVisible();

  await expect(item).toHaveAttribute('data-told', '1');
  await expect(dashboard.getByTestId('li-news-item').filter({ hasText: OLDER })).toHaveAttribute(
    'data-told',
    '0',
  );
  // A deposit just made: Ada is due for nothing, so the panel names nothing.
  await expect(nudge).toHaveCount(0);

  await panel.getByRole('button', { name: 'Undo: logged positive · Ada Lovelace' }).click();
  await expect(item).toHaveAttribute('data-told', '0');
  await expect(nudge).toContainText(`Tell Ada: ${HEADLINE}`);
  await openDetails(gmail);
  await expect(panel.getByLabel('I brought good news')).toBeChecked();
  await expect(which.locator('option:checked')).toHaveText(HEADLINE);

  // The log was made from account 1's Gmail: writing to Ada now opens that account.
  const again = await writeToAda(context, nudge);
  expect(`${again.origin}${again.pathname}`).toBe('https://mail.google.com/mail/u/1/');
});

test('choosing other news in "Which news?" counts that one as told, not the one the nudge named', async ({
  context,
  openExtensionPage,
}) => {
  const dashboard = await adaWithTwoNews(openExtensionPage, 40);

  const gmail = await openGmail(context, adaThread);
  const panel = panelFrame(gmail);
  await expect(panel.getByTestId('li-panel-nudge')).toContainText(`Tell Ada: ${HEADLINE}`);
  await openDetails(gmail);
  await panel.getByLabel('I brought good news').check();
  await panel.getByLabel('Which news?').selectOption({ label: OLDER });
  await panel.getByRole('button', { name: 'Log positive' }).click();
  await expect(panel.getByRole('button', { name: /^Undo: logged positive/ })).toBeVisible();

  const older = dashboard.getByTestId('li-news-item').filter({ hasText: OLDER });
  await expect(older).toHaveAttribute('data-told', '1');
  await expect(dashboard.getByTestId('li-news-item').filter({ hasText: HEADLINE })).toHaveAttribute(
    'data-told',
    '0',
  );
  await older.locator('summary').click();
  await expect(older.getByRole('list', { name: 'Told' })).toContainText('Ada Lovelace');
});
