import type { PanelIdentity } from '../messages';

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/u;
const LINKEDIN_PATH = /^\/in\/[^/?#\s]{1,200}\/*$/u;

/** Drops what the background would refuse, so one odd address cannot void a whole watch. */
export function isAcceptableIdentity(identity: PanelIdentity): boolean {
  if (identity.kind === 'email') return identity.value.length <= 320 && EMAIL.test(identity.value);
  return LINKEDIN_PATH.test(identity.value);
}
