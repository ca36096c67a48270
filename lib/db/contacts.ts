import * as v from 'valibot';
import { nudgeIndex, EMPTY_SUMMARY } from '../impressions';
import { mergeFields, pickFields, withFields } from '../contact-fields';
import {
  ContactFieldsSchema,
  describeIssues,
  identityKeys,
  type Contact,
  type ContactFields,
  type IdentityKey,
  type Settings,
} from '../model';
import { reviewTables, type LastImpressionDb } from './database';
import { nudgeChangeSchema } from './inputs';
import { monthsOfContact, putTouches, removeTouches } from './months';
import { forgetContactNews, moveContactNews, newsTables } from './news';
import { replaceEpisodes, tallyTouches } from './review-store';
import { getSettings } from './settings';
import { recomputeContact } from './summary';

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export function newContact(
  fields: ContactFields,
  settings: Settings,
  now: number,
  id: string = crypto.randomUUID(),
): Contact {
  const contact: Contact = {
    ...withFields({}, fields),
    id,
    ...EMPTY_SUMMARY,
    halfLifeDays: settings.halfLifeDays,
    dueAt: -1,
    createdAt: now,
    updatedAt: now,
  };
  Object.assign(contact, nudgeIndex(contact, settings));
  return contact;
}

export async function findContactByIdentity(
  db: LastImpressionDb,
  key: IdentityKey,
): Promise<Contact | undefined> {
  return db.contacts.where('identities').equals(key).first();
}

/** The identities of `keys` already held by a contact other than `exceptId`. */
async function takenIdentities(
  db: LastImpressionDb,
  keys: readonly IdentityKey[],
  exceptId?: string,
): Promise<IdentityKey[]> {
  if (keys.length === 0) return [];
  const owners = await db.contacts.where('identities').anyOf(keys).toArray();
  return keys.filter((k) => owners.some((o) => o.id !== exceptId && o.identities.includes(k)));
}

function takenMessage(keys: readonly IdentityKey[]): string {
  const shown = keys.map((k) => k.replace(/^(email|linkedin):/, ''));
  return `${shown.join(', ')} already belongs to another contact; merge the two instead`;
}

export async function addContact(
  db: LastImpressionDb,
  input: unknown,
  now: number,
): Promise<Result<Contact>> {
  const parsed = v.safeParse(ContactFieldsSchema, input);
  if (!parsed.success) return { ok: false, error: describeIssues(parsed.issues) };
  return db.transaction('rw', db.contacts, db.meta, async () => {
    const contact = newContact(parsed.output, await getSettings(db), now);
    const taken = await takenIdentities(db, contact.identities);
    if (taken.length) return { ok: false as const, error: takenMessage(taken) };
    await db.contacts.add(contact);
    return { ok: true as const, value: contact };
  });
}

export async function updateContact(
  db: LastImpressionDb,
  id: string,
  input: unknown,
  now: number,
): Promise<Result<Contact>> {
  const parsed = v.safeParse(ContactFieldsSchema, input);
  if (!parsed.success) return { ok: false, error: describeIssues(parsed.issues) };
  return db.transaction('rw', db.contacts, db.meta, async () => {
    const existing = await db.contacts.get(id);
    if (!existing) return { ok: false as const, error: 'That contact no longer exists' };
    const settings = await getSettings(db);
    // Only the contact's own fields change: its summary, snooze and anything else stored stay.
    const next: Contact = { ...withFields(existing, parsed.output), updatedAt: now };
    const taken = await takenIdentities(db, next.identities, id);
    if (taken.length) return { ok: false as const, error: takenMessage(taken) };
    Object.assign(next, nudgeIndex(next, settings));
    await db.contacts.put(next);
    return { ok: true as const, value: next };
  });
}

async function touchIdsOf(db: LastImpressionDb, contactId: string): Promise<string[]> {
  const months = await monthsOfContact(db, contactId).toArray();
  return months.flatMap((m) => m.ids);
}

/** Deletes a contact and all its touches together, and with them its place in the review. */
export async function deleteContact(db: LastImpressionDb, id: string): Promise<void> {
  await db.transaction(
    'rw',
    [db.contacts, db.touchMonths, db.touchIds, ...newsTables(db), ...reviewTables(db)],
    async () => {
      const contact = await db.contacts.get(id);
      const removed = await removeTouches(db, await touchIdsOf(db, id));
      await Promise.all([
        forgetContactNews(db, id),
        tallyTouches(db.touchTallies, [], removed),
        replaceEpisodes(db, [{ contactId: id, before: contact?.repairMonths, episodes: [] }]),
      ]);
      await db.contacts.delete(id);
    },
  );
}

/** Attaches an identity seen on a page to an existing contact. */
export async function linkIdentity(
  db: LastImpressionDb,
  contactId: string,
  key: IdentityKey,
  now: number,
): Promise<Result<Contact>> {
  return db.transaction('rw', db.contacts, db.meta, async () => {
    const contact = await db.contacts.get(contactId);
    if (!contact) return { ok: false as const, error: 'That contact no longer exists' };
    if (contact.identities.includes(key)) return { ok: true as const, value: contact };
    const taken = await takenIdentities(db, [key], contactId);
    if (taken.length) return { ok: false as const, error: takenMessage(taken) };
    const value = key.slice(key.indexOf(':') + 1);
    const next: Contact = {
      ...contact,
      emails: key.startsWith('email:') ? [...contact.emails, value] : contact.emails,
      linkedin: key.startsWith('linkedin:') ? [...contact.linkedin, value] : contact.linkedin,
      updatedAt: now,
    };
    next.identities = identityKeys(next);
    Object.assign(next, nudgeIndex(next, await getSettings(db)));
    await db.contacts.put(next);
    return { ok: true as const, value: next };
  });
}

/**
 * Merges `fromId` into `intoId`: identities, tags and notes joined, every touch moved, the
 * summary recomputed, the merged-away contact deleted; one transaction, so nothing is lost.
 */
export async function mergeContacts(
  db: LastImpressionDb,
  intoId: string,
  fromId: string,
  now: number,
): Promise<Result<Contact>> {
  if (intoId === fromId) return { ok: false, error: 'Pick two different contacts to merge' };
  return db.transaction(
    'rw',
    [db.contacts, db.touchMonths, db.touchIds, db.meta, ...newsTables(db), ...reviewTables(db)],
    async () => {
      const [into, from] = await Promise.all([db.contacts.get(intoId), db.contacts.get(fromId)]);
      if (!into || !from)
        return { ok: false as const, error: 'One of the contacts no longer exists' };
      const moved = await removeTouches(db, await touchIdsOf(db, fromId));
      await putTouches(
        db,
        moved.map((t) => ({ ...t, contactId: intoId, updatedAt: now })),
        'new-ids',
      );
      await moveContactNews(db, fromId, intoId);
      // The contact merged into wins where both say something; notes are kept from both.
      const fields = mergeFields(pickFields(into), pickFields(from), 'existing');
      const notes = [into.notes, from.notes].filter(Boolean).join('\n\n');
      const joined: Contact = withFields(into, { ...fields, ...(notes ? { notes } : {}) });
      await db.contacts.delete(fromId);
      // The touches moved keep their times and outcomes, so the tallies stand; the episodes
      // are the merged contact's now, recomputed over both histories.
      await replaceEpisodes(db, [{ contactId: fromId, before: from.repairMonths, episodes: [] }]);
      const merged = await recomputeContact(db, joined, await getSettings(db), now);
      return { ok: true as const, value: merged };
    },
  );
}

/**
 * Snooze until `until`, or dismiss until the next touch. Checked here, where the write happens,
 * so every caller is bound: a snooze ends within a year, and both times are instants.
 * Throws on a refused change; the background turns that into an error answer.
 */
export async function setNudgeState(
  db: LastImpressionDb,
  contactId: string,
  change: { snoozedUntil: number } | { dismissedAt: number },
  now: number,
): Promise<Contact | undefined> {
  const checked = v.safeParse(nudgeChangeSchema(now), change);
  if (!checked.success) throw new Error(describeIssues(checked.issues));
  return db.transaction('rw', db.contacts, db.meta, async () => {
    const contact = await db.contacts.get(contactId);
    if (!contact) return undefined;
    // A new version of the record: a view drawn from it replaces the one before.
    const next: Contact = { ...contact, ...change, updatedAt: now };
    Object.assign(next, nudgeIndex(next, await getSettings(db)));
    await db.contacts.put(next);
    return next;
  });
}
