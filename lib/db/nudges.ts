import type { LastImpressionDb } from './database';
import { getSettings } from './settings';
import { compareNudges, nudgeFor, REPAIR_RANK_OFFSET, type Nudge } from '../impressions';
import type { Contact } from '../model';

export interface DueNudge {
  nudge: Nudge;
  contact: Contact;
}

/**
 * Today's nudges, most urgent first, at most `limit` of them. Read straight off the `nudgeRank`
 * index (repairs sort first, each group by how long it has been due), so the cost follows
 * `limit`, not the number of contacts or touches; the pure rule then has the last word (a
 * snooze or a settings change the index has not caught up with never shows a wrong nudge).
 */
export async function dueNudges(
  db: LastImpressionDb,
  now: number,
  limit = Infinity,
): Promise<DueNudge[]> {
  const byRank = db.contacts.where('nudgeRank');
  const [settings, repairs] = await Promise.all([
    getSettings(db),
    byRank
      .between(-REPAIR_RANK_OFFSET, now - REPAIR_RANK_OFFSET, true, true)
      .limit(limit)
      .toArray(),
  ]);
  const shares =
    repairs.length < limit
      ? await byRank
          .between(0, now, true, true)
          .limit(limit - repairs.length)
          .toArray()
      : [];
  const due: DueNudge[] = [];
  for (const contact of [...repairs, ...shares]) {
    const nudge = nudgeFor(contact, settings, now);
    if (nudge) due.push({ nudge, contact });
  }
  return due.sort((a, b) => compareNudges(a.nudge, b.nudge));
}

/** How many nudges are due: a count on the `dueAt` index, no record read. */
export function dueCount(db: LastImpressionDb, now: number): Promise<number> {
  return db.contacts.where('dueAt').between(0, now, true, true).count();
}

/** The next moment a contact becomes due, so a timer can wake for it; null when none will. */
export async function nextDueAt(db: LastImpressionDb, now: number): Promise<number | null> {
  const next = await db.contacts.where('dueAt').above(now).first();
  return next?.dueAt ?? null;
}
