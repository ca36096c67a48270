import { expect, test } from './fixtures';
import { storedContact, importBackupOnDashboard } from './helpers';
import { makeBackup } from '../support/backups';

test('a backup imported on the dashboard is read back through the background', async ({
  openExtensionPage,
}) => {
  const now = Date.now();
  const backup = makeBackup(now, [
    {
      name: 'Ada Lovelace',
      email: 'Ada@Example.com',
      touches: [{ daysAgo: 3, outcome: 'positive' }],
    },
    {
      name: 'Grace Hopper',
      email: 'grace@navy.mil',
      touches: [{ daysAgo: 1, outcome: 'negative' }],
    },
  ]);
  const page = await openExtensionPage('dashboard.html');
  await importBackupOnDashboard(page, backup);
  await expect(page.getByRole('status')).toContainText('Imported 2 contacts and 2 touches');

  const answer = await storedContact(page, { kind: 'email', value: 'ada@example.com' });
  expect(answer.ok).toBe(true);
  expect(answer.data?.contact.name).toBe('Ada Lovelace');
  expect(answer.data?.contact.lastOutcome).toBe('positive');

  await importBackupOnDashboard(page, backup);
  await expect(page.getByRole('status')).toContainText('Imported 2 contacts and 2 touches');
  const grace = await storedContact(page, { kind: 'email', value: 'grace@navy.mil' });
  expect(grace.data?.contact.touchCount).toBe(1);
});

test('a bad backup is refused with the record named, and nothing changes', async ({
  openExtensionPage,
}) => {
  const now = Date.now();
  const backup = makeBackup(now, [
    {
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      touches: [{ daysAgo: 3, outcome: 'positive' }],
    },
  ]);
  const bad = JSON.parse(JSON.stringify(backup)) as { touches: { outcome: string }[] };
  bad.touches[0]!.outcome = 'great';
  const page = await openExtensionPage('dashboard.html');
  await importBackupOnDashboard(page, JSON.stringify(bad));
  await expect(page.getByRole('status')).toContainText('touches[0].outcome');
  const answer = await storedContact(page, { kind: 'email', value: 'ada@example.com' });
  expect(answer).toEqual({ ok: true, data: null });
});
