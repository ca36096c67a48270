import { expect, test } from './fixtures';
import { importBackupOnDashboard, storedContact } from './helpers';
import { makeBackup } from '../support/backups';

test('a contact added by hand gets a touch on Friday, edits, and a deleted touch comes back with Undo', async ({
  openExtensionPage,
}) => {
  const page = await openExtensionPage('dashboard.html');
  await page.getByRole('button', { name: 'New contact' }).click();
  await page.getByLabel('Name').fill('Katherine Johnson');
  await page.getByLabel('Company').fill('NASA');
  await page.getByLabel('Emails').fill('kj@nasa.gov');
  await page.getByLabel('LinkedIn paths').fill('not-a-path');
  await page.getByRole('button', { name: 'Add contact' }).click();
  await expect(page.getByRole('alert')).toContainText('LinkedIn path must look like /in/');
  await page.getByLabel('LinkedIn paths').fill('/in/kjohnson');
  await page.getByRole('button', { name: 'Add contact' }).click();
  await expect(page.getByRole('heading', { name: 'Katherine Johnson' })).toBeVisible();

  await page.getByLabel('When').first().fill('2026-01-02T15:30');
  await page.getByLabel('Outcome').first().selectOption('positive');
  await page.getByLabel('Channel').first().selectOption('call');
  await page.getByRole('button', { name: 'Add touch' }).click();
  await expect(page.getByTestId('li-touch')).toHaveCount(1);
  await expect(page.getByTestId('li-touch')).toContainText('2026-01-02 15:30');
  await expect(page.getByTestId('li-last-impression')).toHaveText('positive');

  const answer = await storedContact(page, { kind: 'linkedin', value: '/in/kjohnson' });
  expect(answer.data?.contact).toMatchObject({ name: 'Katherine Johnson', touchCount: 1 });

  await page.getByRole('button', { name: 'Edit contact' }).click();
  await page.getByLabel('Tags').fill('customer, renewal');
  await page.getByLabel('Cadence (days)').fill('7');
  await page.getByRole('button', { name: 'Save contact' }).click();
  await expect(page.getByTestId('li-contact-summary')).toContainText('customer, renewal');
  await expect(page.getByTestId('li-contact-summary')).toContainText('7 days');

  await page.getByRole('button', { name: /^Delete touch of/ }).click();
  await expect(page.getByText('No touches yet.')).toBeVisible();
  await expect(page.getByTestId('li-last-impression')).toHaveText('none yet');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('li-touch')).toHaveCount(1);
  await expect(page.getByTestId('li-last-impression')).toHaveText('positive');
});

test('merging two contacts in the dashboard keeps every touch and both identities', async ({
  openExtensionPage,
}) => {
  const now = Date.now();
  const page = await openExtensionPage('dashboard.html');
  await importBackupOnDashboard(
    page,
    makeBackup(now, [
      {
        name: 'Robert Cheung',
        email: 'robert@example.com',
        touches: [
          { daysAgo: 10, outcome: 'positive' },
          { daysAgo: 5, outcome: 'neutral' },
        ],
      },
      {
        name: 'Rob C.',
        linkedin: '/in/robertkcheung',
        touches: [{ daysAgo: 1, outcome: 'negative', channel: 'linkedin' }],
      },
    ]),
  );
  await expect(page.getByRole('status')).toContainText('Imported 2 contacts and 3 touches');
  await page.getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('link', { name: 'Robert Cheung' }).click();

  await page.getByLabel('Find a contact to merge').fill('robertk');
  await page.getByRole('button', { name: /Rob C\./ }).click();
  await expect(page.getByRole('alertdialog')).toContainText('Merge Rob C. (1 touches)');
  await page.getByRole('button', { name: 'Merge', exact: true }).click();

  await expect(page.getByRole('list', { name: '3 touches, newest first' })).toBeVisible();
  await expect(page.getByTestId('li-last-impression')).toHaveText('negative');
  await page.getByRole('link', { name: '← All contacts' }).click();
  await expect(page.getByTestId('li-contact-row')).toHaveCount(1);

  for (const identity of [
    { kind: 'email', value: 'robert@example.com' },
    { kind: 'linkedin', value: '/in/robertkcheung' },
  ]) {
    const answer = await storedContact(page, identity);
    expect(answer.data?.contact).toMatchObject({
      name: 'Robert Cheung',
      touchCount: 3,
      emails: ['robert@example.com'],
      linkedin: ['/in/robertkcheung'],
    });
  }
});

test('settings are saved, and a bad value is refused with a clear message', async ({
  openExtensionPage,
}) => {
  const page = await openExtensionPage('dashboard.html#/settings');
  await expect(page.getByLabel('Default cadence (days)')).toHaveValue('14');
  await page.getByLabel('Default cadence (days)').fill('21');
  await page.getByLabel('Daily digest at').fill('08:15');
  await page.getByLabel('Ignored email domains').fill('example.com\nnot a domain');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('alert')).toContainText('not a domain such as example.com');

  await page.getByLabel('Ignored email domains').fill('example.com');
  await page.getByLabel('Your own addresses').fill('me@mycompany.com');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Saved; contacts were recomputed.')).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Default cadence (days)')).toHaveValue('21');
  await expect(page.getByLabel('Daily digest at')).toHaveValue('08:15');
  await expect(page.getByLabel('Your own addresses')).toHaveValue('me@mycompany.com');
});
