import type { LastImpressionDb } from './database';

/** A contact found by name, company, email or LinkedIn path. */
export interface ContactHit {
  id: string;
  name: string;
  company?: string;
  emails: string[];
  linkedin: string[];
}

const SEARCH_LIMIT = 10;
const MAX_QUERY = 200;

export async function searchContacts(db: LastImpressionDb, query: string): Promise<ContactHit[]> {
  const q = query.trim().toLowerCase().slice(0, MAX_QUERY);
  if (!q) return [];
  const found = await db.contacts
    .filter(
      (c) =>
        c.name.toLowerCase().includes(q) ||
        (c.company?.toLowerCase().includes(q) ?? false) ||
        c.emails.some((e) => e.includes(q)) ||
        c.linkedin.some((l) => l.toLowerCase().includes(q)),
    )
    .limit(SEARCH_LIMIT)
    .toArray();
  return found.map((c) => ({
    id: c.id,
    name: c.name,
    emails: c.emails,
    linkedin: c.linkedin,
    ...(c.company ? { company: c.company } : {}),
  }));
}
