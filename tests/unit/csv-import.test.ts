import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { importRecords } from '../../lib/backup/import';
import { touchesCsv } from '../../lib/csv/export';
import { guessMapping } from '../../lib/csv/mapping';
import { parseCsv } from '../../lib/csv/parse';
import { planTouchImport, type KnownContact } from '../../lib/csv/plan-touch-import';
import { parseDateCell } from '../../lib/time';
import { toCsv } from '../../lib/csv/write';
import { addContact } from '../../lib/db/contacts';
import { LastImpressionDb } from '../../lib/db/database';
import { logTouch } from '../../lib/db/touches';
import { allTouches, countTouches } from '../../lib/db/queries';

const NOW = Date.UTC(2026, 2, 1, 12);
let dbNo = 0;
const freshDb = () =>
  new LastImpressionDb(`csv-${dbNo++}`, { indexedDB: new IDBFactory(), IDBKeyRange });

function ids() {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(n++).padStart(12, '0')}`;
}

function rowsOf(csv: string): string[][] {
  const parsed = parseCsv(csv);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.rows;
}

function plan(csvRows: string[][], known: KnownContact[] = []) {
  return planTouchImport(csvRows, guessMapping(csvRows[0]!), known, NOW, ids());
}

describe('parseDateCell', () => {
  const ms = (text: string) => {
    const parsed = parseDateCell(text);
    return parsed.ok ? parsed.ms : null;
  };
  it('takes ISO with a zone as written and plain dates as local time', () => {
    expect(ms('2026-01-31T08:30:00.000Z')).toBe(Date.UTC(2026, 0, 31, 8, 30));
    expect(ms('2026-01-31 09:30')).toBe(new Date(2026, 0, 31, 9, 30).getTime());
    expect(ms('2026-01-31')).toBe(new Date(2026, 0, 31).getTime());
    expect(ms('2026-02-31')).toBeNull();
    expect(ms('31/01/2026')).toBeNull();
  });
});

describe('planTouchImport', () => {
  const header = ['When', 'E-mail', 'Name', 'Outcome', 'Note', 'Good news', 'Channel'];

  it('names the row and column of the first bad cell, and plans nothing', () => {
    const result = plan([
      header,
      ['2026-01-02 10:00', 'ada@example.com', 'Ada', 'positive', '', '', 'call'],
      ['2026-01-03 10:00', 'ada@example.com', 'Ada', 'great', '', '', 'call'],
    ]);
    expect(result).toEqual({
      ok: false,
      error: 'Row 3, column "Outcome": "great" is not one of positive, neutral, negative',
    });
    const badDate = plan([header, ['yesterday', 'a@b.co', '', 'positive', '', '', '']]);
    expect(!badDate.ok && badDate.error).toMatch(/^Row 2, column "Date and time"/);
  });

  it('asks for the columns it cannot do without', () => {
    const result = planTouchImport([['x', 'y']], {}, [], NOW, ids());
    expect(result).toEqual({ ok: false, error: 'Choose a column for Date and time and Outcome.' });
  });

  it('puts rows of one email on one contact and uses a known contact when there is one', () => {
    const known: KnownContact[] = [
      { id: 'known-1', name: 'Grace Hopper', identities: ['email:grace@navy.mil'] },
    ];
    const result = plan(
      [
        header,
        ['2026-01-02 10:00', 'Ada@Example.com', 'Ada', 'positive', '=1+1', 'yes', 'call'],
        ['2026-01-03 10:00', 'ada@example.com', '', 'negative', '', '', ''],
        ['2026-01-04 10:00', 'grace@navy.mil', 'G.', 'neutral', '', '', 'meeting'],
      ],
      known,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.contacts).toEqual([
      expect.objectContaining({ name: 'Ada', emails: ['ada@example.com'] }),
      { id: 'known-1', name: 'Grace Hopper', emails: ['grace@navy.mil'], linkedin: [] },
    ]);
    const [a, b, c] = result.plan.touches;
    expect(a).toMatchObject({ outcome: 'positive', note: '=1+1', goodNews: true, channel: 'call' });
    expect(b!.contactId).toBe(a!.contactId);
    expect(b).toMatchObject({ outcome: 'negative', channel: 'other' });
    expect(c!.contactId).toBe('known-1');
  });

  it('refuses a row whose email and LinkedIn path belong to two known contacts', () => {
    const rows = [
      ['Date', 'Email', 'LinkedIn', 'Outcome'],
      ['2026-01-02', 'a@x.co', 'https://www.linkedin.com/in/Bee/', 'positive'],
    ];
    const result = plan(rows, [
      { id: 'a', name: 'A', identities: ['email:a@x.co'] },
      { id: 'b', name: 'B', identities: ['linkedin:/in/bee'] },
    ]);
    expect(result).toEqual({
      ok: false,
      error:
        'Row 2: its email and LinkedIn path belong to two contacts (A and B); merge them first.',
    });
  });
});

describe('CSV round trip through the database', () => {
  it('exported touches re-import into an empty database as the same touches', async () => {
    const source = freshDb();
    const ada = await addContact(
      source,
      { name: 'Ada', emails: ['ada@example.com'], linkedin: ['/in/ada'] },
      NOW,
    );
    if (!ada.ok) throw new Error(ada.error);
    const notes = ['=HYPERLINK("x")', "'+quoted", 'line one\r\nline "two"', '', '-5'];
    for (const [i, note] of notes.entries()) {
      const logged = await logTouch(
        source,
        {
          contactId: ada.value.id,
          at: NOW - (i + 1) * 3_600_000,
          channel: 'call',
          outcome: i % 2 ? 'negative' : 'positive',
          note,
          goodNews: i === 0,
          source: 'dashboard',
        },
        NOW,
      );
      if (!logged.ok) throw new Error(logged.error);
    }
    await logTouch(
      source,
      {
        identity: { kind: 'email', value: 'bob@example.com' },
        name: 'Bob',
        channel: 'email',
        outcome: 'neutral',
        source: 'gmail',
      },
      NOW,
    );

    const byId = new Map((await source.contacts.toArray()).map((c) => [c.id, c]));
    const csv = touchesCsv(await allTouches(source), byId);
    const rows = rowsOf(csv);
    const result = planTouchImport(rows, guessMapping(rows[0]!), [], NOW, () =>
      crypto.randomUUID(),
    );
    if (!result.ok) throw new Error(result.error);

    const target = freshDb();
    await importRecords(target, result.plan, NOW);
    const strip = (t: {
      id: string;
      at: number;
      channel: string;
      outcome: string;
      note?: string;
      goodNews?: boolean;
    }) => ({
      id: t.id,
      at: t.at,
      channel: t.channel,
      outcome: t.outcome,
      note: t.note,
      goodNews: t.goodNews,
    });
    const sortById = <T extends { id: string }>(list: T[]) =>
      list.sort((x, y) => x.id.localeCompare(y.id));
    expect(sortById((await allTouches(target)).map(strip))).toEqual(
      sortById((await allTouches(source)).map(strip)),
    );
    const targetAda = (await target.contacts.toArray()).find((c) => c.name === 'Ada')!;
    expect(targetAda).toMatchObject({
      emails: ['ada@example.com'],
      linkedin: ['/in/ada'],
      touchCount: 5,
    });
    expect(targetAda.lastOutcome).toBe('positive');

    // The same file again changes nothing: the touch IDs are already there.
    await importRecords(target, result.plan, NOW);
    expect(await countTouches(target)).toBe(6);
  });

  it('an escaped formula cell written by hand re-imports as the original text', () => {
    const csv = toCsv([
      ['Date', 'Name', 'Outcome', 'Note'],
      ['2026-01-02', 'Ada', 'positive', '@SUM(A1)'],
    ]);
    const result = plan(rowsOf(csv));
    expect(result.ok && result.plan.touches[0]!.note).toBe('@SUM(A1)');
  });
});
