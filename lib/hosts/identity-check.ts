import { EMAIL_REGEX } from 'valibot';
import type { PanelIdentity } from '../messages';

const LINKEDIN_PATH = /^\/in\/[^/?#\s]{1,200}\/*$/u;

/**
 * Drops what the background would refuse, so one odd address cannot void a whole watch. The
 * email test is the very pattern the background's schema applies (valibot's `email()`), after
 * the same trim, so the two cannot drift apart.
 */
export function isAcceptableIdentity(identity: PanelIdentity): boolean {
  if (identity.kind === 'email') {
    const value = identity.value.trim();
    return value.length <= 320 && EMAIL_REGEX.test(value);
  }
  return LINKEDIN_PATH.test(identity.value);
}
