import { expect, test } from './fixtures';
import { dashboardWith } from './helpers';

test('backups are easy to keep: the popup reminds when touches were never exported, and exports in one click', async ({
  openExtensionPage,
}) => {
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByRole('heading', { name: 'Today' })).toBeVisible();
  await expect(popup.getByTestId('li-backup-reminder')).toHaveCount(0);

  const dashboard = await dashboardWith(openExtensionPage, [
    {
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      touches: [{ daysAgo: 3, outcome: 'positive' }],
    },
  ]);
  await expect(dashboard.getByRole('status')).toContainText('Imported 1 contacts');

  const reminder = popup.getByTestId('li-backup-reminder');
  await expect(reminder).toContainText('No backup in the last 30 days');
  const download = popup.waitForEvent('download');
  await reminder.getByRole('button', { name: 'Export backup' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^last-impression-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const backup = JSON.parse(await streamText(await file.createReadStream())) as {
    contacts: { name: string }[];
  };
  expect(backup.contacts.map((c) => c.name)).toEqual(['Ada Lovelace']);
  await expect(reminder).toHaveCount(0);
});

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
