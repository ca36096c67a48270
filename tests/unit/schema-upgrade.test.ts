import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { findContactByIdentity } from '../../lib/db/contacts';
import { LastImpressionDb } from '../../lib/db/database';
import { settingsFrom } from '../../lib/db/settings';
import { addNews, newsStandings } from '../../lib/db/news';
import { logTouch, recentTouches } from '../../lib/db/touches';
import { nudgeIndex } from '../../lib/impressions';
import type { Contact } from '../../lib/model';

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
  const touches = contacts.flatMap((c, i) =>
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
    expectAfter: withNudgeIndex,
  },
  {
    version: 2,
    stores: {
      contacts: 'id, *identities, dueAt, nudgeRank',
      touches: 'id, [contactId+at], at',
      meta: 'key',
    },
    write: () => withNudgeIndex(sampleV1()),
    // Version 4 only added tables (news, told, reach): every record stays as it was.
    expectAfter: (old) => old,
  },
  {
    version: 4,
    stores: {
      contacts: 'id, *identities, dueAt, nudgeRank',
      touches: 'id, [contactId+at], at',
      meta: 'key',
      news: 'id',
      told: 'touchId, [newsId+contactId], contactId',
      reach: 'contactId',
    },
    write: () => withNudgeIndex(sampleV1()),
    expectAfter: (old) => old,
  },
];

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
  await old.transaction('rw', ['contacts', 'touches', 'meta'], async () => {
    await old.table('contacts').bulkAdd(data.contacts);
    await old.table('touches').bulkAdd(data.touches);
    await old.table('meta').bulkAdd(data.meta);
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
      expect((await db.touches.toArray()).sort(byId)).toEqual([...expected.touches].sort(byId));
      expect((await db.meta.toArray()).sort(byId)).toEqual([...expected.meta].sort(byId));

      // The indexes the panel and timelines read still find the upgraded records.
      const zoe = await findContactByIdentity(db, 'linkedin:/in/ACoAABcdEfGh');
      expect(zoe?.name).toBe('👩‍💻 Zoë 李');
      const grace = await findContactByIdentity(db, 'email:g.hopper@example.com');
      expect(grace?.name).toBe('Grace Hopper');
      expect(await recentTouches(db, grace!.id, 5)).toHaveLength(2);

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
