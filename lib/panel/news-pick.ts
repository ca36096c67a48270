import { findContactByIdentity } from '../db/contacts';
import type { LastImpressionDb } from '../db/database';
import { contactNews } from '../db/panel-news';
import { getSettings } from '../db/settings';
import type { IdentityKey } from '../identity';
import { nudgeFor } from '../impressions';
import type { Person } from '../messages';
import type { NewsPick } from './store';

/**
 * The news a positive touch with "I brought good news" shared: the rep's answer to "Which
 * news?" for this person, else what the question preselects (the item the nudge names, else
 * the newest they have not heard). Read at log time, so a keyboard-shortcut log with the drawer
 * closed counts the same news the drawer shows.
 */
export async function newsIdToLog(
  db: LastImpressionDb,
  person: Person,
  pick: NewsPick | null,
  now: number,
): Promise<string | undefined> {
  if (pick?.key === person.key) return pick.id ?? undefined;
  const contact = await findContactByIdentity(db, person.key as IdentityKey);
  if (!contact) return undefined;
  const nudge = nudgeFor(contact, await getSettings(db), now);
  return (await contactNews(db, contact, nudge)).preselected;
}
