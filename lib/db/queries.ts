import type { Contact, Touch } from '../model';
import type { LastImpressionDb } from './database';

/** Reads for the dashboard; writes go through the transactional operations beside this file. */
export function allContacts(db: LastImpressionDb): Promise<Contact[]> {
  return db.contacts.toArray();
}

/** Every touch of a contact, newest first. */
export function timelineOf(db: LastImpressionDb, contactId: string): Promise<Touch[]> {
  return db.touches
    .where('[contactId+at]')
    .between([contactId, -Infinity], [contactId, Infinity])
    .reverse()
    .toArray();
}

/** The latest `limit` touches of a contact, newest first. */
export function latestTouchesOf(
  db: LastImpressionDb,
  contactId: string,
  limit: number,
): Promise<Touch[]> {
  return db.touches
    .where('[contactId+at]')
    .between([contactId, -Infinity], [contactId, Infinity])
    .reverse()
    .limit(limit)
    .toArray();
}

export function touchesSince(db: LastImpressionDb, from: number): Promise<Touch[]> {
  return db.touches.where('at').aboveOrEqual(from).toArray();
}

/**
 * Touches with `fromMs <= at < toMs`, read through the `at` index: a week's review reads that
 * week's touches, not every touch.
 */
export function touchesBetween(
  db: LastImpressionDb,
  fromMs: number,
  toMs: number,
): Promise<Touch[]> {
  return db.touches.where('at').between(fromMs, toMs, true, false).toArray();
}

export function allTouches(db: LastImpressionDb): Promise<Touch[]> {
  return db.touches.toArray();
}
