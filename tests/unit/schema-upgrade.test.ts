import Dexie from 'dexie';
import { IDBCursor, IDBFactory, IDBKeyRange, IDBObjectStore } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { findContactByIdentity } from '../../lib/db/contacts';
import { LastImpressionDb } from '../../lib/db/database';
import { settingsFrom } from '../../lib/db/settings';
import { addNews, newsStandings } from '../../lib/db/news';
import { logTouch, recentTouches } from '../../lib/db/touches';
import { nudgeIndex } from '../../lib/impressions';
import type { Contact } from '../../lib/model';
import { allTouches, getTouch, timelineOf } from '../../lib/db/queries';
import { episodesOfMonth } from '../../lib/db/review-store';
import { episodesOfShard } from '../../lib/db/running';
import { episodesOf, type Episode, type ReviewTouch } from '../../lib/review';

const DAY = 24 * 3600 * 1000;
const T0 = Date.UTC(2025, 10, 3, 9);

type Row = Record<string, unknown>;
interface OldData {
  contacts: Row[];
  touches: Row[];
  meta: Row[];
}

/**
 * One row per schema version ever shipped: its store definitions exactly as they were (never
 * import them from lib/db, which moves on), records in that version's shape, and what each
 * record must look like after the upgrade. Each new version adds a row here.
 */
interface HistoricalVersion {
  version: number;
  stores: Record<string, string>;
  write: () => OldData;
  expectAfter: (old: OldData) => OldData;
}

function contactV1(n: number, name: string, emails: string[], linkedin: string[]): Row {
  return {
    id: `00000001-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
    name,
    emails,
    linkedin,
    identities: [...emails.map((e) => `email:${e}`), ...linkedin.map((l) => `linkedin:${l}`)],
    tags: n % 2 ? ['customer'] : [],
    ...(n % 3 === 0 ? { company: 'Acme — ☃' } : {}),
    ...(n % 4 === 0 ? { notes: '<script>alert(1)</script>\n'.repeat(3) } : {}),
    ...(n % 5 === 0 ? { cadenceDays: 7, excludeFromNudges: true } : {}),
    touchCount: 2,
    lastTouchAt: T0 + n * DAY,
    lastOutcome: 'positive',
    lastPositiveAt: T0 + n * DAY,
    goodwillAtLastTouch: 1.5,
    halfLifeDays: 30,
    dueAt: T0 + (n + 14) * DAY,
    createdAt: T0,
    updatedAt: T0 + n * DAY,
  };
}

/** The same people, touches and settings in every version's shape. */
function sampleV1(): OldData {
  const contacts = [
    contactV1(1, 'Ada Lovelace', ['ada@example.com'], []),
    contactV1(2, 'محمد عبد الله', ['m.abdallah+crm@example.org'], ['/in/mabdallah']),
    contactV1(3, '👩‍💻 Zoë 李', [], ['/in/ACoAABcdEfGh']),
    contactV1(4, 'Grace Hopper', ['grace@navy.mil', 'g.hopper@example.com'], []),
    contactV1(5, 'Bobby Tables"); DROP TABLE contacts;--', ['bobby@example.com'], []),
  ];
  const touches: Row[] = contacts.flatMap((c, i) =>
    [0, 1].map((k) => ({
      id: `00000002-0000-4000-8000-${(i * 2 + k).toString(16).padStart(12, '0')}`,
      contactId: c.id,
      at: T0 + (i + 1) * DAY - k * DAY,
      channel: ['email', 'call', 'meeting', 'linkedin', 'other'][(i + k) % 5],
      outcome: k ? 'negative' : 'positive',
      ...(k ? { note: 'x'.repeat(10_000) } : { goodNews: true }),
      source: ['gmail', 'linkedin', 'dashboard', 'popup', 'import'][i % 5],
      createdAt: T0,
      updatedAt: T0,
    })),
  );
  // Mohammed's last impression went negative again, then neutral: a withdrawal still runs.
  const mohammed = contacts[1]!;
  const late = (h: number) => (mohammed.lastTouchAt as number) + h * 3600_000;
  touches.push(
    {
      id: '00000002-0000-4000-8000-0000000000a0',
      contactId: mohammed.id,
      at: late(1),
      channel: 'call',
      outcome: 'negative',
      note: 'Invoice sent twice — apologise',
      source: 'dashboard',
      createdAt: late(1),
      updatedAt: late(1),
    },
    {
      id: '00000002-0000-4000-8000-0000000000a1',
      contactId: mohammed.id,
      at: late(2),
      channel: 'email',
      outcome: 'neutral',
      source: 'gmail',
      createdAt: late(2),
      updatedAt: late(2),
    },
  );
  Object.assign(mohammed, { touchCount: 4, lastTouchAt: late(2), lastOutcome: 'neutral' });
  const meta = [
    {
      key: 'settings',
      value: {
        defaultCadenceDays: 21,
        halfLifeDays: 30,
        digestMinutes: 480,
        digestWeekends: true,
        notifications: false,
        ignoredDomains: ['example.net'],
        ownAddresses: ['me@example.com'],
      },
    },
    { key: 'lastExportAt', value: T0 - DAY },
  ];
  return { contacts, touches, meta };
}

/** What the rules derive for the nudge index, under the settings stored with the data. */
function withNudgeIndex(old: OldData): OldData {
  const settings = settingsFrom(old.meta.find((m) => m.key === 'settings')?.value);
  return {
    ...old,
    contacts: old.contacts.map((c) => ({
      ...c,
      ...nudgeIndex(c as unknown as Contact, settings),
    })),
  };
}

/**
 * Version 7 built the review's store: each sample contact's negative touch came a day before its
 * positive one, so each has one withdrawal repaired in the month of that positive touch.
 */
function withRepairMonths(old: OldData): OldData {
  return {
    ...old,
    contacts: old.contacts.map((c) => {
      const repair = old.touches.find((t) => t.contactId === c.id && t.outcome === 'positive');
      const d = new Date(repair!.at as number);
      return { ...c, repairMonths: [(d.getUTCFullYear() - 1970) * 12 + d.getUTCMonth()] };
    }),
  };
}

/** The withdrawal still running in the sample: Mohammed's, as `episodesOf` gives it. */
function runningInSample(old: OldData): Episode[] {
  const mohammed = old.contacts[1]!;
  return episodesOf(
    old.touches.filter((t) => t.contactId === mohammed.id) as unknown as ReviewTouch[],
  ).filter((e) => !e.repair);
}

/** Version 7 kept a running withdrawal in its contact's record; version 8 moved it out. */
function withRunningInContacts(old: OldData): OldData {
  const running = new Map(runningInSample(old).map((e) => [e.contactId, e]));
  return {
    ...old,
    contacts: old.contacts.map((c) => {
      const withdrawal = running.get(c.id as string);
      return withdrawal ? { ...c, withdrawal } : c;
    }),
  };
}

/** Version 4's stores, as it shipped; version 5 kept them and changed a record's shape. */
const STORES_V4 = {
  contacts: 'id, *identities, dueAt, nudgeRank',
  touchMonths: '[contactId+month], month',
  touchIds: 'shard',
  meta: 'key',
  news: 'id',
  told: 'touchId, [newsId+contactId], contactId',
  reach: 'contactId',
};

/** Version 6's: a month record lists the months it holds, the index a week is read through. */
const STORES_V6 = { ...STORES_V4, touchMonths: '[contactId+month], *months' };

/** Version 7's: the review's store, running withdrawals indexed in their contacts' records. */
const STORES_V7 = {
  ...STORES_V6,
  contacts: 'id, *identities, dueAt, nudgeRank, withdrawal.start.at',
  repairs: 'month',
  touchTallies: 'month',
};

/** Version 8's: running withdrawals in shards of their own. */
const STORES_V8 = {
  ...STORES_V7,
  contacts: 'id, *identities, dueAt, nudgeRank',
  running: 'shard',
};

const HISTORY: HistoricalVersion[] = [
  {
    version: 1,
    stores: {
      contacts: 'id, *identities, name, dueAt, lastTouchAt, updatedAt',
      touches: 'id, contactId, [contactId+at], at',
      meta: 'key',
    },
    write: sampleV1,
    // Version 2 added nudgeRank and re-derived dueAt with the stored settings.
    expectAfter: (old) => withRepairMonths(withNudgeIndex(old)),
  },
  {
    version: 2,
    stores: {
      contacts: 'id, *identities, dueAt, nudgeRank',
      touches: 'id, [contactId+at], at',
      meta: 'key',
    },
    write: () => withNudgeIndex(sampleV1()),
    // Version 3 moved each touch into its contact's month record, whole.
    expectAfter: withRepairMonths,
  },
  {
    version: 3,
    stores: {
      contacts: 'id, *identities, dueAt, nudgeRank',
      touchMonths: '[contactId+month], month',
      touchIds: 'shard',
      meta: 'key',
    },
    write: () => withNudgeIndex(sampleV1()),
    // Version 4 only added tables (news, told, reach): every record stays as it was.
    expectAfter: withRepairMonths,
  },
  {
    version: 4,
    stores: STORES_V4,
    write: () => withNudgeIndex(sampleV1()),
    // Version 5 only rewrote the id directory's shards: every record stays as it was.
    expectAfter: withRepairMonths,
  },
  {
    version: 5,
    // The same stores as version 4; its id-directory shards are two arrays (monthRecords).
    stores: STORES_V4,
    write: () => withNudgeIndex(sampleV1()),
    // Version 6 only turned each month's touches into columns: every touch reads as it was.
    expectAfter: withRepairMonths,
  },
  {
    version: 6,
    // A record's touches are columns and it may cover several months, listed in `months`.
    stores: STORES_V6,
    write: () => withNudgeIndex(sampleV1()),
    // Version 7 built the review's store from the touches.
    expectAfter: withRepairMonths,
  },
  {
    version: 7,
    // The review's store: repaired withdrawals and touch tallies by month, running ones indexed.
    stores: STORES_V7,
    write: () => withRunningInContacts(withRepairMonths(withNudgeIndex(sampleV1()))),
    // Version 8 moved the running withdrawals into the `running` shards.
    expectAfter: withoutRunning,
  },
  {
    version: 8,
    // Running withdrawals in shards of their own; the contacts' index on them gone.
    stores: STORES_V8,
    write: () => withRepairMonths(withNudgeIndex(sampleV1())),
    expectAfter: (old) => old,
  },
];

function withoutRunning(old: OldData): OldData {
  return {
    ...old,
    contacts: old.contacts.map((c) => {
      const next = { ...c };
      delete next.withdrawal;
      return next;
    }),
  };
}

const CHANNELS_V6 = ['email', 'call', 'meeting', 'linkedin', 'other'];
const OUTCOMES_V6 = ['positive', 'neutral', 'negative'];
const SOURCES_V6 = ['gmail', 'linkedin', 'dashboard', 'popup', 'import'];

/** A month record as version 6 stores it: columns, three times and four codes per touch. */
function columnsV6(m: { contactId: unknown; month: number; touches: Row[] }): Row {
  const n = m.touches.length;
  const times = new Float64Array(n * 3);
  const codes = new Uint8Array(n * 4);
  m.touches.forEach((t, i) => {
    times.set([t.at as number, t.createdAt as number, t.updatedAt as number], i * 3);
    codes.set(
      [
        CHANNELS_V6.indexOf(t.channel as string),
        OUTCOMES_V6.indexOf(t.outcome as string),
        SOURCES_V6.indexOf(t.source as string),
        t.goodNews ? 1 : 0,
      ],
      i * 4,
    );
  });
  return {
    contactId: m.contactId,
    month: m.month,
    months: [m.month],
    ids: m.touches.map((t) => t.id),
    times,
    codes,
    notes: m.touches.map((t) => t.note ?? ''),
    newsIds: m.touches.map((t) => t.newsId ?? ''),
  };
}

/**
 * Versions 3 to 6, written by hand as they shipped: month records and the id directory, whose
 * shards held an object of `id → [contactId, month]` until version 5 made them two arrays, and
 * whose month records held an array of touches until version 6 made it columns.
 */
function monthRecords(touches: Row[], version: number): { months: Row[]; shards: Row[] } {
  const months = new Map<string, { contactId: unknown; month: number; touches: Row[] }>();
  const shards = new Map<number, { shard: number; ids: Record<string, [unknown, number]> }>();
  for (const t of touches) {
    const d = new Date(t.at as number);
    const month = (d.getUTCFullYear() - 1970) * 12 + d.getUTCMonth();
    const key = `${String(t.contactId)}|${month}`;
    const m = months.get(key) ?? { contactId: t.contactId, month, touches: [] };
    m.touches.push(t);
    m.touches.sort((a, b) => (a.at as number) - (b.at as number));
    months.set(key, m);
    let h = 0x811c9dc5;
    for (const ch of String(t.id)) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
    const shard = (h >>> 0) % 4096;
    const record = shards.get(shard) ?? { shard, ids: {} };
    record.ids[String(t.id)] = [t.contactId, month];
    shards.set(shard, record);
  }
  const flat = (r: { shard: number; ids: Record<string, [unknown, number]> }) => ({
    shard: r.shard,
    ids: Object.keys(r.ids),
    places: Object.values(r.ids).map(([contactId, month]) => `${month}|${String(contactId)}`),
  });
  return {
    months: [...months.values()].map((m) => (version >= 6 ? columnsV6(m) : m)),
    shards: [...shards.values()].map((r) => (version >= 5 ? flat(r) : r)),
  };
}

const keyOf = (r: object) => String((r as Row).id ?? (r as Row).key);
const byId = (a: object, b: object) => keyOf(a).localeCompare(keyOf(b));

async function writeOld(
  factory: IDBFactory,
  name: string,
  row: HistoricalVersion,
): Promise<OldData> {
  const old = new Dexie(name, { indexedDB: factory, IDBKeyRange });
  old.version(row.version).stores(row.stores);
  const data = row.write();
  await old.open();
  await old.transaction('rw', Object.keys(row.stores), async () => {
    await old.table('contacts').bulkAdd(data.contacts);
    await old.table('meta').bulkAdd(data.meta);
    if (row.version < 3) {
      await old.table('touches').bulkAdd(data.touches);
    } else {
      const { months, shards } = monthRecords(data.touches, row.version);
      await old.table('touchMonths').bulkAdd(months);
      await old.table('touchIds').bulkAdd(shards);
    }
  });
  old.close();
  return data;
}

describe('Faults lose nothing: an upgrade from every earlier schema version keeps every record', () => {
  it('Faults lose nothing: the table of historical versions reaches the current version', () => {
    const current = new LastImpressionDb('version-probe', {
      indexedDB: new IDBFactory(),
      IDBKeyRange,
    });
    expect(Math.max(...HISTORY.map((h) => h.version))).toBe(current.verno);
  });

  for (const row of HISTORY) {
    it(`Faults lose nothing: a version ${row.version} database opens with the current schema with every record intact`, async () => {
      const factory = new IDBFactory();
      const name = `upgrade-from-${row.version}`;
      const old = await writeOld(factory, name, row);
      const db = new LastImpressionDb(name, { indexedDB: factory, IDBKeyRange });
      await db.open();

      const expected = row.expectAfter(old);
      expect((await db.contacts.toArray()).sort(byId)).toEqual([...expected.contacts].sort(byId));
      if (row.version < 7) {
        // The review's store was built from the touches: a withdrawal repaired per contact.
        const repairs = (await db.repairs.toArray()).flatMap(episodesOfMonth);
        expect(repairs.map((e) => e.contactId).sort()).toEqual(
          expected.contacts.map((c) => c.id).sort(),
        );
        expect(await db.touchTallies.count()).toBeGreaterThan(0);
      }
      if (row.version < 8) {
        // Mohammed's withdrawal still runs, kept in its shard, whichever version it came from.
        expect((await db.running.toArray()).flatMap(episodesOfShard)).toEqual(runningInSample(old));
      }
      expect((await allTouches(db)).sort(byId)).toEqual([...expected.touches].sort(byId));
      expect((await db.meta.toArray()).sort(byId)).toEqual([...expected.meta].sort(byId));

      // The indexes the panel and timelines read still find the upgraded records.
      const zoe = await findContactByIdentity(db, 'linkedin:/in/ACoAABcdEfGh');
      expect(zoe?.name).toBe('👩‍💻 Zoë 李');
      const grace = await findContactByIdentity(db, 'email:g.hopper@example.com');
      expect(grace?.name).toBe('Grace Hopper');
      expect(await recentTouches(db, grace!.id, 5)).toHaveLength(2);
      // Every touch is found by its id, through the directory the upgrade wrote.
      for (const t of expected.touches) expect(await getTouch(db, String(t.id))).toEqual(t);

      // The good-news tables (version 4) exist, start empty, and take a shared item at once.
      expect(await db.news.count()).toBe(0);
      const news = await addNews(
        db,
        {
          headline: 'CSV export shipped',
          day: '2026-05-18',
          audience: [{ kind: 'tag', value: 'CUSTOMER' }],
        },
        T0,
      );
      if (!news.ok) throw new Error(news.error);
      const ada = await findContactByIdentity(db, 'email:ada@example.com');
      await logTouch(
        db,
        {
          contactId: ada!.id,
          channel: 'email',
          outcome: 'positive',
          newsId: news.value.id,
          source: 'popup',
        },
        T0 + 30 * DAY,
      );
      const [standing] = await newsStandings(db);
      expect(standing!.audience.map((c) => c.name).sort()).toEqual([
        'Ada Lovelace',
        'Bobby Tables"); DROP TABLE contacts;--',
        '👩‍💻 Zoë 李',
      ]);
      expect([...standing!.told]).toEqual([ada!.id]);
      db.close();
    });
  }
});

/** A version 2 book larger than one step of the move, and a touch whose contact is gone. */
function bigV2(): OldData {
  const base = withNudgeIndex(sampleV1());
  const contacts = Array.from({ length: 600 }, (_, n) =>
    contactV1(100 + n, `Person ${n}`, [`p${n}@example.com`], []),
  ).map((c): Row => ({ ...c, ...nudgeIndex(c as unknown as Contact, settingsFrom(undefined)) }));
  const touches = contacts.flatMap((c, i) =>
    [0, 40, 80].map((daysAgo, k) => ({
      id: `00000003-0000-4000-8000-${(i * 3 + k).toString(16).padStart(12, '0')}`,
      contactId: c.id,
      at: T0 - daysAgo * DAY + i,
      channel: 'email',
      outcome: k === 1 ? 'negative' : 'positive',
      source: 'import',
      createdAt: T0,
      updatedAt: T0,
    })),
  );
  const orphan = { ...touches[0]!, id: '00000004-0000-4000-8000-000000000000', contactId: 'gone' };
  return {
    contacts: [...base.contacts, ...contacts],
    touches: [...base.touches, ...touches, orphan],
    meta: base.meta,
  };
}

const CURRENT = Math.max(...HISTORY.map((h) => h.version));

describe('Faults lose nothing: a move to month records cut short by a closed page', () => {
  const v2 = HISTORY.find((h) => h.version === 2)!;

  it('Faults lose nothing: an upgrade aborted halfway leaves version 2 whole, and reopening finishes it', async () => {
    const factory = new IDBFactory();
    const name = 'upgrade-interrupted';
    const old = await writeOld(factory, name, { ...v2, write: bigV2 });

    // A page closed mid-move aborts the upgrade's transaction, as here after 100 month records.
    const realAdd = IDBObjectStore.prototype.add;
    let added = 0;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<typeof realAdd>
    ) {
      if (this.name === 'touchMonths' && ++added === 100) this.transaction.abort();
      return realAdd.apply(this, args);
    });
    const first = new LastImpressionDb(name, { indexedDB: factory, IDBKeyRange });
    await expect(first.open()).rejects.toThrow();
    first.close();
    spy.mockRestore();
    expect(added).toBeGreaterThanOrEqual(100);

    // Still version 2, every record where it was: no month record, no touch missing.
    const reader = new Dexie(name, { indexedDB: factory, IDBKeyRange });
    await reader.open();
    expect(reader.verno).toBe(2);
    expect(reader.tables.map((t) => t.name).sort()).toEqual(['contacts', 'meta', 'touches']);
    expect((await reader.table('touches').toArray()).sort(byId)).toEqual(
      [...old.touches].sort(byId),
    );
    expect(await reader.table('contacts').count()).toBe(old.contacts.length);
    reader.close();

    // The next open runs the whole move again and finishes it, on to the current version.
    const db = new LastImpressionDb(name, { indexedDB: factory, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(CURRENT);
    expect((await allTouches(db)).sort(byId)).toEqual([...old.touches].sort(byId));
    for (const t of [old.touches[0]!, old.touches[700]!, old.touches.at(-1)!]) {
      expect(await getTouch(db, String(t.id))).toEqual(t);
    }
    const person = await findContactByIdentity(db, 'email:p599@example.com');
    expect((await timelineOf(db, person!.id)).map((t) => t.at)).toEqual(
      old.touches
        .filter((t) => t.contactId === person!.id)
        .map((t) => t.at as number)
        .sort((a, b) => b - a),
    );
    db.close();
  });
});

/**
 * Opens `name` with the current schema as a page closed mid-upgrade would: the upgrade's
 * transaction aborts on the tenth record it writes into `store`, however it writes them.
 */
async function openAbortingOnTenthWrite(
  factory: IDBFactory,
  name: string,
  store: string,
): Promise<void> {
  let written = 0;
  const abortOnTenth = (target: IDBObjectStore) => {
    if (target.name === store && ++written === 10) target.transaction.abort();
  };
  const realPut = IDBObjectStore.prototype.put;
  const putSpy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
    this: IDBObjectStore,
    ...args: Parameters<typeof realPut>
  ) {
    abortOnTenth(this);
    return realPut.apply(this, args);
  });
  const realUpdate = IDBCursor.prototype.update;
  const updateSpy = vi.spyOn(IDBCursor.prototype, 'update').mockImplementation(function (
    this: IDBCursor,
    ...args: Parameters<typeof realUpdate>
  ) {
    abortOnTenth(this.source as IDBObjectStore);
    return realUpdate.apply(this, args);
  });
  const first = new LastImpressionDb(name, { indexedDB: factory, IDBKeyRange });
  await expect(first.open()).rejects.toThrow();
  first.close();
  putSpy.mockRestore();
  updateSpy.mockRestore();
  expect(written).toBeGreaterThanOrEqual(10);
}

/**
 * bigV2's book as version 7 stored it: each of its 600 people left on a negative impression a
 * day after their last positive touch, the withdrawal kept in their record.
 */
function bigV7(): OldData {
  const base = bigV2();
  const people = base.contacts.slice(5);
  const negatives: Row[] = people.map((c, i) => ({
    id: `00000005-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
    contactId: c.id,
    at: T0 + DAY + i,
    channel: 'call',
    outcome: 'negative',
    note: `Missed call ${i}`,
    source: 'dashboard',
    createdAt: T0 + DAY,
    updatedAt: T0 + DAY,
  }));
  const episodes = new Map(
    negatives.map((t) => [t.contactId, episodesOf([t as unknown as ReviewTouch])[0]!]),
  );
  return {
    ...base,
    contacts: base.contacts.map((c) => {
      const withdrawal = episodes.get(c.id);
      return withdrawal ? { ...c, withdrawal, lastOutcome: 'negative' } : c;
    }),
    touches: [...base.touches, ...negatives],
  };
}

/** Upgrades that rewrite one store's records in place, each cut short on its tenth record. */
const REWRITES = [
  { what: 'flattening the id directory', from: 4, store: 'touchIds', write: bigV2 },
  { what: 'turning month records into columns', from: 5, store: 'touchMonths', write: bigV2 },
  {
    what: 'moving running withdrawals out of the contacts',
    from: 7,
    store: 'contacts',
    write: bigV7,
    // Every one of them in its shard, and none left in a contact's record.
    after: async (db: LastImpressionDb, old: OldData) => {
      const running = (await db.running.toArray()).flatMap(episodesOfShard);
      const before = old.contacts.flatMap((c) => (c.withdrawal ? [c.withdrawal] : []));
      const byContact = (a: Episode, b: Episode) => a.contactId.localeCompare(b.contactId);
      expect(running.sort(byContact)).toEqual((before as Episode[]).sort(byContact));
      expect(running).toHaveLength(600);
      expect(await db.running.count()).toBeGreaterThan(10);
      expect((await db.contacts.toArray()).filter((c) => 'withdrawal' in c)).toEqual([]);
    },
  },
];

for (const { what, from, store, write, after } of REWRITES) {
  describe(`Faults lose nothing: ${what} cut short by a closed page`, () => {
    const row = HISTORY.find((h) => h.version === from)!;

    it(`Faults lose nothing: an upgrade aborted halfway leaves version ${from} whole, and reopening finishes it`, async () => {
      const factory = new IDBFactory();
      const name = `${store}-interrupted`;
      const old = await writeOld(factory, name, { ...row, write });
      const before = new Dexie(name, { indexedDB: factory, IDBKeyRange });
      await before.open();
      const recordsBefore = await before.table(store).toArray();
      before.close();

      await openAbortingOnTenthWrite(factory, name, store);

      const reader = new Dexie(name, { indexedDB: factory, IDBKeyRange });
      await reader.open();
      expect(reader.verno).toBe(from);
      expect(await reader.table(store).toArray()).toEqual(recordsBefore);
      reader.close();

      const db = new LastImpressionDb(name, { indexedDB: factory, IDBKeyRange });
      await db.open();
      expect(db.verno).toBe(CURRENT);
      expect((await allTouches(db)).sort(byId)).toEqual([...old.touches].sort(byId));
      for (const t of old.touches) expect(await getTouch(db, String(t.id))).toEqual(t);
      await after?.(db, old);
      db.close();
    });
  });
}

describe('Faults lose nothing: building the review store cut short by a closed page', () => {
  const v5 = HISTORY.find((h) => h.version === 5)!;

  it('Faults lose nothing: an upgrade to version 7 aborted halfway leaves version 5 whole, and reopening finishes it', async () => {
    const factory = new IDBFactory();
    const name = 'upgrade-review-interrupted';
    const old = await writeOld(factory, name, v5);

    // A page closed while the review's records are written aborts the upgrade's transaction.
    const realPut = IDBObjectStore.prototype.put;
    let put = 0;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<typeof realPut>
    ) {
      if (this.name === 'repairs' && ++put === 1) this.transaction.abort();
      return realPut.apply(this, args);
    });
    const first = new LastImpressionDb(name, { indexedDB: factory, IDBKeyRange });
    await expect(first.open()).rejects.toThrow();
    first.close();
    spy.mockRestore();
    expect(put).toBe(1);

    const reader = new Dexie(name, { indexedDB: factory, IDBKeyRange });
    await reader.open();
    expect(reader.verno).toBe(5);
    expect(reader.tables.map((t) => t.name).sort()).toEqual(Object.keys(STORES_V4).sort());
    expect((await reader.table('contacts').toArray()).sort(byId)).toEqual(
      [...old.contacts].sort(byId),
    );
    reader.close();

    const db = new LastImpressionDb(name, { indexedDB: factory, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(CURRENT);
    expect((await db.contacts.toArray()).sort(byId)).toEqual(
      [...withRepairMonths(old).contacts].sort(byId),
    );
    expect((await db.repairs.toArray()).flatMap(episodesOfMonth)).toHaveLength(old.contacts.length);
    db.close();
  });
});
