import { ContactFieldsSchema, identityKeys, type Contact, type ContactFields } from './model';

/*
 * The one mapper for a contact's own fields, between the database, a backup, a form and a
 * merge. It goes by the keys of ContactFieldsSchema, read at each call, so a field added to the
 * schema is stored, edited, exported, imported and merged with no other change.
 */

/** Fields that hold a list: an import or a merge joins them, an edit replaces them. */
const LISTS: ReadonlySet<string> = new Set(['emails', 'linkedin', 'tags']);

const fieldKeys = (): string[] => Object.keys(ContactFieldsSchema.entries);

/** Nothing said: an empty text or a `false` flag is stored as no field at all. */
const isSet = (value: unknown) => value !== undefined && value !== '' && value !== false;

const unique = <T>(items: readonly T[]) => [...new Set(items)];

/** A contact's own fields, from a stored contact or a backup record alike. */
export function pickFields(record: object): ContactFields {
  const source = record as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  for (const key of fieldKeys()) {
    const value = source[key];
    if (isSet(value)) fields[key] = Array.isArray(value) ? unique(value) : value;
  }
  fields.emails ??= [];
  fields.linkedin ??= [];
  return fields as ContactFields;
}

/**
 * `contact` with its own fields replaced by `fields` (a field left out is cleared) and its
 * identities recomputed; everything else it stores (summary, snooze, times) is kept.
 */
export function withFields<T extends object>(
  contact: T,
  fields: ContactFields,
): Omit<T, keyof ContactFields> & ContactFields & Pick<Contact, 'tags' | 'identities'> {
  const next: Record<string, unknown> = { ...(contact as Record<string, unknown>) };
  for (const key of fieldKeys()) delete next[key];
  const own = pickFields(fields);
  Object.assign(next, own, { tags: own.tags ?? [] });
  next.identities = identityKeys({ emails: own.emails, linkedin: own.linkedin });
  return next as Omit<T, keyof ContactFields> &
    ContactFields &
    Pick<Contact, 'tags' | 'identities'>;
}

/**
 * One person's fields from two records: lists joined, `existing`'s first (its first address
 * stays the one written to), and for the rest the record that `wins` where it says something,
 * else the other. An import folds a file's contact into the stored one with the file winning;
 * a merge keeps the contact merged into.
 */
export function mergeFields(
  existing: ContactFields | undefined,
  incoming: ContactFields,
  wins: 'incoming' | 'existing' = 'incoming',
): ContactFields {
  if (!existing) return pickFields(incoming);
  const a = pickFields(existing) as Record<string, unknown>;
  const b = pickFields(incoming) as Record<string, unknown>;
  const [first, second] = wins === 'incoming' ? [b, a] : [a, b];
  const merged: Record<string, unknown> = {};
  for (const key of fieldKeys()) {
    if (LISTS.has(key)) {
      merged[key] = unique([...((a[key] as unknown[]) ?? []), ...((b[key] as unknown[]) ?? [])]);
    } else if (isSet(first[key]) || isSet(second[key])) {
      merged[key] = isSet(first[key]) ? first[key] : second[key];
    }
  }
  return merged as ContactFields;
}
