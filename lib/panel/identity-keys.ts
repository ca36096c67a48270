import type { PanelIdentity } from './screen';

// Kept in step with emailKey/linkedinKey in lib/model.ts, which cannot be imported here
// without pulling valibot into the content bundle.
export function panelIdentityKey(identity: PanelIdentity): string {
  if (identity.kind === 'email') return `email:${identity.value.trim().toLowerCase()}`;
  return `linkedin:${normalizePath(identity.value)}`;
}

function normalizePath(path: string): string {
  const slug = path.replace(/^\/in\//, '').replace(/\/+$/, '');
  return /^ACoA/.test(slug) ? `/in/${slug}` : `/in/${slug.toLowerCase()}`;
}

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/u;
const LINKEDIN_PATH = /^\/in\/[^/?#\s]{1,200}$/u;

/** Drops what the background would refuse, so one odd address cannot void a whole watch. */
export function isAcceptableIdentity(identity: PanelIdentity): boolean {
  if (identity.kind === 'email') return identity.value.length <= 320 && EMAIL.test(identity.value);
  return LINKEDIN_PATH.test(identity.value);
}
