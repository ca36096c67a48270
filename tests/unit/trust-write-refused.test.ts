import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { importBackupText } from '../../lib/backup/import';
import { addContact, deleteContact, updateContact } from '../../lib/db/contacts';
import type { LastImpressionDb } from '../../lib/db/database';
import { countTouches } from '../../lib/db/queries';
import { saveSettings } from '../../lib/db/settings';
import { editTouch, logTouch } from '../../lib/db/touches';
import { writeErrorMessage, writeFailureKind } from '../../lib/db/write-error';
import { DEFAULT_SETTINGS } from '../../lib/model';
import { makeBackup } from '../support/backups';
import { dumpDb, makeTestDb } from '../support/db';

const NOW = Date.UTC(2026, 2, 10, 12);

/** A database that refuses writes with `error` once `failing` is set, after `allowed` writes
 * went through: the fault a full disk gives part-way through a transaction. */
function failingDb(error: () => Error) {
  const db = makeTestDb();
  const state = { failing: false, writes: 0, allowed: 1 };
  for (const table of [db.contacts, db.touchMonths, db.touchIds, db.meta]) {
    const refuse = () => {
      if (!state.failing) return;
      state.writes += 1;
      if (state.writes > state.allowed) throw error();
    };
    table.hook('creating', refuse);
    table.hook('updating', refuse);
    table.hook('deleting', refuse);
  }
  return { db, state };
}

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

async function seeded(db: LastImpressionDb) {
  const ada = await addContact(db, { name: 'Ada', emails: ['ada@x.org'], linkedin: [] }, NOW);
  if (!ada.ok) throw new Error(ada.error);
  const logged = await logTouch(
    db,
    { contactId: ada.value.id, channel: 'email', outcome: 'positive', source: 'dashboard' },
    NOW,
  );
  if (!logged.ok) throw new Error(logged.error);
  return { ada: ada.value, touch: logged.value.touch };
}

describe('When the database refuses a write', () => {
  it('When the database refuses a write: a full disk is said in words, not as a DOMException', () => {
    const wrapped = new Dexie.AbortError('Transaction aborted', quota());
    for (const error of [quota(), new Dexie.QuotaExceededError('full'), wrapped]) {
      expect(writeFailureKind(error)).toBe('quota');
      const message = writeErrorMessage(error);
      expect(message).toMatch(/no storage space left/);
      expect(message).toMatch(/what you typed is still here/);
      expect(message).not.toMatch(/DOMException|QuotaExceededError/);
    }
    expect(writeFailureKind(new Dexie.DatabaseClosedError())).toBe('closed');
    expect(writeErrorMessage(new Dexie.DatabaseClosedError())).toMatch(/Reload this page/);
    expect(writeErrorMessage(new Error('disk on fire'))).toMatch(/disk on fire/);
  });

  it('When the database refuses a write: nothing half-written remains after a quota error part-way through any operation', async () => {
    const { db, state } = failingDb(quota);
    const { ada, touch } = await seeded(db);
    const before = await dumpDb(db);
    state.failing = true;

    // What, how many writes go through before the disk is full, and the attempt.
    const attempts: [string, number, () => Promise<unknown>][] = [
      [
        'log a touch for a new contact',
        1,
        () =>
          logTouch(
            db,
            {
              identity: { kind: 'email', value: 'new@x.org' },
              channel: 'call',
              outcome: 'negative',
              note: 'A note the rep typed',
              source: 'dashboard',
            },
            NOW,
          ),
      ],
      ['edit a touch', 1, () => editTouch(db, touch.id, { outcome: 'negative' }, NOW)],
      [
        'edit a contact',
        0,
        () =>
          updateContact(db, ada.id, { name: 'Ada L', emails: ['ada@x.org'], linkedin: [] }, NOW),
      ],
      ['delete a contact', 1, () => deleteContact(db, ada.id)],
      ['save settings', 1, () => saveSettings(db, { ...DEFAULT_SETTINGS, defaultCadenceDays: 3 })],
    ];
    for (const [what, allowed, attempt] of attempts) {
      state.writes = 0;
      state.allowed = allowed;
      const error = await attempt().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, `${what} should have been refused`).not.toBeNull();
      expect(writeFailureKind(error), what).toBe('quota');
      expect(await dumpDb(db), `${what} left something half-written`).toEqual(before);
    }

    state.writes = 0;
    state.allowed = 1;
    const backup = makeBackup(NOW, [
      { name: 'Bob', email: 'bob@x.org', touches: [{ daysAgo: 1, outcome: 'positive' }] },
    ]);
    const imported = await importBackupText(db, JSON.stringify(backup), NOW);
    expect(imported).toEqual({
      ok: false,
      error: expect.stringMatching(/^Nothing was imported: .*no storage space left/),
    });
    expect(await dumpDb(db)).toEqual(before);
  });

  it('When the database refuses a write: a closed database is refused cleanly and said so', async () => {
    const db = makeTestDb();
    await seeded(db);
    db.close();
    const error = await logTouch(
      db,
      {
        identity: { kind: 'email', value: 'ada@x.org' },
        channel: 'call',
        outcome: 'neutral',
        source: 'dashboard',
      },
      NOW,
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect(writeFailureKind(error)).toBe('closed');
    await db.open();
    expect(await countTouches(db)).toBe(1);
  });
});
