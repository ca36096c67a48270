import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBackup } from '../../lib/backup/export';
import type { Backup } from '../../lib/backup/format';
import { importBackupText, importRecords } from '../../lib/backup/import';
import { parseBackup } from '../../lib/backup/validate';
import type { LastImpressionDb } from '../../lib/db/database';
import { makeBackup, type SampleContact } from '../support/backups';
import { dumpDb, makeTestDb } from '../support/db';

const NOW = Date.UTC(2026, 4, 20, 12);

function many(contacts: number, touchesEach: number, note = ''): SampleContact[] {
  return Array.from({ length: contacts }, (_, i) => ({
    name: `Person ${i}`,
    email: `person${i}@example.com`,
    company: `Company ${i % 17}`,
    touches: Array.from({ length: touchesEach }, (_, j) => ({
      daysAgo: (i * 7 + j * 3) % 400,
      outcome: (['positive', 'neutral', 'negative'] as const)[(i + j) % 3]!,
      ...(note ? { note: `${note} ${i}/${j}` } : {}),
    })),
  }));
}

/** A database with real data in it, so "unchanged" means more than "still empty". */
let db: LastImpressionDb;
let before: Awaited<ReturnType<typeof dumpDb>>;
beforeAll(async () => {
  db = makeTestDb();
  const result = await importBackupText(db, JSON.stringify(makeBackup(NOW, many(5, 4))), NOW);
  expect(result.ok).toBe(true);
  before = await dumpDb(db);
  expect(before.touches).toHaveLength(20);
});
afterAll(() => db.close());

/** Imports `text`, expects a refusal whose message contains every `needle`, and no change. */
async function refused(text: string, ...needles: string[]): Promise<string> {
  const result = await importBackupText(db, text, NOW);
  expect(result.ok).toBe(false);
  const error = result.ok ? '' : result.error;
  for (const needle of needles) expect(error).toContain(needle);
  expect(await dumpDb(db)).toEqual(before);
  return error;
}

const valid = () => makeBackup(NOW, many(3, 3));
const text = (b: unknown) => JSON.stringify(b);

describe('refused backups leave the database unchanged', () => {
  it('a 5 MB export cut short is refused as invalid JSON', async () => {
    const source = makeTestDb();
    await importRecords(source, makeBackup(NOW, many(500, 30, 'x'.repeat(150))), NOW);
    const full = text(await exportBackup(source, NOW));
    source.close();
    expect(full.length).toBeGreaterThan(5_000_000);
    const truncated = full.slice(0, 5_000_000);
    const error = await refused(truncated, 'not valid JSON');
    expect(error.length).toBeLessThan(500);
  });

  it('one bad touch among 10,000 good ones is refused, naming touches[N] and the field', async () => {
    const backup = makeBackup(NOW, many(100, 100));
    expect(backup.touches).toHaveLength(10_000);
    const good = text(backup);
    expect(parseBackup(good, NOW).ok).toBe(true);

    (backup.touches[7321] as Record<string, unknown>).outcome = 'great';
    await refused(text(backup), 'touches[7321].outcome');

    const late = makeBackup(NOW, many(100, 100));
    late.touches[9999]!.at = '2100-01-01T00:00:00.000Z';
    await refused(text(late), 'touches[9999].at', 'year');

    const noChannel = makeBackup(NOW, many(100, 100));
    delete (noChannel.touches[42] as Partial<Backup['touches'][number]>).channel;
    await refused(text(noChannel), 'touches[42].channel');
  });

  it('a backup from a newer version says so', async () => {
    const error = await refused(text({ ...valid(), version: 3 }), 'newer version');
    expect(error).toContain('2');
  });

  it('a file that is not a backup says so', async () => {
    await refused(text({ hello: 'world' }), 'not a Last Impression backup');
    await refused('[]', 'not a Last Impression backup');
    await refused('', 'not valid JSON');
  });

  it('a touch naming a contact that is not in the file', async () => {
    const backup = valid();
    backup.touches[4]!.contactId = 'ffffffff-ffff-4fff-8fff-ffffffffffff';
    await refused(text(backup), 'touches[4].contactId', 'ffffffff-ffff-4fff-8fff-ffffffffffff');
  });

  it('an id that is not a UUID, which no message could name later', async () => {
    const backup = valid();
    backup.contacts[1]!.id = 'c1';
    await refused(text(backup), 'contacts[1].id', 'UUID');
  });

  it('duplicate contact ids and duplicate touch ids', async () => {
    const contacts = valid();
    contacts.contacts[2]!.id = contacts.contacts[0]!.id;
    await refused(text(contacts), 'contacts[2].id', 'twice');
    const touches = valid();
    touches.touches[5]!.id = touches.touches[1]!.id;
    await refused(text(touches), 'touches[5].id', 'twice');
  });

  it('the same identity on two contacts, whatever its case', async () => {
    const backup = valid();
    backup.contacts[1]!.emails = ['PERSON0@example.com'];
    await refused(text(backup), 'contacts[1]', 'person0@example.com', 'contacts[0]');
    const linked = valid();
    linked.contacts[0]!.linkedin = ['/in/Same'];
    linked.contacts[2]!.linkedin = ['/in/same/'];
    await refused(text(linked), 'contacts[2]', '/in/same');
  });

  it('dates that do not exist or are not dates', async () => {
    for (const bad of [
      '2026-02-31T10:00:00.000Z',
      '2026-04-31T10:00:00.000Z',
      '2026-13-01T10:00:00.000Z',
      'yesterday',
      '',
    ]) {
      const backup = valid();
      backup.touches[2]!.at = bad;
      await refused(text(backup), 'touches[2].at');
    }
    const numeric = valid();
    (numeric.touches[0] as Record<string, unknown>).at = 1_700_000_000_000;
    await refused(text(numeric), 'touches[0].at');
    const leap = valid();
    leap.touches[0]!.at = '2024-02-29T10:00:00.000Z';
    expect(parseBackup(text(leap), NOW).ok).toBe(true);
  });

  it('dates before 1970', async () => {
    const backup = valid();
    backup.touches[1]!.at = '1969-12-31T23:59:59.000Z';
    await refused(text(backup), 'touches[1].at', '1970');
  });

  it('bad contact fields', async () => {
    const email = valid();
    email.contacts[1]!.emails = ['not-an-email'];
    await refused(text(email), 'contacts[1].emails[0]');
    const name = valid();
    name.contacts[0]!.name = '   ';
    await refused(text(name), 'contacts[0].name');
    const cadence = valid();
    cadence.contacts[2]!.cadenceDays = 1.5;
    await refused(text(cadence), 'contacts[2].cadenceDays');
  });
});
