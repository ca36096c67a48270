import { afterEach, describe, expect, it } from 'vitest';
import { exportBackup } from '../../lib/backup/export';
import type { Backup } from '../../lib/backup/format';
import { importBackupText } from '../../lib/backup/import';
import { addContact, findContactByIdentity } from '../../lib/db/contacts';
import type { LastImpressionDb } from '../../lib/db/database';
import { logTouch } from '../../lib/db/touches';
import { goodwillBalance, goodwillNow } from '../../lib/impressions';
import { emailKey, linkedinKey, type Contact } from '../../lib/model';
import { makeBackup } from '../support/backups';
import { dumpDb, makeTestDb } from '../support/db';
import { countTouches } from '../../lib/db/queries';
import { touchesOfContact } from '../../lib/db/months';

const DAY = 24 * 3600 * 1000;
const NOW = Date.UTC(2026, 4, 20, 12);

const open: LastImpressionDb[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});
function newDb() {
  const db = makeTestDb();
  open.push(db);
  return db;
}

async function must<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: string }>) {
  const r = await result;
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** A database filled the way a user would: every optional field, several sources. */
async function filled(db: LastImpressionDb) {
  const ada = await must(
    addContact(
      db,
      {
        name: 'Ada Lovelace',
        emails: ['ada@example.com', 'ada@home.net'],
        linkedin: ['/in/ada-l', '/in/ACoAAbCdE'],
        company: 'Analytical Engines',
        headline: 'Mathematician',
        notes: 'Prefers calls.\nLikes diagrams.',
        tags: ['vip', 'engines'],
        cadenceDays: 7,
      },
      NOW - 60 * DAY,
    ),
  );
  const grace = await must(
    addContact(
      db,
      { name: 'Grace Hopper', emails: ['grace@navy.mil'], linkedin: [], excludeFromNudges: true },
      NOW - 50 * DAY,
    ),
  );
  const log = (contactId: string, daysAgo: number, extra: Record<string, unknown>) =>
    must(
      logTouch(
        db,
        {
          contactId,
          at: NOW - daysAgo * DAY,
          channel: 'email',
          outcome: 'neutral',
          source: 'dashboard',
          ...extra,
        },
        NOW - daysAgo * DAY + 1000,
      ),
    );
  await log(ada.id, 40, {
    outcome: 'positive',
    goodNews: true,
    note: 'shipped v2',
    source: 'gmail',
  });
  await log(ada.id, 20, { outcome: 'negative', channel: 'call', note: 'outage' });
  await log(ada.id, 3, { outcome: 'positive', channel: 'meeting', source: 'popup' });
  await log(grace.id, 10, { outcome: 'negative', channel: 'linkedin', source: 'linkedin' });
  await must(
    logTouch(
      db,
      {
        identity: { kind: 'linkedin', value: '/in/linus' },
        name: 'Linus',
        channel: 'linkedin',
        outcome: 'neutral',
        source: 'linkedin',
      },
      NOW - DAY,
    ),
  );
}

const byId = <T extends { id: string }>(items: readonly T[]) =>
  [...items].sort((a, b) => a.id.localeCompare(b.id));

function withoutStamp(backup: Backup) {
  return {
    ...backup,
    exportedAt: 'x',
    contacts: byId(backup.contacts),
    touches: byId(backup.touches),
  };
}

function summaries(contacts: Contact[]) {
  return byId(contacts).map((c) => ({
    id: c.id,
    touchCount: c.touchCount,
    lastTouchAt: c.lastTouchAt,
    lastOutcome: c.lastOutcome,
    lastPositiveAt: c.lastPositiveAt,
    goodwill: Number(goodwillNow(c, NOW).toFixed(9)),
  }));
}

describe('backup round trip', () => {
  it('export then import into an empty database gives the same data back', async () => {
    const source = newDb();
    await filled(source);
    const backup = await exportBackup(source, NOW);
    expect(backup).toMatchObject({ format: 'last-impression-backup', version: 2 });
    expect(backup.exportedAt).toBe(new Date(NOW).toISOString());
    expect(backup.contacts).toHaveLength(3);
    expect(backup.touches).toHaveLength(5);

    const target = newDb();
    const result = await importBackupText(target, JSON.stringify(backup), NOW + DAY);
    expect(result).toEqual({ ok: true, counts: { contacts: 3, touches: 5 } });

    const again = await exportBackup(target, NOW);
    expect(withoutStamp(again)).toEqual(withoutStamp(backup));
    expect(summaries(await target.contacts.toArray())).toEqual(
      summaries(await source.contacts.toArray()),
    );
    const ada = await findContactByIdentity(target, linkedinKey('/in/ACoAAbCdE'));
    expect(ada).toMatchObject({ name: 'Ada Lovelace', cadenceDays: 7, tags: ['vip', 'engines'] });
    expect(goodwillNow(ada!, NOW)).toBeCloseTo(
      goodwillBalance(await touchesOfContact(target, ada!.id), NOW, 30),
      10,
    );
  });

  it('keeps every stored field but updatedAt, creation times included', async () => {
    const source = newDb();
    await filled(source);
    const target = newDb();
    const text = JSON.stringify(await exportBackup(source, NOW));
    expect((await importBackupText(target, text, NOW + DAY)).ok).toBe(true);
    const strip = <T extends { updatedAt: number }>(rows: T[]) =>
      rows.map(({ updatedAt: _, ...rest }) => rest);
    // Logging folds goodwill in touch by touch, import recomputes it: equal up to rounding.
    const roughly = (rows: Contact[]) =>
      strip(rows).map((c) => ({ ...c, goodwillAtLastTouch: c.goodwillAtLastTouch.toFixed(9) }));
    const [a, b] = [await dumpDb(source), await dumpDb(target)];
    expect(roughly(b.contacts)).toEqual(roughly(a.contacts));
    expect(strip(b.touches)).toEqual(strip(a.touches));
  });

  it('keeps the last impression among touches logged for the same time', async () => {
    const source = newDb();
    const at = NOW - DAY;
    for (let i = 0; i < 20; i++) {
      const identity = { kind: 'email' as const, value: `p${i}@x.org` };
      const base = { identity, at, channel: 'email', source: 'dashboard' } as const;
      await must(logTouch(source, { ...base, outcome: 'positive' }, NOW));
      await must(logTouch(source, { ...base, outcome: 'negative' }, NOW + 1));
    }
    const target = newDb();
    const text = JSON.stringify(await exportBackup(source, NOW + 2));
    expect((await importBackupText(target, text, NOW + 3)).ok).toBe(true);
    const outcomes = (await target.contacts.toArray()).map((c) => c.lastOutcome);
    expect(outcomes).toEqual(Array(20).fill('negative'));
  });

  it('records the moment of the export', async () => {
    const db = newDb();
    await exportBackup(db, NOW);
    expect((await db.meta.get('lastExportAt'))?.value).toBe(NOW);
  });

  it('importing the same backup twice duplicates nothing', async () => {
    const source = newDb();
    await filled(source);
    const text = JSON.stringify(await exportBackup(source, NOW));
    const target = newDb();
    expect((await importBackupText(target, text, NOW)).ok).toBe(true);
    const once = await dumpDb(target);
    expect((await importBackupText(target, text, NOW)).ok).toBe(true);
    expect(await dumpDb(target)).toEqual(once);
    expect((await importBackupText(target, text, NOW + DAY)).ok).toBe(true);
    expect(await target.contacts.count()).toBe(3);
    expect(await countTouches(target)).toBe(5);
    expect(summaries(await target.contacts.toArray())).toEqual(summaries(once.contacts));
  });

  it('folds a contact whose email is already known under another id into the existing one', async () => {
    const db = newDb();
    const existing = await must(
      addContact(
        db,
        { name: 'Ada (work)', emails: ['ada@example.com'], linkedin: [] },
        NOW - 30 * DAY,
      ),
    );
    await must(
      logTouch(
        db,
        {
          contactId: existing.id,
          at: NOW - 5 * DAY,
          channel: 'email',
          outcome: 'positive',
          source: 'gmail',
        },
        NOW - 5 * DAY,
      ),
    );
    const backup = makeBackup(NOW, [
      {
        name: 'Ada Lovelace',
        email: 'ADA@Example.com',
        linkedin: '/in/ada-l',
        touches: [
          { daysAgo: 10, outcome: 'neutral' },
          { daysAgo: 1, outcome: 'negative' },
        ],
      },
    ]);
    const result = await importBackupText(db, JSON.stringify(backup), NOW);
    expect(result).toEqual({ ok: true, counts: { contacts: 1, touches: 2 } });
    expect(await db.contacts.count()).toBe(1);
    const folded = (await db.contacts.get(existing.id))!;
    expect(folded).toMatchObject({
      emails: ['ada@example.com'],
      linkedin: ['/in/ada-l'],
      touchCount: 3,
      lastOutcome: 'negative',
      lastPositiveAt: NOW - 5 * DAY,
      createdAt: existing.createdAt,
    });
    expect(await db.contacts.get(backup.contacts[0]!.id)).toBeUndefined();
    expect(await touchesOfContact(db, existing.id).then((t) => t.length)).toBe(3);
    expect((await findContactByIdentity(db, linkedinKey('/in/ada-l')))?.id).toBe(existing.id);
  });

  it('normalises upper-case emails and LinkedIn vanity paths on import', async () => {
    const db = newDb();
    const backup = makeBackup(NOW, [{ name: 'Bob', touches: [] }]);
    backup.contacts[0] = {
      ...backup.contacts[0]!,
      emails: ['Bob@Example.COM'],
      linkedin: ['/in/Bob-B/'],
    };
    const result = await importBackupText(db, JSON.stringify(backup), NOW);
    expect(result.ok).toBe(true);
    const bob = await findContactByIdentity(db, emailKey('bob@example.com'));
    expect(bob).toMatchObject({ emails: ['bob@example.com'], linkedin: ['/in/bob-b'] });
  });

  it('never gives one identity to two contacts, even when an old backup is re-imported', async () => {
    // Exported when Ada had both addresses; since then the second one was given to Bob.
    const db = newDb();
    const backup = makeBackup(NOW, [{ name: 'Ada', email: 'ada@x.org', touches: [] }]);
    backup.contacts[0]!.emails.push('shared@x.org');
    expect((await importBackupText(db, JSON.stringify(backup), NOW)).ok).toBe(true);
    const adaId = backup.contacts[0]!.id;
    await db.contacts.update(adaId, { emails: ['ada@x.org'], identities: ['email:ada@x.org'] });
    await must(addContact(db, { name: 'Bob', emails: ['shared@x.org'], linkedin: [] }, NOW));

    expect((await importBackupText(db, JSON.stringify(backup), NOW + DAY)).ok).toBe(true);
    const owners = await db.contacts.where('identities').equals('email:shared@x.org').toArray();
    expect(owners.map((c) => c.name)).toEqual(['Bob']);
    expect(await db.contacts.count()).toBe(2);
  });

  it('recomputes the contact a re-imported touch moves away from', async () => {
    const db = newDb();
    const first = makeBackup(NOW, [
      { name: 'Ada', email: 'ada@x.org', touches: [{ daysAgo: 1, outcome: 'negative' }] },
      { name: 'Bob', email: 'bob@x.org', touches: [] },
    ]);
    expect((await importBackupText(db, JSON.stringify(first), NOW)).ok).toBe(true);
    // A later file says the same touch was with Bob.
    const moved = structuredClone(first);
    moved.touches[0]!.contactId = moved.contacts[1]!.id;
    expect((await importBackupText(db, JSON.stringify(moved), NOW)).ok).toBe(true);
    const ada = await findContactByIdentity(db, emailKey('ada@x.org'));
    const bob = await findContactByIdentity(db, emailKey('bob@x.org'));
    expect(ada).toMatchObject({ touchCount: 0, lastOutcome: null });
    expect(bob).toMatchObject({ touchCount: 1, lastOutcome: 'negative' });
  });

  it('a write failing part-way imports nothing and says so', async () => {
    const db = newDb();
    await filled(db);
    const before = await dumpDb(db);
    const backup = makeBackup(NOW, [
      { name: 'New', email: 'new@x.org', touches: [{ daysAgo: 1, outcome: 'positive' }] },
    ]);
    db.contacts.hook('creating', () => {
      throw new Error('quota exceeded');
    });
    const result = await importBackupText(db, JSON.stringify(backup), NOW);
    expect(result).toEqual({ ok: false, error: expect.stringContaining('Nothing was imported') });
    expect(await dumpDb(db)).toEqual(before);
  });
});
