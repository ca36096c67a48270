import { addDays, addWeeks, startOfDay } from 'date-fns';
import { MAX_FUTURE_MS, type Contact, type Touch } from '../model';
import { byTime, reviewWindowStart } from '../review';
import type { LastImpressionDb } from './database';
import { allContacts, timelineOf, touchesBetween } from './queries';

/**
 * Weeks read before the review's window to learn where each contact stood when it began: a
 * positive touch there means no clock was running. Contacts without one get their timeline.
 */
export const LOOKBACK_WEEKS = 8;

export interface ReviewData {
  contacts: Contact[];
  /** Each contact's touches, whole or from a positive touch on (see lib/review.ts). */
  histories: Map<string, Touch[]>;
}

/**
 * What the review of the week containing `week` needs, read through indexes only: the touches
 * from shortly before its 12-week window to the latest possible touch, and the timelines of the
 * few contacts whose standing at the window's start those touches cannot tell (in practice, those
 * left on a negative last impression long ago). Only lib/db/queries.ts functions are used, so the
 * touch store's layout can change beneath it.
 */
export function readReview(db: LastImpressionDb, week: number, today: number): Promise<ReviewData> {
  // One read transaction for all the reads, so the timelines share it instead of opening one
  // each; every table, since which ones the reads use is theirs to say.
  return db.transaction('r', db.tables, () => read(db, week, today));
}

async function read(db: LastImpressionDb, week: number, today: number): Promise<ReviewData> {
  const windowStart = reviewWindowStart(week);
  const from = addWeeks(windowStart, -LOOKBACK_WEEKS).getTime();
  // Touches may be dated up to a year ahead; reading to there lets a contact's count be checked.
  const to = addDays(startOfDay(today), 2).getTime() + MAX_FUTURE_MS;
  const [contacts, loaded] = await Promise.all([allContacts(db), touchesBetween(db, from, to)]);
  const byContact = new Map<string, Touch[]>();
  for (const t of loaded) {
    if (t.at < from || t.at >= to) continue;
    const list = byContact.get(t.contactId);
    if (list) list.push(t);
    else byContact.set(t.contactId, [t]);
  }

  const histories = new Map<string, Touch[]>();
  const missing: string[] = [];
  const byId = new Map(contacts.map((c) => [c.id, c]));
  for (const [id, list] of byContact) {
    const contact = byId.get(id);
    // Touches of a contact deleted or merged away during the read: the contact is gone.
    if (!contact) continue;
    if (list.length >= contact.touchCount) {
      histories.set(id, list);
      continue;
    }
    const positive = list
      .filter((t) => t.outcome === 'positive' && t.at < windowStart)
      .reduce<Touch | undefined>((a, t) => (!a || byTime(t, a) > 0 ? t : a), undefined);
    if (positive)
      histories.set(
        id,
        list.filter((t) => byTime(t, positive) >= 0),
      );
    else missing.push(id);
  }
  for (const c of contacts) {
    if (c.lastOutcome === 'negative' && !byContact.has(c.id)) missing.push(c.id);
  }
  const timelines = await Promise.all(missing.map((id) => timelineOf(db, id)));
  missing.forEach((id, i) => histories.set(id, timelines[i]!));
  return { contacts, histories };
}
