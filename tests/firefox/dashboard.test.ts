import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Backup } from '../../lib/backup/format';
import { makeBackup } from '../support/backups';
import { downloaded, hostPermissions, launchFirefox, type FirefoxWithExtension } from './firefox';
import { click, importOnDashboard, untilText } from './pages';

let firefox: FirefoxWithExtension;
beforeAll(async () => {
  firefox = await launchFirefox();
});
afterAll(async () => {
  await firefox?.close();
});

test('a backup imported on the dashboard comes back whole from Export backup', async () => {
  const backup = makeBackup(Date.now(), [
    {
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      company: 'Analytical Engines',
      touches: [
        { daysAgo: 3, outcome: 'positive', note: 'Signed the renewal' },
        { daysAgo: 10, outcome: 'negative' },
      ],
    },
    {
      name: 'Grace Hopper',
      email: 'grace@navy.mil',
      touches: [{ daysAgo: 1, outcome: 'neutral', channel: 'call' }],
    },
  ]);
  const dashboard = await firefox.openExtensionPage('dashboard.html');
  expect(await importOnDashboard(dashboard, backup)).toContain('Imported 2 contacts and 3 touches');

  await click(dashboard, 'Export backup');
  await untilText(dashboard, '[role="status"]', 'Exported 2 contacts and 3 touches');
  const exported = JSON.parse(
    await downloaded(firefox, /^last-impression-backup.*\.json$/),
  ) as Backup;
  expect(exported.format).toBe('last-impression-backup');
  expect(exported.contacts.map((c) => c.name).sort()).toEqual(['Ada Lovelace', 'Grace Hopper']);
  expect(exported.touches).toHaveLength(3);
  expect(exported.touches.map((t) => t.note)).toContain('Signed the renewal');
});

test('Gmail and LinkedIn access is granted, as the install prompt asks (README "Firefox")', async () => {
  const dashboard = await firefox.openExtensionPage('dashboard.html');
  expect(await hostPermissions(dashboard)).toEqual([
    'https://mail.google.com/*',
    'https://www.linkedin.com/*',
  ]);
});
