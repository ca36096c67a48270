import {
  daysSincePositive,
  goodwillNow,
  lastImpression,
  nudgeFor,
  type Impression,
  type NudgeReason,
} from '@/lib/impressions';
import { goodwillLabel, roundGoodwill } from '@/lib/goodwill-format';
import type { Contact, Settings } from '@/lib/model';

export interface ContactRow {
  contact: Contact;
  identities: string;
  impression: Impression;
  daysSincePositive: number | null;
  /** Rounded once, by the shared formatter, so sorting and the cell agree with every other view. */
  goodwill: number;
  /** "0.3 · low": the cell's text, the same words as the popup and the panel. */
  goodwillText: string;
  lastTouchAt: number | null;
  nudge: NudgeReason | null;
  /** Lower-cased text the search box matches against. */
  haystack: string;
  /** Why the contact could not be summarised; its row says so and links to it. */
  problem?: string;
}

export const SORT_KEYS = [
  'name',
  'company',
  'identities',
  'impression',
  'daysSincePositive',
  'goodwill',
  'lastTouchAt',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'ascending' | 'descending';

export type ImpressionFilter = Impression | 'all';

export interface TableQuery {
  search: string;
  impression: ImpressionFilter;
  dueOnly: boolean;
  sort: SortKey;
  dir: SortDir;
}

/**
 * One row per contact. A record too odd to summarise (written by an older version, a bug or by
 * hand) still gets a row, marked with its problem, so the table stays and the record stays
 * reachable.
 */
export function toRows(
  contacts: readonly Contact[],
  settings: Settings,
  now: number,
): ContactRow[] {
  return contacts.map((contact) => {
    try {
      return toRow(contact, settings, now);
    } catch (e) {
      return {
        contact,
        identities: '',
        impression: 'none',
        daysSincePositive: null,
        goodwill: 0,
        goodwillText: '',
        lastTouchAt: null,
        nudge: null,
        haystack: String(contact.name).toLowerCase(),
        problem: e instanceof Error ? e.message : String(e),
      };
    }
  });
}

function toRow(contact: Contact, settings: Settings, now: number): ContactRow {
  const identities = [...contact.emails, ...contact.linkedin].join(', ');
  const balance = goodwillNow(contact, now);
  return {
    contact,
    identities,
    impression: lastImpression(contact),
    daysSincePositive: daysSincePositive(contact.lastPositiveAt, now),
    goodwill: roundGoodwill(balance),
    goodwillText: goodwillLabel(balance),
    lastTouchAt: contact.lastTouchAt,
    nudge: nudgeFor(contact, settings, now)?.reason ?? null,
    haystack: [contact.name, contact.company ?? '', identities, contact.tags.join(' ')]
      .join('\n')
      .toLowerCase(),
  };
}

/** Worst first when ascending: negative before neutral before positive; untouched last. */
const IMPRESSION_ORDER: Record<Impression, number> = {
  negative: 0,
  neutral: 1,
  positive: 2,
  none: 3,
};

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function valueOf(row: ContactRow, key: SortKey): string | number | null {
  switch (key) {
    case 'name':
      return row.contact.name;
    case 'company':
      return row.contact.company || null;
    case 'identities':
      return row.identities || null;
    case 'impression':
      return row.impression === 'none' ? null : IMPRESSION_ORDER[row.impression];
    case 'daysSincePositive':
      return row.daysSincePositive;
    case 'goodwill':
      return row.goodwill;
    case 'lastTouchAt':
      return row.lastTouchAt;
  }
}

/** Empty values (never touched, no company) sort last either way; ties go by name. */
export function sortRows(rows: readonly ContactRow[], key: SortKey, dir: SortDir): ContactRow[] {
  const sign = dir === 'ascending' ? 1 : -1;
  const byName = (a: ContactRow, b: ContactRow) =>
    collator.compare(a.contact.name, b.contact.name) || a.contact.id.localeCompare(b.contact.id);
  return [...rows].sort((a, b) => {
    const va = valueOf(a, key);
    const vb = valueOf(b, key);
    if (va === null || vb === null) return va === vb ? byName(a, b) : va === null ? 1 : -1;
    const c =
      typeof va === 'number' && typeof vb === 'number'
        ? va - vb
        : collator.compare(String(va), String(vb));
    return c * sign || byName(a, b);
  });
}

export function filterRows(rows: readonly ContactRow[], query: TableQuery): ContactRow[] {
  const needle = query.search.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (query.impression === 'all' || r.impression === query.impression) &&
      (!query.dueOnly || r.nudge !== null) &&
      (needle === '' || r.haystack.includes(needle)),
  );
}

export function visibleRows(rows: readonly ContactRow[], query: TableQuery): ContactRow[] {
  return sortRows(filterRows(rows, query), query.sort, query.dir);
}
