import { describe, expect, it } from 'vitest';
import { toRows, visibleRows } from '../../components/dashboard/contact-table';
import { contactsCsv, CONTACT_COLUMNS } from '../../lib/csv/export';
import { parseCsv } from '../../lib/csv/parse';
import { formatGoodwill, goodwillLabel } from '../../lib/goodwill-format';
import { goodwillWord } from '../../lib/impressions';
import { DEFAULT_SETTINGS, type Contact } from '../../lib/model';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 29, 12);
const GOODWILL_COLUMN = CONTACT_COLUMNS.indexOf('Goodwill');

/** A contact whose balance right now is exactly `balance` after `daysAgo` days of decay. */
function contactAt(balance: number, daysAgo = 0, halfLifeDays = 30): Contact {
  const at = NOW - daysAgo * DAY;
  return {
    id: `c-${balance}-${daysAgo}`,
    name: 'Ada',
    emails: ['ada@example.com'],
    linkedin: [],
    identities: ['email:ada@example.com'],
    tags: [],
    touchCount: 1,
    lastTouchAt: at,
    lastOutcome: balance < 0 ? 'negative' : 'positive',
    lastPositiveAt: balance < 0 ? null : at,
    goodwillAtLastTouch: balance / 0.5 ** (daysAgo / halfLifeDays),
    halfLifeDays,
    dueAt: -1,
    createdAt: 0,
    updatedAt: 0,
  };
}

function csvCell(contact: Contact): string {
  const parsed = parseCsv(contactsCsv([contact], DEFAULT_SETTINGS, NOW));
  if (!parsed.ok) throw new Error('the export did not parse');
  return parsed.rows[1]![GOODWILL_COLUMN]!;
}

const EDGES = [
  [0.25, '0.3'],
  [0.2499, '0.2'],
  [0.2501, '0.3'],
  [0.05, '0.1'],
  [0.0499, '0.0'],
  [-0.05, '0.0'],
  [-0.0499, '0.0'],
  [-0.0501, '-0.1'],
  [-0.25, '-0.2'],
  [-0.2501, '-0.3'],
  [0.95, '1.0'],
  [0.9999, '1.0'],
  [-1.05, '-1.0'],
] as const;

describe('one number for goodwill: dashboard row, CSV cell and formatter agree', () => {
  it.each(EDGES)('%d reads %s in every view', (balance, expected) => {
    const contact = contactAt(balance);
    const [row] = toRows([contact], DEFAULT_SETTINGS, NOW);
    expect(formatGoodwill(balance)).toBe(expected);
    expect(csvCell(contact)).toBe(expected);
    expect(row!.goodwillText).toBe(`${expected} · ${goodwillWord(balance)}`);
    expect(row!.goodwillText).toBe(goodwillLabel(balance));
    expect(row!.goodwill).toBe(Number(expected));
  });

  it('agrees after decay too: 0.5 thirty days ago at a 30-day half-life is 0.25 today', () => {
    const contact = contactAt(0.25, 30);
    expect(contact.goodwillAtLastTouch).toBe(0.5);
    const [row] = toRows([contact], DEFAULT_SETTINGS, NOW);
    expect(csvCell(contact)).toBe('0.3');
    expect(row!.goodwillText).toBe('0.3 · low');
  });

  it('sorts by the figure shown, so equal-looking balances fall back to the name', () => {
    const rows = toRows(
      [
        { ...contactAt(0.2), id: 'b', name: 'Bea' },
        { ...contactAt(0.2499), id: 'a', name: 'Al' },
      ],
      DEFAULT_SETTINGS,
      NOW,
    );
    const sorted = visibleRows(rows, {
      search: '',
      impression: 'all',
      dueOnly: false,
      sort: 'goodwill',
      dir: 'ascending',
    });
    expect(sorted.map((r) => [r.contact.name, r.goodwillText])).toEqual([
      ['Al', '0.2 · low'],
      ['Bea', '0.2 · low'],
    ]);
  });
});
