import { beforeEach, describe, expect, it } from 'vitest';
import { importBackupText } from '../../lib/backup/import';
import { parseBackup } from '../../lib/backup/validate';
import { guessMapping } from '../../lib/csv/mapping';
import { parseCsv } from '../../lib/csv/parse';
import { importTouchRows } from '../../lib/csv/write-touch-import';
import { addContact, findContactByIdentity, updateContact } from '../../lib/db/contacts';
import type { LastImpressionDb } from '../../lib/db/database';
import { editTouch, logTouch } from '../../lib/db/touches';
import { emailKey } from '../../lib/identity';
import { identityKeys, type Contact, type Touch } from '../../lib/model';
import { deleteTouchRecords, dumpDb, makeTestDb } from '../support/db';
import {
  corpusSize,
  HOSTILE_EMAILS,
  HOSTILE_TEXTS,
  hostileBackups,
  hostileCsvFiles,
  hostileTimes,
} from '../support/hostile-inputs';
import { allTouches, getTouch } from '../../lib/db/queries';

const NOW = Date.UTC(2026, 2, 10, 12);
const DAY = 24 * 3600 * 1000;

type Dump = Awaited<ReturnType<typeof dumpDb>>;

/** The panel's path: the frame logs through lib/db, as the popup and dashboard do. */
const logFromPanel = async (db: LastImpressionDb, input: Record<string, unknown>) => {
  const logged = await logTouch(db, input, NOW);
  return logged.ok
    ? {
        ok: true as const,
        data: { touchId: logged.value.touch.id, view: { contact: logged.value.contact } },
      }
    : logged;
};
const getFromPanel = async (db: LastImpressionDb, email: string) => {
  const contact = await findContactByIdentity(db, emailKey(email));
  return { ok: true as const, data: contact ? { contact } : null };
};
type Outcome = { ok: true } | { ok: false; error: string };

interface Seeded {
  db: LastImpressionDb;
  ada: Contact;
  touch: Touch;
}

/** Two contacts with history, so "nothing else changed" has something to compare. */
async function seed(): Promise<Seeded> {
  const db = makeTestDb();
  const base = { channel: 'email', outcome: 'positive', source: 'dashboard' } as const;
  const logged = await logTouch(
    db,
    { ...base, identity: { kind: 'email', value: 'ada@example.com' }, name: 'Ada', at: NOW - DAY },
    NOW,
  );
  if (!logged.ok) throw new Error(logged.error);
  const other = await logTouch(
    db,
    { ...base, identity: { kind: 'linkedin', value: '/in/grace' }, name: 'Grace', at: NOW - DAY },
    NOW,
  );
  if (!other.ok) throw new Error(other.error);
  return { db, ada: logged.value.contact, touch: logged.value.touch };
}

/** Refused: a message for the user and not one record changed. */
async function expectRefusedCleanly(
  db: LastImpressionDb,
  result: Outcome,
  before: Dump,
  what: string,
) {
  if (result.ok) return;
  expect(result.error.trim(), `${what}: refusal without a message`).not.toBe('');
  expect(await dumpDb(db), `${what}: refused but the database changed`).toEqual(before);
}

/** Records other than the ones an operation was allowed to touch are byte-for-byte the same. */
function expectOthersUnchanged(before: Dump, after: Dump, allowedIds: Set<string>, what: string) {
  const keep = <T extends { id: string }>(rows: T[]) => rows.filter((r) => !allowedIds.has(r.id));
  expect(keep(after.contacts), what).toEqual(keep(before.contacts));
  expect(keep(after.touches), what).toEqual(keep(before.touches));
  expect(after.meta, what).toEqual(before.meta);
}

describe('Bad input gets a clear message and loses nothing', () => {
  let s: Seeded;
  beforeEach(async () => {
    s = await seed();
  });

  it('Bad input: the corpus holds at least 60 hostile or odd inputs', () => {
    expect(corpusSize(NOW)).toBeGreaterThanOrEqual(60);
  });

  it('Bad input: every hostile name and note logged from the panel (touch.log) is stored as typed or refused', async () => {
    for (const [i, { label, value }] of HOSTILE_TEXTS.entries()) {
      for (const field of ['name', 'note'] as const) {
        const what = `${field} "${label}"`;
        const before = await dumpDb(s.db);
        const email = `hostile-${field}-${i}@example.com`;
        const answer = await logFromPanel(s.db, {
          identity: { kind: 'email', value: email },
          ...(field === 'name' ? { name: value } : { name: 'Someone', note: value }),
          channel: 'email',
          outcome: 'neutral',
          source: 'gmail',
        });
        await expectRefusedCleanly(s.db, answer, before, what);
        if (!answer.ok) continue;
        const after = await dumpDb(s.db);
        const touch = after.touches.find((t) => t.id === answer.data.touchId)!;
        const contact = after.contacts.find((c) => c.id === touch.contactId)!;
        if (field === 'name') expect(contact.name, what).toBe(value.trim());
        else expect(touch.note ?? '', what).toBe(value);
        expect(contact.emails, what).toEqual([email]);
        expect(after.touches, what).toHaveLength(before.touches.length + 1);
        expectOthersUnchanged(before, after, new Set([touch.id, contact.id]), what);
      }
    }
  });

  it('Bad input: every hostile name, company, tag and note edited on the dashboard is stored as typed or refused', async () => {
    for (const { label, value } of HOSTILE_TEXTS) {
      const fields = {
        name: { name: value },
        company: { name: 'Ada', company: value },
        notes: { name: 'Ada', notes: value },
        tags: { name: 'Ada', tags: [value] },
      };
      for (const [field, patch] of Object.entries(fields)) {
        const what = `${field} "${label}"`;
        const before = await dumpDb(s.db);
        const result = await updateContact(
          s.db,
          s.ada.id,
          { emails: ['ada@example.com'], linkedin: [], ...patch },
          NOW,
        );
        await expectRefusedCleanly(s.db, result, before, what);
        if (!result.ok) continue;
        const after = await dumpDb(s.db);
        const stored = after.contacts.find((c) => c.id === s.ada.id)!;
        if (field === 'name') expect(stored.name, what).toBe(value.trim());
        if (field === 'company') expect(stored.company ?? '', what).toBe(value.trim());
        if (field === 'notes') expect(stored.notes ?? '', what).toBe(value);
        if (field === 'tags') expect(stored.tags, what).toEqual([value.trim()]);
        expect(stored.touchCount, what).toBe(1);
        expectOthersUnchanged(before, after, new Set([s.ada.id]), what);
      }
    }
  });

  it('Bad input: every hostile note edited on a touch in the timeline is stored as typed or refused', async () => {
    for (const { label, value } of HOSTILE_TEXTS) {
      const before = await dumpDb(s.db);
      const result = await editTouch(s.db, s.touch.id, { note: value }, NOW);
      await expectRefusedCleanly(s.db, result, before, label);
      if (!result.ok) continue;
      const after = await dumpDb(s.db);
      expect(after.touches.find((t) => t.id === s.touch.id)?.note ?? '', label).toBe(value);
      expectOthersUnchanged(before, after, new Set([s.touch.id, s.ada.id]), label);
    }
  });

  it('Bad input: upper-case, plus-addressed and broken emails are stored lower-cased as typed or refused', async () => {
    for (const [i, { label, value }] of HOSTILE_EMAILS.entries()) {
      const before = await dumpDb(s.db);
      const answer = await logFromPanel(s.db, {
        identity: { kind: 'email', value },
        name: `Person ${i}`,
        channel: 'email',
        outcome: 'positive',
        source: 'gmail',
      });
      await expectRefusedCleanly(s.db, answer, before, label);
      if (answer.ok) {
        expect(answer.data.view.contact.emails, label).toEqual([value.trim().toLowerCase()]);
        const found = await getFromPanel(s.db, value.toUpperCase());
        expect(found.ok && found.data?.contact.id, label).toBe(answer.data.view.contact.id);
      }

      const edited = await dumpDb(s.db);
      const result = await updateContact(
        s.db,
        s.ada.id,
        { name: 'Ada', emails: ['ada@example.com', value], linkedin: [] },
        NOW,
      );
      await expectRefusedCleanly(s.db, result, edited, `dashboard ${label}`);
      if (result.ok) {
        // The address may already belong to the contact the panel created just above.
        expect(result.value.emails, label).toContain(value.trim().toLowerCase());
      }
    }
  });

  it('Bad input: invalid, far-future and pre-1970 touch dates are refused; plausible ones are stored exactly', async () => {
    for (const { label, value } of hostileTimes(NOW)) {
      const before = await dumpDb(s.db);
      const answer = await logFromPanel(s.db, {
        contactId: s.ada.id,
        at: value,
        channel: 'call',
        outcome: 'neutral',
        source: 'dashboard',
      });
      await expectRefusedCleanly(s.db, answer, before, label);
      const plausible = Number.isFinite(value) && value >= 0 && value <= NOW + 366 * DAY;
      expect(answer.ok, label).toBe(plausible);
      if (answer.ok) {
        const touch = (await getTouch(s.db, answer.data.touchId))!;
        expect(touch.at, label).toBe(value);
        await deleteTouchRecords(s.db, [touch.id]);
      }

      const beforeEdit = await dumpDb(s.db);
      const edited = await editTouch(s.db, s.touch.id, { at: value }, NOW);
      await expectRefusedCleanly(s.db, edited, beforeEdit, `edit ${label}`);
      expect(edited.ok, `edit ${label}`).toBe(plausible);
      if (edited.ok) expect((await getTouch(s.db, s.touch.id))?.at, label).toBe(value);
    }
  });

  it('Bad input: truncated, duplicated, foreign-version and odd backup files are imported whole or refused with a message', async () => {
    for (const { label, text } of hostileBackups(NOW)) {
      const before = await dumpDb(s.db);
      const result = await importBackupText(s.db, text, NOW);
      await expectRefusedCleanly(s.db, result, before, label);
      expect(({} as Record<string, unknown>).polluted, label).toBeUndefined();
      if (!result.ok) continue;
      const parsed = parseBackup(text, NOW);
      expect(parsed.ok, label).toBe(true);
      if (!parsed.ok) continue;
      for (const c of parsed.backup.contacts) {
        // A contact whose email is already known is folded into that contact.
        const stored =
          (await s.db.contacts.get(c.id)) ??
          (await findContactByIdentity(s.db, identityKeys(c)[0]!));
        expect(stored?.name, label).toBe(c.name);
        expect(stored?.emails, label).toEqual(expect.arrayContaining(c.emails));
        // An import fills fields in; one it leaves out keeps what was stored.
        if (c.company !== undefined) expect(stored?.company, label).toBe(c.company);
      }
      for (const t of parsed.backup.touches) {
        const stored = await getTouch(s.db, t.id);
        expect(stored?.at, label).toBe(Date.parse(t.at));
        expect(stored?.note, label).toBe(t.note);
        expect(stored?.outcome, label).toBe(t.outcome);
      }
      // The same file again adds nothing.
      const once = await dumpDb(s.db);
      expect((await importBackupText(s.db, text, NOW)).ok, label).toBe(true);
      expect(await dumpDb(s.db), `${label} imported twice`).toEqual(once);
    }
  });

  it('Bad input: backups refused include the truncated, future-version and foreign files, each with its reason', async () => {
    const refusals = new Map<string, string>();
    for (const { label, text } of hostileBackups(NOW)) {
      const result = await importBackupText(makeTestDb(), text, NOW);
      if (!result.ok) refusals.set(label, result.error);
    }
    expect(refusals.get('truncated in the middle')).toMatch(/not valid JSON/);
    expect(refusals.get('future version')).toMatch(/newer version/);
    expect(refusals.get('another app’s JSON')).toMatch(/not a Last Impression backup/);
    expect(refusals.get('duplicated touch id')).toMatch(/appears twice/);
    expect(refusals.get('touch dated year 3000')).toMatch(/touches\[0\]\.at/);
    expect(refusals.has('valid backup')).toBe(false);
  });

  it('Bad input: hostile CSV touch files are imported whole, formulas as text, or refused with the row named', async () => {
    for (const { label, text } of hostileCsvFiles()) {
      const before = await dumpDb(s.db);
      const result = await importCsvText(s.db, text, NOW);
      await expectRefusedCleanly(s.db, result, before, label);
      if (!result.ok) continue;
      const after = await dumpDb(s.db);
      expect(after.touches.length, label).toBe(before.touches.length + result.count);
    }
    const raw = await importCsvText(makeTestDb(), hostileCsvFiles()[1]!.text, NOW);
    expect(raw.ok && raw.notes).toEqual(['=HYPERLINK("http://evil.example")']);
    const bad = await importCsvText(makeTestDb(), hostileCsvFiles()[10]!.text, NOW);
    expect(bad.ok ? '' : bad.error).toMatch(/Row 3/);
  });

  it('Bad input: a contact added by hand with hostile fields is stored as typed or refused', async () => {
    for (const [i, { label, value }] of HOSTILE_TEXTS.entries()) {
      const before = await dumpDb(s.db);
      const result = await addContact(
        s.db,
        { name: value, emails: [`added-${i}@example.com`], linkedin: [], notes: value },
        NOW,
      );
      await expectRefusedCleanly(s.db, result, before, label);
      if (!result.ok) continue;
      const stored = await s.db.contacts.get(result.value.id);
      expect(stored?.name, label).toBe(value.trim());
      expect(stored?.notes ?? '', label).toBe(value);
    }
  });
});

/** The dashboard's CSV import (lib/csv/write-touch-import.ts) with the columns it guesses. */
async function importCsvText(
  db: LastImpressionDb,
  text: string,
  now: number,
): Promise<
  { ok: true; count: number; notes: (string | undefined)[] } | { ok: false; error: string }
> {
  const parsed = parseCsv(text);
  if (!parsed.ok) return parsed;
  const header = parsed.rows[0];
  if (!header || parsed.rows.length < 2) return { ok: false, error: 'No rows below a header row' };
  const before = new Set((await allTouches(db)).map((t) => t.id));
  const result = await importTouchRows(db, parsed.rows, guessMapping(header), now);
  if (!result.ok) return result;
  const added = (await allTouches(db)).filter((t) => !before.has(t.id));
  return { ok: true, count: result.counts.touches, notes: added.map((t) => t.note) };
}
