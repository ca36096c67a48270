import { afterEach, describe, expect, it } from 'vitest';
import { addContact } from '../../lib/db/contacts';
import type { LastImpressionDb } from '../../lib/db/database';
import { getSettings, saveSettings } from '../../lib/db/settings';
import { logTouch } from '../../lib/db/touches';
import { goodwillBalance, goodwillNow } from '../../lib/impressions';
import { DEFAULT_SETTINGS } from '../../lib/model';
import { dumpDb, makeTestDb } from '../support/db';
import { allTouches } from '../../lib/db/queries';

const DAY = 24 * 3600 * 1000;
const NOW = Date.UTC(2026, 4, 20, 12);

let db: LastImpressionDb;
afterEach(() => db?.close());

async function adaWithTouches() {
  const added = await addContact(
    db,
    { name: 'Ada', emails: ['ada@x.org'], linkedin: [] },
    NOW - 90 * DAY,
  );
  if (!added.ok) throw new Error(added.error);
  for (const [daysAgo, outcome] of [
    [40, 'positive'],
    [20, 'negative'],
    [5, 'positive'],
  ] as const) {
    const r = await logTouch(
      db,
      {
        contactId: added.value.id,
        at: NOW - daysAgo * DAY,
        channel: 'email',
        outcome,
        source: 'dashboard',
      },
      NOW - daysAgo * DAY,
    );
    if (!r.ok) throw new Error(r.error);
  }
  return (await db.contacts.get(added.value.id))!;
}

describe('settings', () => {
  it('start at the defaults: cadence 14 days, half-life 30 days', async () => {
    db = makeTestDb();
    expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
  });

  it('are validated: a bad value is refused, named, and nothing is stored', async () => {
    db = makeTestDb();
    await adaWithTouches();
    const before = await dumpDb(db);
    const r = await saveSettings(db, { ...DEFAULT_SETTINGS, halfLifeDays: 0 });
    expect(r).toEqual({ ok: false, error: expect.stringContaining('halfLifeDays') });
    const r2 = await saveSettings(db, { ...DEFAULT_SETTINGS, ignoredDomains: ['not a domain'] });
    expect(r2.ok).toBe(false);
    expect(await dumpDb(db)).toEqual(before);
  });

  it('normalise domains and addresses on save', async () => {
    db = makeTestDb();
    const r = await saveSettings(db, {
      ...DEFAULT_SETTINGS,
      ignoredDomains: ['@Example.COM'],
      ownAddresses: ['Me@Work.org'],
    });
    expect(r.ok).toBe(true);
    expect(await getSettings(db)).toMatchObject({
      ignoredDomains: ['example.com'],
      ownAddresses: ['me@work.org'],
    });
  });

  it('a new default cadence moves the due index of contacts without their own', async () => {
    db = makeTestDb();
    const ada = await adaWithTouches();
    const r = await saveSettings(db, { ...DEFAULT_SETTINGS, defaultCadenceDays: 30 });
    expect(r.ok).toBe(true);
    const after = await db.contacts.get(ada.id);
    expect(after!.dueAt - ada.dueAt).toBe(16 * DAY);
    expect(after!.goodwillAtLastTouch).toBe(ada.goodwillAtLastTouch);
  });

  it('ignoring a domain takes its contacts out of the due index', async () => {
    db = makeTestDb();
    const ada = await adaWithTouches();
    await saveSettings(db, { ...DEFAULT_SETTINGS, ignoredDomains: ['x.org'] });
    expect((await db.contacts.get(ada.id))!.dueAt).toBe(-1);
  });

  it('a new half-life recomputes every stored goodwill with it', async () => {
    db = makeTestDb();
    const ada = await adaWithTouches();
    const r = await saveSettings(db, { ...DEFAULT_SETTINGS, halfLifeDays: 7 });
    expect(r.ok).toBe(true);
    const after = (await db.contacts.get(ada.id))!;
    const touches = await allTouches(db);
    expect(after.halfLifeDays).toBe(7);
    expect(goodwillNow(after, NOW)).toBeCloseTo(goodwillBalance(touches, NOW, 7), 10);
    expect(goodwillNow(after, NOW)).not.toBeCloseTo(goodwillBalance(touches, NOW, 30), 3);
  });

  it('a touch logged after a half-life change uses the new half-life', async () => {
    db = makeTestDb();
    const ada = await adaWithTouches();
    await saveSettings(db, { ...DEFAULT_SETTINGS, halfLifeDays: 10 });
    const r = await logTouch(
      db,
      { contactId: ada.id, at: NOW, channel: 'call', outcome: 'negative', source: 'dashboard' },
      NOW,
    );
    expect(r.ok).toBe(true);
    const after = (await db.contacts.get(ada.id))!;
    expect(goodwillNow(after, NOW)).toBeCloseTo(goodwillBalance(await allTouches(db), NOW, 10), 10);
  });
});
