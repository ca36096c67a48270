import { addWeeks, startOfWeek } from 'date-fns';
import { WEEK_STARTS_ON } from '../metrics';
import type { Contact } from '../model';
import { reviewWindowStart, type Episode, type TouchTally } from '../review';
import type { LastImpressionDb } from './database';
import { monthOf } from './months';
import { episodesOfMonth, talliesOfMonths } from './review-store';

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
 * written (review-store.ts): the contacts whose withdrawal still runs, through their index, and
 * a few month records. No touch and no timeline is read, so the cost does not grow with the
 * touches of the weeks shown.
 */
export function readReview(db: LastImpressionDb, week: number): Promise<ReviewData> {
  return db.transaction('r', [db.contacts, db.repairs, db.touchTallies], () => read(db, week));
}

async function read(db: LastImpressionDb, week: number): Promise<ReviewData> {
  const weekStartDate = startOfWeek(week, { weekStartsOn: WEEK_STARTS_ON });
  const weekStart = weekStartDate.getTime();
  const weekEnd = addWeeks(weekStartDate, 1).getTime();
  const windowStart = reviewWindowStart(week);
  const first = monthOf(windowStart);
  const [running, repairs, tallies] = await Promise.all([
    db.contacts.where('withdrawal.start.at').below(weekEnd).toArray(),
    // Every month from the window's first on: a past week needs the withdrawals that were still
    // running at its end, whenever they were repaired later.
    db.repairs.where('month').aboveOrEqual(first).toArray(),
    db.touchTallies
      .where('month')
      .between(first, monthOf(weekEnd - 1), true, true)
      .toArray(),
  ]);
  const contacts = new Map(running.map((c) => [c.id, c]));
  const episodes = running.map((c) => c.withdrawal!);
  const named = new Set<string>();
  for (const r of repairs) {
    // One repaired before the window counts nowhere.
    for (const e of episodesOfMonth(r, windowStart)) {
      episodes.push(e);
      const at = e.repair!.at;
      // Repaired in the week shown, or still running at its end.
      const listed = at < weekEnd ? at >= weekStart : e.start.at < weekEnd;
      if (listed && !contacts.has(e.contactId)) named.add(e.contactId);
    }
  }
  const ids = [...named];
  for (const c of await db.contacts.bulkGet(ids)) if (c) contacts.set(c.id, c);
  return { contacts, episodes, tallies: talliesOfMonths(tallies, windowStart, weekEnd) };
}
