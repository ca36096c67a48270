import { addWeeks, startOfWeek } from 'date-fns';
import { WEEK_STARTS_ON } from '../metrics';
import type { Contact } from '../model';
import { listedEpisodes, reviewWindowStart, type Episode, type TouchTally } from '../review';
import { reviewTables, type LastImpressionDb } from './database';
import { monthOf } from './months';
import { episodesOfMonth, talliesOfMonths } from './review-store';
import { episodesOfShard } from './running';

/** Contacts looked up by id: an id with no contact maps to undefined (deleted meanwhile). */
export type ContactsById = ReadonlyMap<string, Contact | undefined>;

export interface ReviewData {
  /** The contacts named by the first `rows` rows of each of the review's lists. */
  contacts: ContactsById;
  /** Withdrawals still running, and those repaired from the 12-week window's first month on. */
  episodes: Episode[];
  /** Touch tallies of the window's months. */
  tallies: TouchTally[];
}

/**
 * What the review of the week containing `week` needs, from the figures kept as touches are
 * written (review-store.ts, running.ts): the shards of withdrawals still running and a few month
 * records, then the contacts named by the first `rows` rows of each list (the rest are read when
 * asked for, with `readContacts`). No touch and no timeline is read, so the cost does not grow
 * with the touches of the weeks shown, nor with the contacts left unrepaired.
 */
export function readReview(
  db: LastImpressionDb,
  week: number,
  rows = Infinity,
): Promise<ReviewData> {
  return db.transaction('r', [db.contacts, ...reviewTables(db)], () => read(db, week, rows));
}

/** The contacts of `ids`, each id mapped to its contact or to undefined if it is gone. */
export async function readContacts(
  db: LastImpressionDb,
  ids: readonly string[],
): Promise<Map<string, Contact | undefined>> {
  const found = await db.contacts.bulkGet([...ids]);
  return new Map(ids.map((id, i) => [id, found[i]]));
}

async function read(db: LastImpressionDb, week: number, rows: number): Promise<ReviewData> {
  const weekStartDate = startOfWeek(week, { weekStartsOn: WEEK_STARTS_ON });
  const weekStart = weekStartDate.getTime();
  const weekEnd = addWeeks(weekStartDate, 1).getTime();
  const windowStart = reviewWindowStart(week);
  const first = monthOf(windowStart);
  const [running, repairs, tallies] = await Promise.all([
    db.running.toArray(),
    // Every month from the window's first on: a past week needs the withdrawals that were still
    // running at its end, whenever they were repaired later.
    db.repairs.where('month').aboveOrEqual(first).toArray(),
    db.touchTallies
      .where('month')
      .between(first, monthOf(weekEnd - 1), true, true)
      .toArray(),
  ]);
  const episodes = running.flatMap(episodesOfShard);
  // One repaired before the window counts nowhere.
  for (const r of repairs) episodes.push(...episodesOfMonth(r, windowStart));
  const listed = listedEpisodes(episodes, weekStart, weekEnd);
  const named = [...listed.unrepaired.slice(0, rows), ...listed.repaired.slice(0, rows)];
  const contacts = await readContacts(db, [...new Set(named.map((e) => e.contactId))]);
  return { contacts, episodes, tallies: talliesOfMonths(tallies, windowStart, weekEnd) };
}
