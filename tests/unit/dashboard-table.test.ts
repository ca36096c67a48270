import { describe, expect, it } from 'vitest';
import { toRows, visibleRows, type TableQuery } from '../../components/dashboard/contact-table';
import { DEFAULT_SETTINGS, type Outcome } from '../../lib/model';
import { contactWith } from '../support/contacts';

const NOW = new Date(2026, 2, 11, 12).getTime();

const contact = (name: string, touches: [daysAgo: number, outcome: Outcome][], company?: string) =>
  contactWith(name, touches, NOW, company);

const rows = toRows(
  [
    contact('Bea', [[3, 'positive']], 'Zeta'),
    contact('Al', [
      [20, 'positive'],
      [1, 'negative'],
    ]),
    contact('Cy', [], 'Acme'),
    contact('Di', [[2, 'positive']], 'Acme'),
  ],
  DEFAULT_SETTINGS,
  NOW,
);
const base: TableQuery = {
  search: '',
  impression: 'all',
  dueOnly: false,
  sort: 'name',
  dir: 'ascending',
};
const names = (q: Partial<TableQuery>) =>
  visibleRows(rows, { ...base, ...q }).map((r) => r.contact.name);

describe('contacts table', () => {
  it('sorts each way, with empty values last in both directions', () => {
    expect(names({})).toEqual(['Al', 'Bea', 'Cy', 'Di']);
    expect(names({ dir: 'descending' })).toEqual(['Di', 'Cy', 'Bea', 'Al']);
    expect(names({ sort: 'company' })).toEqual(['Cy', 'Di', 'Bea', 'Al']);
    expect(names({ sort: 'company', dir: 'descending' })).toEqual(['Bea', 'Cy', 'Di', 'Al']);
    expect(names({ sort: 'lastTouchAt', dir: 'descending' })).toEqual(['Al', 'Di', 'Bea', 'Cy']);
    expect(names({ sort: 'impression' })).toEqual(['Al', 'Bea', 'Di', 'Cy']);
    expect(names({ sort: 'daysSincePositive' })).toEqual(['Di', 'Bea', 'Al', 'Cy']);
    expect(names({ sort: 'goodwill' })).toEqual(['Al', 'Cy', 'Bea', 'Di']);
  });

  it('filters by last impression, by due and by text', () => {
    expect(names({ impression: 'positive' })).toEqual(['Bea', 'Di']);
    expect(names({ impression: 'none' })).toEqual(['Cy']);
    // Al needs repair (negative last); Cy was added 100 days ago and never had a positive touch.
    expect(names({ dueOnly: true })).toEqual(['Al', 'Cy']);
    expect(names({ search: 'ACME' })).toEqual(['Cy', 'Di']);
    expect(names({ search: 'bea@x' })).toEqual(['Bea']);
  });
});
