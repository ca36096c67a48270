import type { SiteId } from '../messages';
import { GMAIL_HOST } from './gmail-site';
import { LINKEDIN_HOST } from './linkedin-site';
import type { HostDefinition } from './site';

/** Every host site the extension works on; each also has one content-script entry point. */
export const HOSTS: Readonly<Record<SiteId, HostDefinition>> = {
  gmail: GMAIL_HOST,
  linkedin: LINKEDIN_HOST,
};
