import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { Contact, Touch } from '../model';

export interface MetaRecord {
  key: 'settings' | 'lastExportAt' | 'lastDigestDay';
  value: unknown;
}

export const DB_NAME = 'last-impression';

/**
 * The one database. It lives in the extension's origin only: the background and extension
 * pages open it; content scripts ask the background (see lib/messaging.ts).
 */
export class LastImpressionDb extends Dexie {
  contacts!: EntityTable<Contact, 'id'>;
  touches!: EntityTable<Touch, 'id'>;
  meta!: EntityTable<MetaRecord, 'key'>;

  constructor(name: string = DB_NAME, options?: DexieOptions) {
    super(name, options);
    // Version 1: identities is multi-entry so any email or LinkedIn path finds its contact;
    // dueAt lets the nudge scan read only due contacts; [contactId+at] serves timelines.
    this.version(1).stores({
      contacts: 'id, *identities, name, dueAt, lastTouchAt, updatedAt',
      touches: 'id, contactId, [contactId+at], at',
      meta: 'key',
    });
  }
}

let instance: LastImpressionDb | undefined;

/** The shared instance for the background and extension pages. */
export function getDb(): LastImpressionDb {
  instance ??= new LastImpressionDb();
  return instance;
}
