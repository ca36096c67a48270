import { addWeeks, startOfWeek } from 'date-fns';
import { WEEK_STARTS_ON } from '../metrics';
import type { Contact } from '../model';
import { reviewWindowStart, type Episode, type TouchTally } from '../review';
import { reviewTables, type LastImpressionDb } from './database';
import { monthOf } from './months';
import { episodesOfMonth, talliesOfMonths } from './review-store';
import { episodesOfShard } from './running';

export interface ReviewData {
  /** The contacts the review can name: those left negative, and those repaired in the week. */
  contacts: Map<string, Contact>;
  /** Withdrawals still running, and those repaired from the 12-week window's first month on. */
  episodes: Episode[];
  /** Touch tallies of the window's months. */
  tallies: TouchTally[];
}

/**
 * What the review of the week containing `week` needs, from the figures kept as touches are
 * written (review-store.ts, running.ts): the shards of withdrawals still running and a few month
 * records, then the contacts the review names. No touch and no timeline is read, so the cost
 * does not grow with the touches of the weeks shown.
 */
export function readReview(db: LastImpressionDb, week: number): Promise<ReviewData> {
  return db.transaction('r', [db.contacts, ...reviewTables(db)], () => read(db, week));
}

async function read(db: LastImpressionDb, week: number): Promise<ReviewData> {
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
  // One started after the week shown had not happened by its end.
  const episodes = running.flatMap(episodesOfShard).filter((e) => e.start.at < weekEnd);
  const named = new Set(episodes.map((e) => e.contactId));
  for (const r of repairs) {
    // One repaired before the window counts nowhere.
    for (const e of episodesOfMonth(r, windowStart)) {
      episodes.push(e);
      const at = e.repair!.at;
      // Repaired in the week shown, or still running at its end.
      const listed = at < weekEnd ? at >= weekStart : e.start.at < weekEnd;
      if (listed) named.add(e.contactId);
    }
  }
  const contacts = new Map<string, Contact>();
  for (const c of await db.contacts.bulkGet([...named])) if (c) contacts.set(c.id, c);
  return { contacts, episodes, tallies: talliesOfMonths(tallies, windowStart, weekEnd) };
}
