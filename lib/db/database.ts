import Dexie, { type DexieOptions, type EntityTable, type Table } from 'dexie';
import { nudgeIndex } from '../impressions';
import type { Contact } from '../model';
import type { NewsItem, ToldRecord } from '../news/types';
import { moveTouchesIntoMonths } from './migrate-v3';
import { flattenIdShards } from './migrate-v5';
import { monthsToColumns } from './migrate-v6';
import { buildReviewStore } from './migrate-v7';
import { moveRunningIntoShards } from './migrate-v8';
import type { MonthKey, TouchIdShard, TouchMonth } from './months';
import type { ReachRecord } from './reach';
import type { RepairMonth, TallyMonth } from './review-store';
import type { RunningShard } from './running';
import { settingsFrom } from './settings';

export interface MetaRecord {
  key:
    | 'settings'
    | 'lastExportAt'
    | 'lastDigestDay'
    | 'compose'
    | 'digestWrite'
    | 'weeklyBackup'
    | 'weeklyBackupLog';
  value: unknown;
}

export const DB_NAME = 'last-impression';

/**
 * The one database. It lives in the extension's origin only: the background and extension
 * pages open it; content scripts ask the background (see lib/messaging.ts).
 */
export class LastImpressionDb extends Dexie {
  contacts!: EntityTable<Contact, 'id'>;
  touchMonths!: Table<TouchMonth, MonthKey>;
  touchIds!: EntityTable<TouchIdShard, 'shard'>;
  meta!: EntityTable<MetaRecord, 'key'>;
  news!: EntityTable<NewsItem, 'id'>;
  told!: EntityTable<ToldRecord, 'touchId'>;
  reach!: EntityTable<ReachRecord, 'contactId'>;
  repairs!: Table<RepairMonth, number>;
  touchTallies!: Table<TallyMonth, number>;
  running!: Table<RunningShard, number>;

  constructor(name: string = DB_NAME, options?: DexieOptions) {
    super(name, options);
    // Version 1: identities is multi-entry so any email or LinkedIn path finds its contact;
    // dueAt lets the nudge scan read only due contacts; [contactId+at] serves timelines.
    this.version(1).stores({
      contacts: 'id, *identities, name, dueAt, lastTouchAt, updatedAt',
      touches: 'id, contactId, [contactId+at], at',
      meta: 'key',
    });
    // Version 2: nudgeRank orders the due list in the index, so the popup reads only its top
    // entries. Indexes nothing queries are gone: [contactId+at] also answers contactId alone,
    // and every index costs time on each of a large import's touches.
    this.version(2)
      .stores({
        contacts: 'id, *identities, dueAt, nudgeRank',
        touches: 'id, [contactId+at], at',
        meta: 'key',
      })
      .upgrade(async (tx) => {
        const settings = settingsFrom(
          (await tx.table<MetaRecord, string>('meta').get('settings'))?.value,
        );
        await tx
          .table<Contact, string>('contacts')
          .toCollection()
          .modify((contact) => {
            Object.assign(contact, nudgeIndex(contact, settings));
          });
      });
    // Version 3: touches live in one record per contact and month (see months.ts), found by id
    // through the touchIds directory. The move runs in the upgrade's one transaction: a page
    // closed halfway aborts it and leaves version 2 whole, and the next open starts again.
    this.version(3)
      .stores({
        touches: null,
        touchMonths: '[contactId+month], month',
        touchIds: 'shard',
      })
      .upgrade(moveTouchesIntoMonths);
    // Version 4: the good-news bank. Only the new tables are named, so the versions before
    // keep their say over contacts and the touch store. `told` holds one row per touch that
    // shared an item, [newsId+contactId] answers "who was told" and contactId "what was this one told";
    // `reach` remembers the Gmail account and thread last used with a contact.
    this.version(4).stores({
      news: 'id',
      told: 'touchId, [newsId+contactId], contactId',
      reach: 'contactId',
    });
    // Version 5: the id directory's shards hold two arrays of strings instead of an object
    // with an entry per touch, which made a big import spend half its time copying them.
    this.version(5).stores({}).upgrade(flattenIdShards);
    // Version 6: a record holds its touches as columns (see month-columns.ts), which IndexedDB
    // copies far faster than an array of objects, and may cover several months (months.ts), so
    // the index a week is read through lists the months each record holds.
    this.version(6).stores({ touchMonths: '[contactId+month], *months' }).upgrade(monthsToColumns);
    // Version 7: the review's figures, kept as touches are written (see review-store.ts): the
    // episodes repaired in each UTC month, each month's touch tallies, and the contacts whose
    // withdrawal still runs, indexed by its start. Built from the touches in the upgrade's one
    // transaction, so a page closed halfway leaves the version before whole.
    this.version(7)
      .stores({
        contacts: 'id, *identities, dueAt, nudgeRank, withdrawal.start.at',
        repairs: 'month',
        touchTallies: 'month',
      })
      .upgrade(buildReviewStore);
    // Version 8: the withdrawals still running move from their contacts' records into 32 shards
    // (running.ts): the Review read 2,000 whole contacts through the index to find them, where
    // it now reads a few dozen small records.
    this.version(8)
      .stores({ contacts: 'id, *identities, dueAt, nudgeRank', running: 'shard' })
      .upgrade(moveRunningIntoShards);
  }
}

let instance: LastImpressionDb | undefined;

/** The tables every write of touches keeps in step with them (see review-store.ts). */
export function reviewTables(db: LastImpressionDb) {
  return [db.repairs, db.touchTallies, db.running];
}

/** The shared instance for the background and extension pages. */
export function getDb(): LastImpressionDb {
  instance ??= new LastImpressionDb();
  return instance;
}
