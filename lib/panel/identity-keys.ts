import type { PanelIdentity } from './screen';

// Kept in step with emailKey/linkedinKey in lib/model.ts: importing those values drags part
// of valibot into the content bundle (model.ts builds schemas at module level).
export function panelIdentityKey(identity: PanelIdentity): string {
  if (identity.kind === 'email') return `email:${identity.value.trim().toLowerCase()}`;
  const slug = identity.value.replace(/^\/in\//, '').replace(/\/+$/, '');
  return `linkedin:${/^ACoA/.test(slug) ? `/in/${slug}` : `/in/${slug.toLowerCase()}`}`;
}

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/u;
const LINKEDIN_PATH = /^\/in\/[^/?#\s]{1,200}\/*$/u;

/** Drops what the background would refuse, so one odd address cannot void a whole watch. */
export function isAcceptableIdentity(identity: PanelIdentity): boolean {
  if (identity.kind === 'email') return identity.value.length <= 320 && EMAIL.test(identity.value);
  return LINKEDIN_PATH.test(identity.value);
}
