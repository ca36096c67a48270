import { nudgeIndex, summarize } from '../impressions';
import type { Contact, Settings, Touch } from '../model';
import { episodesOf, type Episode } from '../review';
import type { LastImpressionDb } from './database';
import { touchesByContact, touchesOfContact } from './months';
import { replaceEpisodes, withdrawalFields } from './review-store';

/**
 * Re-derives a contact's summary, due index and review episodes from its touches; call inside a
 * transaction with the review tables. `contact` is the record as stored before the change, and
 * `since` the earliest time of a touch added or removed, when the caller knows it.
 */
export async function recomputeContact(
  db: LastImpressionDb,
  contact: Contact,
  settings: Settings,
  now: number,
  since = -Infinity,
): Promise<Contact> {
  const touches = await touchesOfContact(db, contact.id);
  const episodes = episodesOf(touches);
  const next = withSummary(contact, touches, settings, now, episodes);
  await Promise.all([
    db.contacts.put(next),
    replaceEpisodes(db, [{ contactId: contact.id, before: contact.repairMonths, episodes }], since),
  ]);
  return next;
}

/**
 * The contact with its summary derived from `touches`; a caller that stores it stores
 * `episodes` too (review-store.ts `replaceEpisodes`).
 */
export function withSummary(
  contact: Contact,
  touches: readonly Touch[],
  settings: Settings,
  now: number,
  episodes: readonly Episode[] = episodesOf(touches),
): Contact {
  const next: Contact = {
    ...withdrawalFields(contact, episodes),
    ...summarize(touches, settings.halfLifeDays),
    updatedAt: now,
  };
  Object.assign(next, nudgeIndex(next, settings));
  return next;
}

/** After a settings change: due dates always, goodwill only when the half-life changed. */
export async function recomputeAllContacts(
  db: LastImpressionDb,
  settings: Settings,
  goodwillToo: boolean,
): Promise<void> {
  if (!goodwillToo) {
    await db.contacts.toCollection().modify((c) => {
      Object.assign(c, nudgeIndex(c, settings));
    });
    return;
  }
  const byContact = await touchesByContact(db.touchMonths);
  const contacts = await db.contacts.toArray();
  await db.contacts.bulkPut(
    contacts.map((c) => withSummary(c, byContact.get(c.id) ?? [], settings, c.updatedAt)),
  );
}
