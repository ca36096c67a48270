import { nudgeIndex, summarize } from '../impressions';
import type { Contact, Settings, Touch } from '../model';
import type { LastImpressionDb } from './database';
import { touchesIn } from './month-columns';
import { touchesOfContact } from './months';

/** Re-derives a contact's summary and due index from its touches; call inside a transaction. */
export async function recomputeContact(
  db: LastImpressionDb,
  contact: Contact,
  settings: Settings,
  now: number,
): Promise<Contact> {
  const touches = await touchesOfContact(db, contact.id);
  const next = withSummary(contact, touches, settings, now);
  await db.contacts.put(next);
  return next;
}

export function withSummary(
  contact: Contact,
  touches: readonly Touch[],
  settings: Settings,
  now: number,
): Contact {
  const next: Contact = {
    ...contact,
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
  const byContact = new Map<string, Touch[]>();
  await db.touchMonths.each((m) => {
    const list = byContact.get(m.contactId);
    if (list) list.push(...touchesIn(m));
    else byContact.set(m.contactId, touchesIn(m));
  });
  const contacts = await db.contacts.toArray();
  await db.contacts.bulkPut(
    contacts.map((c) => withSummary(c, byContact.get(c.id) ?? [], settings, c.updatedAt)),
  );
}
