import type { Contact, Touch } from '../model';
import type { LastImpressionDb } from './database';
import { touchesIn } from './month-columns';
import { byTime, findTouch, monthOf, monthsOfContact } from './months';

/** Reads for the dashboard; writes go through the transactional operations beside this file. */
export function allContacts(db: LastImpressionDb): Promise<Contact[]> {
  return db.contacts.toArray();
}

/** Every touch of a contact, newest first: a few month records, even for a key account. */
export async function timelineOf(db: LastImpressionDb, contactId: string): Promise<Touch[]> {
  const months = await monthsOfContact(db, contactId).toArray();
  return months.flatMap(touchesIn).sort((a, b) => byTime(b, a));
}

/** Touches at or after `from`, oldest first, read off the month index. */
export async function touchesSince(db: LastImpressionDb, from: number): Promise<Touch[]> {
  const months = await db.touchMonths
    .where('months')
    .aboveOrEqual(monthOf(from))
    .distinct()
    .toArray();
  return months.flatMap((m) => touchesIn(m).filter((t) => t.at >= from)).sort(byTime);
}

/**
 * Touches with `fromMs <= at < toMs` (a week: its start and the next week's start), oldest
 * first: only the month records the range overlaps are read.
 */
export async function touchesBetween(
  db: LastImpressionDb,
  fromMs: number,
  toMs: number,
): Promise<Touch[]> {
  if (!(toMs > fromMs)) return [];
  const months = await db.touchMonths
    .where('months')
    .between(monthOf(fromMs), monthOf(toMs), true, true)
    .distinct()
    .toArray();
  return months
    .flatMap((m) => touchesIn(m).filter((t) => t.at >= fromMs && t.at < toMs))
    .sort(byTime);
}

export async function allTouches(db: LastImpressionDb): Promise<Touch[]> {
  const months = await db.touchMonths.toArray();
  return months.flatMap(touchesIn);
}

/** One touch by id, through the id directory. */
export async function getTouch(db: LastImpressionDb, id: string): Promise<Touch | undefined> {
  return db.transaction('r', db.touchIds, db.touchMonths, () => findTouch(db, id));
}

/** Whether any touch is stored: one record read, never a count. */
export async function hasTouches(db: LastImpressionDb): Promise<boolean> {
  return (await db.touchMonths.toCollection().first()) !== undefined;
}

/** How many touches are stored (tests and the dashboard's totals; reads every month). */
export async function countTouches(db: LastImpressionDb): Promise<number> {
  let n = 0;
  await db.touchMonths.each((m) => {
    n += m.ids.length;
  });
  return n;
}
