import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { dateTime, fromLocalInput } from '../../components/dashboard/format';
import { toRows } from '../../components/dashboard/contact-table';
import { exportBackupReport } from '../../lib/backup/export';
import type { Backup } from '../../lib/backup/format';
import { importBackupText } from '../../lib/backup/import';
import { contactsCsv, touchesCsv } from '../../lib/csv/export';
import { guessMapping } from '../../lib/csv/mapping';
import { importTouchRows } from '../../lib/csv/write-touch-import';
import { addContact } from '../../lib/db/contacts';
import { toColumns } from '../../lib/db/month-columns';
import { allTouches, countTouches, getTouch } from '../../lib/db/queries';
import { getSettings } from '../../lib/db/settings';
import { editTouch, logTouch } from '../../lib/db/touches';
import type { Contact, Touch } from '../../lib/model';
import { parseIsoInstant } from '../../lib/time';
import { makeBackup } from '../support/backups';
import { makeTestDb } from '../support/db';
import { ISO_TIMES } from '../support/iso-times';

const NOW = Date.UTC(2026, 2, 10, 12);
const CONTACT_ID = '0b7d3c1e-9f1a-4c2b-8e5d-2a6f4b8c9d10';
const TOUCH_ID = '1b7d3c1e-9f1a-4c2b-8e5d-2a6f4b8c9d11';
/** A CSV cell without a zone is local time; a backup must carry its zone. */
const csvExpected = (text: string, ms: number | null) =>
  text === '2026-01-31T09:00:00' ? new Date(2026, 0, 31, 9).getTime() : ms;

function backupWith(time: string, field: 'at' | 'touchCreatedAt' | 'contactCreatedAt'): Backup {
  const backup: Backup = {
    format: 'last-impression-backup',
    version: 1,
    exportedAt: new Date(NOW).toISOString(),
    contacts: [{ id: CONTACT_ID, name: 'Ada', emails: ['ada@example.com'], linkedin: [] }],
    touches: [
      {
        id: TOUCH_ID,
        contactId: CONTACT_ID,
        at: '2026-01-02T10:00:00Z',
        channel: 'email',
        outcome: 'positive',
      },
    ],
  };
  if (field === 'at') backup.touches[0]!.at = time;
  if (field === 'touchCreatedAt') backup.touches[0]!.createdAt = time;
  if (field === 'contactCreatedAt') backup.contacts[0]!.createdAt = time;
  return backup;
}

/** What a user sees of a stored instant: no NaN, no "Invalid time value", the right time. */
function expectShown(ms: number, expected: number) {
  expect(ms).toBe(expected);
  expect(dateTime(ms)).toBe(format(expected, 'yyyy-MM-dd HH:mm'));
}

describe('Every timestamp that enters must parse', () => {
  it('the one rule: each ISO form is the right instant or refused with a reason', () => {
    for (const { text, ms, why } of ISO_TIMES) {
      const parsed = parseIsoInstant(text);
      if (ms === null) {
        expect(parsed.ok, `${why}: ${text}`).toBe(false);
        if (!parsed.ok) expect(parsed.problem).not.toBe('');
      } else {
        expect(parsed, `${why}: ${text}`).toEqual({ ok: true, ms });
      }
    }
  });

  for (const field of ['at', 'touchCreatedAt', 'contactCreatedAt'] as const) {
    it(`backup import: each ISO form as ${field} is stored as its instant or refused naming record and field`, async () => {
      for (const { text, ms, why } of ISO_TIMES) {
        const db = makeTestDb();
        const result = await importBackupText(db, JSON.stringify(backupWith(text, field)), NOW);
        const named =
          field === 'at'
            ? 'touches[0].at'
            : field === 'touchCreatedAt'
              ? 'touches[0].createdAt'
              : 'contacts[0].createdAt';
        if (ms === null) {
          expect(result.ok, `${why}: ${text}`).toBe(false);
          if (!result.ok) expect(result.error).toContain(named);
          expect(await countTouches(db)).toBe(0);
          continue;
        }
        expect(result.ok, `${why}: ${text}`).toBe(true);
        const touch = (await getTouch(db, TOUCH_ID))!;
        const contact = (await db.contacts.get(CONTACT_ID))!;
        if (field === 'at') expectShown(touch.at, ms);
        if (field === 'touchCreatedAt') expect(touch.createdAt).toBe(ms);
        if (field === 'contactCreatedAt') expect(contact.createdAt).toBe(ms);
      }
    });
  }

  it('CSV import: each form in the Date column is stored as its instant or refused naming row and column', async () => {
    for (const { text, ms, why } of ISO_TIMES) {
      const db = makeTestDb();
      const rows = [
        ['Date', 'Email', 'Outcome'],
        [text, 'ada@example.com', 'positive'],
      ];
      const result = await importTouchRows(db, rows, guessMapping(rows[0]!), NOW);
      const expected = csvExpected(text, ms);
      if (expected === null) {
        expect(result.ok, `${why}: ${text}`).toBe(false);
        if (!result.ok) expect(result.error).toContain('Row 2, column "Date and time"');
        expect(await countTouches(db)).toBe(0);
        continue;
      }
      expect(result.ok, `${why}: ${text}`).toBe(true);
      expectShown((await allTouches(db))[0]!.at, expected);
    }
  });

  it('dashboard forms: a date-time field holding any ISO form is read by the same rule, never as NaN', async () => {
    const db = makeTestDb();
    const ada = await addContact(db, { name: 'Ada', emails: [], linkedin: [] }, NOW);
    if (!ada.ok) throw new Error(ada.error);
    for (const { text, why } of ISO_TIMES) {
      const read = fromLocalInput(text);
      const expected = csvExpected(text, null);
      if (expected === null) {
        expect(read.ok, `${why}: ${text}`).toBe(false);
        continue;
      }
      expect(read).toEqual({ ok: true, ms: expected });
    }
    for (const at of [NaN, Infinity, -1, Date.UTC(2200, 0, 1), Date.UTC(0, 0, 1)]) {
      const added = await logTouch(
        db,
        { contactId: ada.value.id, at, channel: 'call', outcome: 'neutral', source: 'dashboard' },
        NOW,
      );
      expect(added.ok, String(at)).toBe(false);
    }
    expect(await countTouches(db)).toBe(0);
    const logged = await logTouch(
      db,
      { contactId: ada.value.id, channel: 'call', outcome: 'neutral', source: 'dashboard' },
      NOW,
    );
    if (!logged.ok) throw new Error(logged.error);
    const edited = await editTouch(db, logged.value.touch.id, { at: NaN }, NOW);
    expect(edited.ok).toBe(false);
    expect((await getTouch(db, logged.value.touch.id))?.at).toBe(NOW);
  });

  it('the panel log: a touch carrying each form (as text, or as Date.parse reads it) is stored right or refused', async () => {
    for (const { text, ms, why } of ISO_TIMES) {
      for (const at of [text, Date.parse(text)]) {
        const db = makeTestDb();
        const answer = await logTouch(
          db,
          {
            identity: { kind: 'email', value: 'ada@example.com' },
            at,
            channel: 'email',
            outcome: 'positive',
            source: 'gmail',
          } as unknown as Parameters<typeof logTouch>[1],
          NOW,
        );
        if (!answer.ok) {
          expect(answer.error, `${why}: ${String(at)}`).toMatch(/date/);
          expect(await countTouches(db)).toBe(0);
          continue;
        }
        // Date.parse may read a form differently from ISO, or not at all; whatever it stores
        // must be a real instant, and the one the text names where the rule accepts it.
        const stored = (await allTouches(db))[0]!.at;
        expect(typeof at).toBe('number');
        if (ms !== null) expect(stored, `${why}: ${text}`).toBe(ms);
        expect(dateTime(stored)).not.toMatch(/NaN|unreadable/);
      }
    }
  });

  it('exports never throw on a stored bad value, and name what they leave out', async () => {
    const db = makeTestDb();
    const ok = await importBackupText(
      db,
      JSON.stringify(makeBackup(NOW, [{ name: 'Ada', email: 'ada@example.com', touches: [] }])),
      NOW,
    );
    if (!ok.ok) throw new Error(ok.error);
    const [ada] = (await db.contacts.toArray()) as [Contact];
    // Written past every check, as an older version or a bug might have.
    const bad: Touch = {
      id: TOUCH_ID,
      contactId: ada.id,
      at: NaN,
      channel: 'email',
      outcome: 'positive',
      source: 'import',
      createdAt: NaN,
      updatedAt: NaN,
    };
    // Straight into the store, as an older version or a bug might have left it; its month is
    // unknowable, so it sits in the first one.
    await db.touchMonths.put(toColumns(ada.id, 0, [bad]));
    await db.contacts.put({ ...ada, createdAt: NaN, lastTouchAt: NaN, lastPositiveAt: NaN });

    const report = await exportBackupReport(db, NOW);
    expect(report.leftOut).toEqual([`Ada: touch ${TOUCH_ID}`]);
    expect(report.backup.contacts).toHaveLength(1);
    expect(report.backup.contacts[0]!.createdAt).toBeUndefined();
    expect(() => JSON.stringify(report.backup)).not.toThrow();
    const contacts = await db.contacts.toArray();
    const settings = await getSettings(db);
    expect(() => contactsCsv(contacts, settings, NOW)).not.toThrow();
    expect(() => touchesCsv([bad], new Map(contacts.map((c) => [c.id, c])))).not.toThrow();
    expect(() => toRows(contacts, settings, NOW)).not.toThrow();
    expect(dateTime(NaN)).toBe('unreadable date');
  });
});
