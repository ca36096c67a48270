import { format } from 'date-fns';
import type { Contact } from '../model';
import type { Review } from '../review';
import { toCsv } from './write';

export const REVIEW_COLUMNS = [
  'Section',
  'Contact',
  'Company',
  'Withdrawal',
  'Repaired',
  'Days to repair',
  'Days open',
  'Note',
] as const;

export const REVIEW_WEEK_COLUMNS = [
  'Week of',
  'Deposits',
  'Good news',
  'Withdrawals',
  'Repairs',
  'Median days to repair',
  'Withdrawals judged',
  'Repaired within 7 days',
  'Share repaired within 7 days',
] as const;

/** A review is read by people, so times are local, as the dashboard shows them. */
const local = (at: number) => format(at, 'yyyy-MM-dd HH:mm');
const day = (at: number) => format(at, 'yyyy-MM-dd');
const num = (n: number | null, digits: number) => (n === null ? '' : n.toFixed(digits));

/**
 * The week's review as one spreadsheet: a row per contact left unrepaired or repaired this week,
 * then, after an empty row, the twelve weeks behind the two metrics and their totals.
 */
export function reviewCsv(
  review: Review,
  contactsById: ReadonlyMap<string, Pick<Contact, 'name' | 'company'> | undefined>,
): string {
  const who = (id: string) => {
    const c = contactsById.get(id);
    return [c?.name ?? '', c?.company ?? ''];
  };
  const unrepaired = review.unrepaired.map((u) => [
    'Not repaired yet',
    ...who(u.contactId),
    local(u.start.at),
    '',
    '',
    String(u.daysOpen),
    u.start.note ?? '',
  ]);
  const repaired = review.repaired.map((r) => [
    'Repaired this week',
    ...who(r.contactId),
    local(r.start.at),
    local(r.repair!.at),
    String(r.days),
    '',
    r.start.note ?? '',
  ]);
  const weeks = review.weeks.map((w) => [
    day(w.start),
    String(w.deposits),
    String(w.goodNews),
    String(w.withdrawals),
    String(w.repairs),
    num(w.medianDays, 1),
    String(w.judged),
    String(w.quick),
    num(w.quickShare, 3),
  ]);
  const sum = (key: 'deposits' | 'goodNews' | 'withdrawals' | 'repairs') =>
    String(review.weeks.reduce((a, w) => a + w[key], 0));
  const total = [
    `${review.weeks.length} weeks`,
    sum('deposits'),
    sum('goodNews'),
    sum('withdrawals'),
    sum('repairs'),
    num(review.medianDays, 1),
    String(review.judged),
    String(review.quick),
    num(review.quickShare, 3),
  ];
  return toCsv([
    [...REVIEW_COLUMNS],
    ...unrepaired,
    ...repaired,
    [],
    [...REVIEW_WEEK_COLUMNS],
    ...weeks,
    total,
  ]);
}
