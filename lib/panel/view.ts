import type { Contact, Settings, Touch } from '../model';

/** What the panel draws for one stored contact; the rules are applied where `now` is known. */
export interface ContactView {
  contact: Contact;
  recent: Touch[];
  settings: Settings;
}

/** Keyed by identity key: null when nobody is stored under it. */
export type Views = Record<string, ContactView | null>;
