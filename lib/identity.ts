/**
 * Identity keys as stored in the multi-entry `identities` index. Kept free of valibot so the
 * content scripts and host readers can use the very same functions as the database.
 */

/** `email:<addr>` or `linkedin:/in/<slug>`. */
export type IdentityKey = `email:${string}` | `linkedin:${string}`;

export interface IdentityRef {
  kind: 'email' | 'linkedin';
  value: string;
}

/*
 * An email address as people really have them: the local part is RFC 5322's dot-atom, so
 * o'brien@, first.last+tag@ and ops&sales@ pass (valibot's `email()` refuses the apostrophe
 * and most other characters the RFC allows); the domain is dotted labels ending in a name of
 * two letters or more, as a mailbox needs. Letters and digits include non-Latin ones.
 */
const ATEXT = "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+";
const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?';
export const EMAIL_ADDRESS = new RegExp(
  `^${ATEXT}(?:\\.${ATEXT})*@(?:${LABEL}\\.)+(?:\\p{L}{2,}|xn--[a-z0-9-]{1,59})$`,
  'iu',
);

/** Vanity slugs are case-insensitive; id-style ones (`ACoA…`) are not. */
export function normalizeLinkedinPath(path: string): string {
  const slug = path.replace(/^\/in\//, '').replace(/\/+$/, '');
  return /^ACoA/.test(slug) ? `/in/${slug}` : `/in/${slug.toLowerCase()}`;
}

export function emailKey(email: string): IdentityKey {
  return `email:${email.trim().toLowerCase()}`;
}

export function linkedinKey(path: string): IdentityKey {
  return `linkedin:${normalizeLinkedinPath(path)}`;
}

export function identityKeys(c: {
  emails: readonly string[];
  linkedin: readonly string[];
}): IdentityKey[] {
  return [...c.emails.map(emailKey), ...c.linkedin.map(linkedinKey)];
}

export function identityToKey(id: IdentityRef): IdentityKey {
  return id.kind === 'email' ? emailKey(id.value) : linkedinKey(id.value);
}
