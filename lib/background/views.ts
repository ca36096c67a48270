import { findContactByIdentity } from '../db/contacts';
import type { LastImpressionDb } from '../db/database';
import { getSettings } from '../db/settings';
import { recentTouches } from '../db/touches';
import type { Contact, IdentityKey } from '../model';
import type { ContactView } from '../messaging';

export const RECENT_TOUCHES = 5;

export async function viewOf(db: LastImpressionDb, contact: Contact): Promise<ContactView> {
  const [recent, settings] = await Promise.all([
    recentTouches(db, contact.id, RECENT_TOUCHES),
    getSettings(db),
  ]);
  return { contact, recent, settings };
}

export async function viewByKey(
  db: LastImpressionDb,
  key: IdentityKey,
): Promise<ContactView | null> {
  const contact = await findContactByIdentity(db, key);
  return contact ? viewOf(db, contact) : null;
}

export async function viewById(db: LastImpressionDb, id: string): Promise<ContactView | null> {
  const contact = await db.contacts.get(id);
  return contact ? viewOf(db, contact) : null;
}
