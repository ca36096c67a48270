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
