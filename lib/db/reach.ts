import { reachFromUrl, type PageReach } from '../compose/urls';
import type { LastImpressionDb } from './database';

/** Where the rep last wrote to a contact: the Gmail account and thread, or a LinkedIn chat. */
export interface ReachRecord extends PageReach {
  contactId: string;
  /** When that page was seen (the touch's time), so an older log never overwrites a newer one. */
  at: number;
}

/**
 * Remembers the account and thread of the page a touch was logged on. Call it inside the
 * touch's transaction (the table is `db.reach`); a page address that says nothing is ignored.
 */
export async function rememberPage(
  db: LastImpressionDb,
  contactId: string,
  pageUrl: string | undefined,
  at: number,
): Promise<void> {
  if (!pageUrl) return;
  const seen = reachFromUrl(pageUrl);
  if (Object.keys(seen).length === 0) return;
  const stored = await db.reach.get(contactId);
  if (stored && stored.at > at) return;
  // A LinkedIn page says nothing about Gmail and the reverse: keep what the other one knew.
  const gmail = seen.gmailAccount !== undefined;
  const next: ReachRecord = {
    ...(stored ?? {}),
    contactId,
    at,
    ...(gmail ? { gmailAccount: seen.gmailAccount } : {}),
    ...(seen.linkedinThreadUrl ? { linkedinThreadUrl: seen.linkedinThreadUrl } : {}),
  };
  if (gmail) {
    if (seen.gmailThreadUrl) next.gmailThreadUrl = seen.gmailThreadUrl;
    else delete next.gmailThreadUrl;
  }
  await db.reach.put(next);
}

export function reachOf(db: LastImpressionDb, contactId: string): Promise<ReachRecord | undefined> {
  return db.reach.get(contactId);
}
