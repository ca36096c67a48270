import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsv } from '../../lib/csv/parse';
import { escapeCell, toCsv, unescapeCell } from '../../lib/csv/write';
import { touchesCsv, contactsCsv } from '../../lib/csv/export';
import { DEFAULT_SETTINGS, type Contact, type Touch } from '../../lib/model';

describe('toCsv', () => {
  it('writes a BOM, quotes every field, doubles quotes and ends lines with CRLF', () => {
    expect(
      toCsv([
        ['a', 'b "c"'],
        ['line\nbreak', ''],
      ]),
    ).toBe('\uFEFF"a","b ""c"""\r\n"line\nbreak",""\r\n');
  });

  it('escapes cells a spreadsheet would run as a formula', () => {
    for (const risky of ['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', '\tx', '\rx']) {
      expect(escapeCell(risky)).toBe(`'${risky}`);
    }
    expect(toCsv([['=HYPERLINK("x")']])).toBe('\uFEFF"\'=HYPERLINK(""x"")"\r\n');
    expect(escapeCell('plain = text')).toBe('plain = text');
  });

  it('writes a computed number as a number, and escapes a "number" that is really a formula', () => {
    expect(toCsv([[{ number: '-0.2' }, '-0.2']])).toBe('\uFEFF"-0.2","\'-0.2"\r\n');
    expect(toCsv([[{ number: '-1+cmd' }]])).toBe('\uFEFF"\'-1+cmd"\r\n');
  });

  it('unescapes exactly what it escaped, including text that already starts with an apostrophe', () => {
    for (const text of ['=1', "'=1", "''=1", "'hello", 'a=b', '', "'"]) {
      expect(unescapeCell(escapeCell(text))).toBe(text);
    }
  });
});

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes, line breaks and a BOM', () => {
    const parsed = parseCsv(
      '\uFEFFname,note\r\n"Ada, L.","said ""hi""\r\nthen left"\r\nBob,plain\r\n',
    );
    expect(parsed).toEqual({
      ok: true,
      rows: [
        ['name', 'note'],
        ['Ada, L.', 'said "hi"\r\nthen left'],
        ['Bob', 'plain'],
      ],
    });
  });

  it('keeps empty fields and a last line without a newline', () => {
    expect(parseCsv('a,,c\n,,\nx')).toEqual({
      ok: true,
      rows: [['a', '', 'c'], ['', '', ''], ['x']],
    });
  });

  it('ends records at LF, CRLF or a lone CR, whichever the file uses', () => {
    const rows = [
      ['a', 'b'],
      ['1', '2'],
    ];
    for (const eol of ['\n', '\r\n', '\r']) {
      expect(parseCsv(`a,b${eol}1,2${eol}`), JSON.stringify(eol)).toEqual({ ok: true, rows });
    }
  });

  it('detects semicolons and tabs as the delimiter, and keeps commas inside fields', () => {
    expect(parseCsv('name;note\nAda;1,5 h, then lunch\nBob;a, b, c, d\n')).toEqual({
      ok: true,
      rows: [
        ['name', 'note'],
        ['Ada', '1,5 h, then lunch'],
        ['Bob', 'a, b, c, d'],
      ],
    });
    expect(parseCsv('date\tname\tnote\n2026-01-05\tAda\ta;b,c\n')).toEqual({
      ok: true,
      rows: [
        ['date', 'name', 'note'],
        ['2026-01-05', 'Ada', 'a;b,c'],
      ],
    });
  });

  it('refuses text after a closing quote, naming the line', () => {
    expect(parseCsv('a,b\n1,2\n"x"y,3\n')).toEqual({
      ok: false,
      error: 'Line 3: a quoted field goes on after its closing quote.',
    });
  });

  it('names the line of an unclosed quote', () => {
    expect(parseCsv('a,b\n1,"open\n2,3')).toEqual({
      ok: false,
      error: 'A quoted field opened on line 2 is never closed.',
    });
  });

  it('reads back anything toCsv wrote', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), {
          minLength: 1,
          maxLength: 5,
        }),
        (rows) => {
          const parsed = parseCsv(toCsv(rows));
          expect(parsed.ok).toBe(true);
          if (parsed.ok) expect(parsed.rows.map((r) => r.map(unescapeCell))).toEqual(rows);
        },
      ),
      { numRuns: 500 },
    );
  });
});

const contact: Contact = {
  id: 'c1',
  name: '=cmd|calc',
  emails: ['ada@example.com', 'ada@work.com'],
  linkedin: ['/in/ada'],
  identities: ['email:ada@example.com', 'email:ada@work.com', 'linkedin:/in/ada'],
  company: 'Analytical',
  tags: ['vip', 'math'],
  touchCount: 1,
  lastTouchAt: Date.UTC(2026, 0, 2, 9),
  lastOutcome: 'positive',
  lastPositiveAt: Date.UTC(2026, 0, 2, 9),
  goodwillAtLastTouch: 1,
  halfLifeDays: 30,
  dueAt: -1,
  createdAt: 0,
  updatedAt: 0,
};

describe('exports', () => {
  it('writes one row per contact with its summary, escaped', () => {
    const parsed = parseCsv(contactsCsv([contact], DEFAULT_SETTINGS, Date.UTC(2026, 0, 2, 12)));
    expect(parsed.ok && parsed.rows[1]).toEqual([
      "'=cmd|calc",
      'Analytical',
      'ada@example.com; ada@work.com',
      '/in/ada',
      'vip; math',
      '',
      'positive',
      '2026-01-02T09:00:00.000Z',
      '0',
      '1.0',
      '',
      '1',
      '',
    ]);
  });

  it('writes touches oldest first with the contact identity and the note escaped', () => {
    const touch = (id: string, at: number, note?: string): Touch => ({
      id,
      contactId: 'c1',
      at,
      channel: 'call',
      outcome: 'negative',
      ...(note ? { note } : {}),
      source: 'dashboard',
      createdAt: 0,
      updatedAt: 0,
    });
    const csv = touchesCsv(
      [touch('t2', 2000, '=HYPERLINK("x")'), touch('t1', 1000)],
      new Map([['c1', contact]]),
    );
    expect(csv).toContain('"\'=HYPERLINK(""x"")"');
    const parsed = parseCsv(csv);
    expect(parsed.ok && parsed.rows.map((r) => r[9])).toEqual(['Touch ID', 't1', 't2']);
    expect(parsed.ok && parsed.rows[1]).toEqual([
      '1970-01-01T00:00:01.000Z',
      "'=cmd|calc",
      'ada@example.com',
      '/in/ada',
      'call',
      'negative',
      '',
      '',
      'dashboard',
      't1',
      '',
    ]);
  });

  it('names the good news a touch shared, by its headline', () => {
    const csv = touchesCsv(
      [
        {
          id: 't1',
          contactId: 'c1',
          at: 1000,
          channel: 'email',
          outcome: 'positive',
          goodNews: true,
          newsId: 'n1',
          source: 'popup',
          createdAt: 0,
          updatedAt: 0,
        },
      ],
      new Map([['c1', contact]]),
      new Map([['n1', 'CSV export shipped, & more']]),
    );
    const parsed = parseCsv(csv);
    expect(parsed.ok && parsed.rows.map((r) => r.slice(-1)[0])).toEqual([
      'News',
      'CSV export shipped, & more',
    ]);
  });
});
