import { formatGoodwill } from '../goodwill-format';
import { daysSincePositive, goodwillNow, lastImpression, nudgeFor } from '../impressions';
import type { Contact, Settings, Touch } from '../model';
import { isoOf } from '../time';
import { toCsv, type CsvCell } from './write';

export const CONTACT_COLUMNS = [
  'Name',
  'Company',
  'Emails',
  'LinkedIn',
  'Tags',
  'Cadence days',
  'Last impression',
  'Last touch',
  'Days since positive',
  'Goodwill',
  'Nudge',
  'Touches',
  'Notes',
] as const;

/** Same names as the import mapping guesses, so an exported file maps itself. */
export const TOUCH_COLUMNS = [
  'Date',
  'Name',
  'Email',
  'LinkedIn',
  'Channel',
  'Outcome',
  'Good news',
  'Note',
  'Source',
  'Touch ID',
  'News',
] as const;

/** An unreadable stored time becomes an empty cell: an export never throws on old data. */
const iso = (at: number | null) => isoOf(at) ?? '';

/** One row per contact with its summary as of `now`. */
export function contactsCsv(contacts: readonly Contact[], settings: Settings, now: number): string {
  const rows = contacts.map((c): CsvCell[] => {
    const days = daysSincePositive(c.lastPositiveAt, now);
    return [
      c.name,
      c.company ?? '',
      c.emails.join('; '),
      c.linkedin.join('; '),
      c.tags.join('; '),
      c.cadenceDays === undefined ? '' : String(c.cadenceDays),
      lastImpression(c),
      iso(c.lastTouchAt),
      days === null ? 'never' : String(days),
      { number: formatGoodwill(goodwillNow(c, now)) },
      nudgeFor(c, settings, now)?.reason ?? '',
      String(c.touchCount),
      c.notes ?? '',
    ];
  });
  return toCsv([[...CONTACT_COLUMNS], ...rows]);
}

/**
 * One row per touch, oldest first; dates in ISO UTC so a re-import lands on the same instant.
 * "News" names the good-news item the touch shared, by its headline.
 */
export function touchesCsv(
  touches: readonly Touch[],
  contactsById: ReadonlyMap<string, Pick<Contact, 'name' | 'emails' | 'linkedin'>>,
  headlinesById: ReadonlyMap<string, string> = new Map(),
): string {
  const sorted = [...touches].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  const rows = sorted.map((t) => {
    const c = contactsById.get(t.contactId);
    return [
      iso(t.at),
      c?.name ?? '',
      c?.emails[0] ?? '',
      c?.linkedin[0] ?? '',
      t.channel,
      t.outcome,
      t.goodNews ? 'yes' : '',
      t.note ?? '',
      t.source,
      t.id,
      (t.newsId && headlinesById.get(t.newsId)) ?? '',
    ];
  });
  return toCsv([[...TOUCH_COLUMNS], ...rows]);
}
