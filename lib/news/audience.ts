import type { Contact } from '../model';
import type { AudienceEntry, NewsItem } from './types';

type AudienceContact = Pick<Contact, 'id' | 'company' | 'tags'>;

const fold = (text: string) => text.trim().toLocaleLowerCase();

/**
 * Whether a contact is in an item's audience: named one by one, or their company or one of
 * their tags equals an entry, whatever the letter case. Whole values only: "Acme" does not
 * match "Acme Logistics", so news never reaches a stranger by accident.
 */
export function inAudience(contact: AudienceContact, audience: readonly AudienceEntry[]): boolean {
  const company = contact.company ? fold(contact.company) : undefined;
  const tags = contact.tags.map(fold);
  return audience.some((entry) => {
    if (entry.kind === 'contact') return entry.id === contact.id;
    if (entry.kind === 'company') return company !== undefined && fold(entry.value) === company;
    return tags.includes(fold(entry.value));
  });
}

/** The contacts an item matches, in the order given. */
export function audienceOf<C extends AudienceContact>(
  item: Pick<NewsItem, 'audience'>,
  contacts: readonly C[],
): C[] {
  return contacts.filter((c) => inAudience(c, item.audience));
}

/** The items a contact is in the audience of, newest first: what a "which news?" choice offers. */
export function newsOfContact<N extends Pick<NewsItem, 'audience' | 'day' | 'createdAt'>>(
  contact: AudienceContact,
  items: readonly N[],
): N[] {
  return newestFirst(items.filter((item) => inAudience(contact, item.audience)));
}

/** By the day the news happened, then by when it was recorded. */
export function newestFirst<N extends Pick<NewsItem, 'day' | 'createdAt'>>(
  items: readonly N[],
): N[] {
  return [...items].sort(
    (a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0) || b.createdAt - a.createdAt,
  );
}

type Named = Pick<Contact, 'id' | 'name' | 'emails' | 'company' | 'tags'>;

export type AudienceParse = { ok: true; audience: AudienceEntry[] } | { ok: false; error: string };

/**
 * Reads the "Who would care" field: entries separated by commas, semicolons or new lines.
 * `#tag` or `tag: x` is a tag, `company: x` a company, an address or a stored contact's full
 * name is that contact; any other word is a company when a contact works there, else a tag
 * when a contact carries it, else a company to come (news can wait for its first customer).
 */
export function parseAudience(text: string, contacts: readonly Named[]): AudienceParse {
  const audience: AudienceEntry[] = [];
  const seen = new Set<string>();
  const push = (entry: AudienceEntry) => {
    const key = entry.kind === 'contact' ? `c:${entry.id}` : `${entry.kind}:${fold(entry.value)}`;
    if (seen.has(key)) return;
    seen.add(key);
    audience.push(entry);
  };
  const terms = text
    .split(/[,;\n]/u)
    .map((t) => t.trim())
    .filter(Boolean);
  for (const term of terms) {
    const prefixed = /^(tag|company|contact)\s*:\s*(.+)$/iu.exec(term);
    const kind = prefixed?.[1]?.toLowerCase();
    const value = (prefixed?.[2] ?? term).trim();
    if (term.startsWith('#') && term.length > 1) {
      push({ kind: 'tag', value: term.slice(1).trim() });
      continue;
    }
    if (kind === 'tag' || kind === 'company') {
      push({ kind, value });
      continue;
    }
    const people = contactsNamed(value, contacts);
    if (people.length > 0) {
      for (const c of people) push({ kind: 'contact', id: c.id });
      continue;
    }
    if (kind === 'contact' || value.includes('@')) {
      return { ok: false, error: `Who would care: no stored contact is "${value}".` };
    }
    const folded = fold(value);
    const isTag =
      !contacts.some((c) => c.company !== undefined && fold(c.company) === folded) &&
      contacts.some((c) => c.tags.some((t) => fold(t) === folded));
    push({ kind: isTag ? 'tag' : 'company', value });
  }
  return { ok: true, audience };
}

function contactsNamed(value: string, contacts: readonly Named[]): Named[] {
  const folded = fold(value);
  if (value.includes('@')) return contacts.filter((c) => c.emails.includes(folded));
  return contacts.filter((c) => fold(c.name) === folded);
}

/**
 * The audience written back as the field reads it, so an edit shows what was saved: contacts
 * by name (by address when two share the name), companies and tags with their prefix.
 */
export function formatAudience(
  audience: readonly AudienceEntry[],
  contacts: readonly Pick<Contact, 'id' | 'name' | 'emails'>[],
): string {
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const nameCount = new Map<string, number>();
  for (const c of contacts) nameCount.set(fold(c.name), (nameCount.get(fold(c.name)) ?? 0) + 1);
  return audience
    .map((entry) => {
      if (entry.kind === 'tag') return `#${entry.value}`;
      if (entry.kind === 'company') return `company: ${entry.value}`;
      const c = byId.get(entry.id);
      if (!c) return '';
      const shared = (nameCount.get(fold(c.name)) ?? 0) > 1;
      return shared && c.emails[0] ? c.emails[0] : c.name;
    })
    .filter(Boolean)
    .join(', ');
}
