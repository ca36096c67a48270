import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from '../../lib/csv/decode';
import { guessMapping } from '../../lib/csv/mapping';
import { parseCsv } from '../../lib/csv/parse';
import { importTouchRows } from '../../lib/csv/write-touch-import';
import type { LastImpressionDb } from '../../lib/db/database';
import { dumpDb, makeTestDb } from '../support/db';

const NOW = Date.UTC(2026, 2, 1, 12);

/** What the dashboard does with a picked file: bytes to text to rows to one transaction. */
async function importFile(db: LastImpressionDb, bytes: Uint8Array) {
  const parsed = parseCsv(decodeCsvBytes(bytes));
  if (!parsed.ok) return parsed;
  return importTouchRows(db, parsed.rows, guessMapping(parsed.rows[0]!), NOW);
}

/** The few characters Windows-1252 puts in 0x80-0x9F; the rest of Latin-1 is the code point. */
const CP1252_HIGH: Record<string, number> = { '€': 0x80, '‚': 0x82, '’': 0x92, '–': 0x96 };
function windows1252(text: string): Uint8Array {
  return Uint8Array.from([...text], (ch) => {
    const code = CP1252_HIGH[ch] ?? ch.codePointAt(0)!;
    if (code > 0xff) throw new Error(`${ch} is not in Windows-1252`);
    return code;
  });
}
const utf8 = (text: string) => new TextEncoder().encode(text);

async function notes(db: LastImpressionDb) {
  const { contacts, touches } = await dumpDb(db);
  return {
    names: contacts.map((c) => c.name).sort(),
    notes: touches.map((t) => t.note).sort(),
  };
}

describe('CSV files as spreadsheets save them', () => {
  it('imports a semicolon-separated file (Excel in European locales), commas in notes intact', async () => {
    const db = makeTestDb();
    const file = utf8(
      '\uFEFFDate;Email;Name;Outcome;Note\r\n' +
        '2026-01-05 09:30;zoe@example.de;Zoë Müller;positive;Called, fixed it, 1,5 h\r\n' +
        '2026-01-06;"jan@example.nl";"Jan; de Vries";neutral;"Said ""later"""\r\n',
    );
    const result = await importFile(db, file);
    expect(result).toMatchObject({ ok: true, counts: { touches: 2, contacts: 2 } });
    expect(await notes(db)).toEqual({
      names: ['Jan; de Vries', 'Zoë Müller'],
      notes: ['Called, fixed it, 1,5 h', 'Said "later"'],
    });
  });

  it('imports a tab-separated file (pasted from a spreadsheet)', async () => {
    const db = makeTestDb();
    const file = utf8('Date\tEmail\tOutcome\n2026-01-05\tada@example.com\tpositive\n');
    expect(await importFile(db, file)).toMatchObject({ ok: true, counts: { touches: 1 } });
  });

  it('imports a Windows-1252 file (Excel "CSV" on Windows) with its accents and symbols as typed', async () => {
    const db = makeTestDb();
    const file = windows1252(
      'Date;Email;Name;Outcome;Note\r\n' +
        '2026-01-05;zoe@example.de;Zoë Müller;positive;Quote €1.200 – sent, she’s happy\r\n' +
        '2026-01-06;francois@example.fr;François Garçon;negative;Délai dépassé\r\n',
    );
    expect(await importFile(db, file)).toMatchObject({ ok: true, counts: { touches: 2 } });
    expect(await notes(db)).toEqual({
      names: ['François Garçon', 'Zoë Müller'],
      notes: ['Délai dépassé', 'Quote €1.200 – sent, she’s happy'],
    });
  });

  it('reads a UTF-8 file as UTF-8, so a file that is valid UTF-8 is never taken for Windows-1252', () => {
    expect(decodeCsvBytes(utf8('Zoë;€'))).toBe('Zoë;€');
    expect(decodeCsvBytes(windows1252('Zoë;€'))).toBe('Zoë;€');
  });

  it('refuses a file with a broken quote, naming its line, and imports nothing', async () => {
    const db = makeTestDb();
    const before = await dumpDb(db);
    const file = windows1252(
      'Date;Email;Outcome;Note\r\n2026-01-05;a@example.de;positive;ok\r\n2026-01-06;b@example.de;neutral;"Grüße\r\n',
    );
    expect(await importFile(db, file)).toEqual({
      ok: false,
      error: 'A quoted field opened on line 3 is never closed.',
    });
    expect(await dumpDb(db)).toEqual(before);
  });

  it('refuses European day-first dates with a message naming the row, and imports nothing', async () => {
    const db = makeTestDb();
    const before = await dumpDb(db);
    const file = utf8(
      'Datum;Email;Outcome\n2026-01-05;a@example.de;positive\n31.01.2026;b@example.de;positive\n',
    );
    const result = await importFile(db, guessable(file));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^Row 3\b/);
    expect(await dumpDb(db)).toEqual(before);
  });
});

/** "Datum" is German for the date column, which the user maps by hand; here it is renamed. */
function guessable(bytes: Uint8Array): Uint8Array {
  return utf8(new TextDecoder().decode(bytes).replace('Datum', 'Date'));
}
