import { expect, test } from './fixtures';
import { importBackupOnDashboard } from './helpers';
import { makeBackup } from '../support/backups';

test('goodwill reads the same in the contacts table, the contact page and the popup, and explains itself on hover and focus', async ({
  openExtensionPage,
}) => {
  const page = await openExtensionPage('dashboard.html');
  await importBackupOnDashboard(
    page,
    makeBackup(Date.now(), [
      {
        name: 'Grace Hopper',
        email: 'grace@navy.mil',
        touches: [
          { daysAgo: 30, outcome: 'negative' },
          { daysAgo: 3, outcome: 'positive', goodNews: true },
          { daysAgo: 1, outcome: 'negative' },
        ],
      },
    ]),
  );
  await page.getByRole('navigation').getByRole('link', { name: 'Contacts' }).click();
  const row = page.getByTestId('li-contact-row').filter({ hasText: 'Grace Hopper' });
  // 2·0.5^(3/30) − 0.5^(1/30) − 0.5 ≈ 0.38
  await expect(row.getByTestId('li-row-goodwill')).toHaveText('0.4 · low');

  await row.getByRole('link', { name: 'Grace Hopper' }).click();
  const figure = page.getByTestId('li-goodwill');
  await expect(figure).toHaveText('0.4 · low');
  const why = page.getByRole('tooltip');
  await expect(why).toBeHidden();

  await figure.hover();
  await expect(why).toBeVisible();
  await expect(why).toContainText('−1 negative, 1 day ago → −0.98');
  await expect(why).toContainText('+2 good news, 3 days ago → +1.87');
  await expect(why).toContainText('−1 negative, 30 days ago → −0.50');
  await page.mouse.move(0, 0);
  await expect(why).toBeHidden();

  // Keyboard users get the same explanation, and hear it as the figure's description.
  await page.getByRole('button', { name: 'Edit contact' }).focus();
  await page.keyboard.press('Shift+Tab');
  await expect(figure).toBeFocused();
  await expect(why).toBeVisible();
  await expect(figure).toHaveAccessibleDescription(/\+2 good news, 3 days ago → \+1\.87/);
  await page.keyboard.press('Escape');
  await expect(why).toBeHidden();

  const popup = await openExtensionPage('popup.html');
  const nudge = popup.getByTestId('li-nudge').filter({ hasText: 'Grace Hopper' });
  await expect(nudge.getByTestId('li-nudge-goodwill')).toHaveText('Goodwill 0.4 · low');
});
