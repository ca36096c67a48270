import { describe, expect, it } from 'vitest';
import { parseBackup } from '../../lib/backup/validate';
import { needsBackupReminder } from '../../lib/backup/reminder';
import {
  backupsToPrune,
  DEFAULT_WEEKLY_BACKUP,
  jsonDataUrl,
  WEEK_MS,
  weeklyBackupDue,
  weeklyBackupFile,
  weeklyBackupSettingsFrom,
  type DownloadRecord,
} from '../../lib/backup/weekly';
import {
  runWeeklyBackup,
  type DownloadsPort,
  type WeeklyBackupEnv,
} from '../../lib/backup/weekly-run';
import { importBackupText } from '../../lib/backup/import';
import type { LastImpressionDb } from '../../lib/db/database';
import { getWeeklyBackupLog, saveWeeklyBackup } from '../../lib/db/weekly-backup';
import { makeBackup } from '../support/backups';
import { makeTestDb } from '../support/db';

const ME = 'our-extension-id';
const NOW = Date.UTC(2026, 10, 30, 9, 0);
const DAY = 24 * 3600 * 1000;

describe('weekly backup: the file name', () => {
  it('is last-impression/backup-YYYY-MM-DD.json for the UTC day, as the backup dates itself', () => {
    expect(weeklyBackupFile(Date.UTC(2026, 10, 30, 9))).toBe(
      'last-impression/backup-2026-11-30.json',
    );
    expect(weeklyBackupFile(Date.UTC(2027, 0, 1, 23, 59, 59))).toBe(
      'last-impression/backup-2027-01-01.json',
    );
    expect(weeklyBackupFile(Date.UTC(2026, 1, 28, 0, 0))).toBe(
      'last-impression/backup-2026-02-28.json',
    );
  });
});

describe('weekly backup: when a save is due', () => {
  it('is due at once, then a week after the last save, give or take a late or early check', () => {
    expect(weeklyBackupDue(undefined, NOW)).toBe(true);
    expect(weeklyBackupDue(NOW, NOW + DAY)).toBe(false);
    expect(weeklyBackupDue(NOW, NOW + 6 * DAY)).toBe(false);
    expect(weeklyBackupDue(NOW, NOW + WEEK_MS - 3600_000)).toBe(true);
    expect(weeklyBackupDue(NOW, NOW + 30 * DAY)).toBe(true);
    // A clock set back makes the last save look future: save rather than wait for it.
    expect(weeklyBackupDue(NOW + DAY, NOW)).toBe(true);
  });

  it('is off by default and falls back to off when the stored setting is unreadable', () => {
    expect(weeklyBackupSettingsFrom(undefined)).toEqual({ enabled: false, keep: 8 });
    expect(weeklyBackupSettingsFrom({ enabled: true })).toEqual({ enabled: true, keep: 8 });
    expect(weeklyBackupSettingsFrom({ enabled: 'yes', keep: 3 })).toEqual(DEFAULT_WEEKLY_BACKUP);
    expect(weeklyBackupSettingsFrom({ enabled: true, keep: 0 })).toEqual(DEFAULT_WEEKLY_BACKUP);
  });
});

const file = (day: string, dir = '/home/rep/Downloads') =>
  `${dir}/last-impression/backup-${day}.json`;
const item = (id: number, filename: string, extra: Partial<DownloadRecord> = {}) => ({
  id,
  filename,
  byExtensionId: ME,
  state: 'complete',
  exists: true,
  startTime: `${/\d{4}-\d{2}-\d{2}/.exec(filename)?.[0] ?? '2026-01-01'}T09:00:00.000Z`,
  ...extra,
});

describe('weekly backup: which earlier saves go', () => {
  it('keeps the newest N saves and removes the older files', () => {
    const items = [
      item(1, file('2026-10-19')),
      item(2, file('2026-10-26')),
      item(3, file('2026-11-02')),
      item(4, file('2026-11-09')),
    ];
    expect(backupsToPrune(items, ME, 2)).toEqual({ removeFile: [2, 1], erase: [] });
    expect(backupsToPrune(items, ME, 8)).toEqual({ removeFile: [], erase: [] });
  });

  it('never touches a file it did not make: another extension, the user, or another name', () => {
    const items = [
      item(1, file('2026-10-19'), { byExtensionId: 'someone-else' }),
      item(2, file('2026-10-20'), { byExtensionId: undefined }),
      item(3, '/home/rep/Downloads/last-impression/notes.json'),
      item(4, '/home/rep/Downloads/backup-2026-10-21.json'),
      item(5, '/home/rep/Downloads/other/backup-2026-10-22.json'),
      item(6, '/home/rep/Downloads/last-impression/backup-2026-10-23.json.part'),
      item(7, file('2026-11-09')),
      item(8, file('2026-10-01'), { state: 'in_progress' }),
    ];
    expect(backupsToPrune(items, ME, 1)).toEqual({ removeFile: [], erase: [] });
  });

  it('erases, never deletes, an older entry for a day that a later save overwrote', () => {
    const items = [
      item(1, file('2026-11-09'), { startTime: '2026-11-09T08:00:00.000Z' }),
      item(2, file('2026-11-09'), { startTime: '2026-11-09T10:00:00.000Z' }),
      item(3, file('2026-11-02')),
    ];
    expect(backupsToPrune(items, ME, 1)).toEqual({ removeFile: [3], erase: [1] });
  });

  it('erases the entry of a file already gone, and orders by day wherever Downloads was', () => {
    const items = [
      item(1, file('2026-11-02', 'C:\\Users\\rep\\Downloads').replaceAll('/', '\\')),
      item(2, file('2026-10-26', '/mnt/new'), { exists: false }),
      item(3, file('2026-11-09', '/mnt/new')),
    ];
    expect(backupsToPrune(items, ME, 1)).toEqual({ removeFile: [1], erase: [2] });
  });
});

describe('weekly backup: the data URL a service worker downloads', () => {
  it('carries the exact UTF-8 text, accents and emoji included', () => {
    const json = JSON.stringify({ name: 'Zoë Ødegård 日本 🤝', note: 'x'.repeat(100_000) });
    const url = jsonDataUrl(json);
    expect(url.startsWith('data:application/json;base64,')).toBe(true);
    const bytes = Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
    expect(new TextDecoder().decode(bytes)).toBe(json);
  });
});

/** The downloads API as far as a run uses it: files kept in a map, keyed by download id. */
function fakeDownloads(existing: DownloadRecord[] = []) {
  const items = new Map<number, DownloadRecord & { text?: string }>(
    existing.map((d) => [d.id, { ...d }]),
  );
  let next = 100;
  const removed: number[] = [];
  const erased: number[] = [];
  const port: DownloadsPort = {
    async download({ url, filename }) {
      const id = next++;
      const text = new TextDecoder().decode(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64'));
      items.set(id, {
        id,
        filename: `/home/rep/Downloads/${filename}`,
        byExtensionId: ME,
        state: 'complete',
        exists: true,
        startTime: new Date(next).toISOString(),
        text,
      });
      return id;
    },
    async search({ id, filenameRegex }) {
      return [...items.values()].filter(
        (d) =>
          (id === undefined || d.id === id) &&
          (filenameRegex === undefined || new RegExp(filenameRegex).test(d.filename)),
      );
    },
    async removeFile(id) {
      removed.push(id);
      const d = items.get(id);
      if (d) d.exists = false;
    },
    async erase({ id }) {
      erased.push(id);
      items.delete(id);
      return [id];
    },
  };
  return { port, items, removed, erased };
}

function envWith(downloads: DownloadsPort | null): WeeklyBackupEnv {
  return {
    extensionId: ME,
    downloads: async () => downloads,
    urlFor: (json) => ({ url: jsonDataUrl(json), release: () => {} }),
    sleep: async () => {},
  };
}

async function dbWithAda(): Promise<LastImpressionDb> {
  const db = makeTestDb();
  const backup = makeBackup(NOW, [
    {
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      touches: [{ daysAgo: 3, outcome: 'positive' }],
    },
  ]);
  const imported = await importBackupText(db, JSON.stringify(backup), NOW);
  if (!imported.ok) throw new Error(imported.error);
  return db;
}

const lastExportAt = async (db: LastImpressionDb) => {
  const value = (await db.meta.get('lastExportAt'))?.value;
  return typeof value === 'number' ? value : undefined;
};

describe('weekly backup: a run of the alarm', () => {
  it('does nothing while the switch is off, the default', async () => {
    const db = await dbWithAda();
    const downloads = fakeDownloads();
    expect(await runWeeklyBackup(db, envWith(downloads.port), NOW)).toEqual({ kind: 'off' });
    expect(downloads.items.size).toBe(0);
  });

  it('does nothing harmful once the permission was withdrawn: no file, no removal, no backup counted', async () => {
    const db = await dbWithAda();
    await saveWeeklyBackup(db, { enabled: true, keep: 8 });
    expect(await runWeeklyBackup(db, envWith(null), NOW)).toEqual({ kind: 'no-permission' });
    expect(await lastExportAt(db)).toBeUndefined();
    expect(await getWeeklyBackupLog(db)).toEqual({ checkedAt: NOW });
  });

  it('writes a valid format-2 backup, the one Export backup makes, and the reminder counts it', async () => {
    const db = await dbWithAda();
    await saveWeeklyBackup(db, { enabled: true, keep: 8 });
    const remindedBefore = needsBackupReminder({
      hasTouches: true,
      lastExportAt: await lastExportAt(db),
      now: NOW,
    });
    expect(remindedBefore).toBe(true);

    const downloads = fakeDownloads();
    const run = await runWeeklyBackup(db, envWith(downloads.port), NOW);
    expect(run).toEqual({
      kind: 'saved',
      file: 'last-impression/backup-2026-11-30.json',
      removed: 0,
    });
    const [saved] = [...downloads.items.values()];
    const parsed = parseBackup(saved!.text!, NOW);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.backup.version).toBe(2);
    expect(parsed.backup.contacts.map((c) => c.name)).toEqual(['Ada Lovelace']);
    expect(parsed.backup.touches).toHaveLength(1);

    expect(await lastExportAt(db)).toBe(NOW);
    expect(
      needsBackupReminder({
        hasTouches: true,
        lastExportAt: await lastExportAt(db),
        now: NOW + DAY,
      }),
    ).toBe(false);
    expect(await getWeeklyBackupLog(db)).toEqual({
      checkedAt: NOW,
      savedAt: NOW,
      file: 'last-impression/backup-2026-11-30.json',
    });
    // The next daily check, a day later, finds it not due.
    expect(await runWeeklyBackup(db, envWith(downloads.port), NOW + DAY)).toEqual({
      kind: 'not-due',
    });
  });

  it('keeps the newest N files after each save, removing only its own older ones', async () => {
    const db = await dbWithAda();
    await saveWeeklyBackup(db, { enabled: true, keep: 2 });
    const downloads = fakeDownloads([
      item(1, file('2026-11-16')),
      item(2, file('2026-11-23')),
      item(3, file('2026-11-02'), { byExtensionId: 'someone-else' }),
    ]);
    const run = await runWeeklyBackup(db, envWith(downloads.port), NOW);
    expect(run).toMatchObject({ kind: 'saved', removed: 1 });
    expect(downloads.removed).toEqual([1]);
    expect(downloads.erased).toEqual([1]);
    expect([...downloads.items.keys()].sort((a, b) => a - b)).toEqual([2, 3, 100]);
  });

  it('records a failed write for Settings and leaves the reminder as it was', async () => {
    const db = await dbWithAda();
    await saveWeeklyBackup(db, { enabled: true, keep: 8 });
    const downloads = fakeDownloads();
    downloads.port.download = async () => {
      throw new Error('Invalid filename');
    };
    expect(await runWeeklyBackup(db, envWith(downloads.port), NOW)).toEqual({
      kind: 'failed',
      error: 'Invalid filename',
    });
    expect(await lastExportAt(db)).toBeUndefined();
    expect(await getWeeklyBackupLog(db)).toEqual({
      checkedAt: NOW,
      failedAt: NOW,
      error: 'Invalid filename',
    });
  });
});
