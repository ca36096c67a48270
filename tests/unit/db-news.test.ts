import { afterEach, describe, expect, it } from 'vitest';
import { exportBackup } from '../../lib/backup/export';
import { importBackupText } from '../../lib/backup/import';
import { addContact, deleteContact, mergeContacts } from '../../lib/db/contacts';
import type { LastImpressionDb } from '../../lib/db/database';
import {
  addNews,
  deleteNews,
  editNews,
  newsForNudges,
  newsStandings,
  putNews,
  restoreNews,
} from '../../lib/db/news';
import { allTouches, getTouch } from '../../lib/db/queries';
import { reachOf } from '../../lib/db/reach';
import { deleteTouch, editTouch, logTouch, restoreTouch } from '../../lib/db/touches';
import { nudgeFor } from '../../lib/impressions';
import { DEFAULT_SETTINGS } from '../../lib/model';
import { makeTestDb, must } from '../support/db';

const DAY = 24 * 3600 * 1000;
const NOW = Date.UTC(2026, 4, 20, 12);

let db: LastImpressionDb;
afterEach(() => db?.close());

async function setUp() {
  db = makeTestDb();
  const ada = await must(
    addContact(
      db,
      {
        name: 'Ada Lovelace',
        emails: ['ada@example.com'],
        linkedin: [],
        company: 'Acme',
        tags: [],
      },
      NOW - 40 * DAY,
    ),
  );
  const grace = await must(
    addContact(
      db,
      { name: 'Grace Hopper', emails: ['grace@navy.mil'], linkedin: [], tags: ['VIP'] },
      NOW - 40 * DAY,
    ),
  );
  const alan = await must(
    addContact(
      db,
      {
        name: 'Alan Turing',
        emails: ['alan@example.uk'],
        linkedin: [],
        company: 'Bletchley',
        tags: [],
      },
      NOW - 40 * DAY,
    ),
  );
  const news = await must(
    addNews(
      db,
      {
        headline: 'CSV export shipped',
        details: 'Export any view to CSV.',
        day: '2026-05-18',
        audience: [
          { kind: 'company', value: 'ACME' },
          { kind: 'tag', value: 'vip' },
        ],
      },
      NOW,
    ),
  );
  return { ada, grace, alan, news };
}

/** A positive touch that brought `newsId`, logged from the popup by email unless told otherwise. */
function tell(
  contactId: string,
  newsId: string,
  options: { channel?: 'call'; source?: 'dashboard'; at?: number } = {},
  now = NOW,
) {
  return must(
    logTouch(
      db,
      { contactId, channel: 'email', outcome: 'positive', newsId, source: 'popup', ...options },
      now,
    ),
  );
}

async function standing(newsId: string) {
  const s = (await newsStandings(db)).find((x) => x.item.id === newsId);
  if (!s) throw new Error('no such news');
  return {
    audience: s.audience.map((c) => c.name).sort(),
    told: s.audience
      .filter((c) => s.told.has(c.id))
      .map((c) => c.name)
      .sort(),
  };
}

describe('the good-news bank', () => {
  it('refuses an item without a headline, saying so, and stores nothing', async () => {
    db = makeTestDb();
    const r = await addNews(db, { headline: '  ', day: '2026-05-18', audience: [] }, NOW);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/Headline/);
    expect(await db.news.count()).toBe(0);
  });

  it('counts its audience and who was told; a logged touch with the news tells one', async () => {
    const { ada, news } = await setUp();
    expect(await standing(news.id)).toEqual({
      audience: ['Ada Lovelace', 'Grace Hopper'],
      told: [],
    });
    const { touch } = await tell(ada.id, news.id);
    expect(touch.newsId).toBe(news.id);
    expect(touch.goodNews).toBe(true);
    expect(await standing(news.id)).toEqual({
      audience: ['Ada Lovelace', 'Grace Hopper'],
      told: ['Ada Lovelace'],
    });
    // A second touch with the same news still counts one person once.
    await tell(ada.id, news.id, { channel: 'call' }, NOW + 1);
    expect((await standing(news.id)).told).toEqual(['Ada Lovelace']);
  });

  it('told follows the touch: delete, undo, and an edit that drops the good news', async () => {
    const { grace, news } = await setUp();
    const { touch } = await tell(grace.id, news.id, { source: 'dashboard' });
    const removed = await deleteTouch(db, touch.id, NOW);
    expect((await standing(news.id)).told).toEqual([]);
    await restoreTouch(db, removed!, NOW);
    expect((await standing(news.id)).told).toEqual(['Grace Hopper']);
    const edited = await must(editTouch(db, touch.id, { goodNews: false }, NOW));
    expect(edited.newsId).toBeUndefined();
    expect((await standing(news.id)).told).toEqual([]);
  });

  it('a news id nobody stores is dropped from the touch, which is still logged', async () => {
    const { ada } = await setUp();
    const { touch } = await tell(ada.id, crypto.randomUUID());
    expect(touch.newsId).toBeUndefined();
    expect(await db.told.count()).toBe(0);
  });

  type People = Awaited<ReturnType<typeof setUp>>;
  it.each<[string, keyof People, (p: People) => Promise<unknown>, string[]]>([
    [
      'merging Alan into Ada keeps who was told and who is named',
      'alan',
      ({ ada, alan }) => must(mergeContacts(db, ada.id, alan.id, NOW)),
      ['Ada Lovelace'],
    ],
    [
      'deleting Grace forgets what she was told and names her nowhere',
      'grace',
      ({ grace }) => deleteContact(db, grace.id),
      [],
    ],
  ])('%s', async (_, who, change, after) => {
    const people = await setUp();
    const { news } = people;
    const person = people[who] as { id: string };
    await must(
      editNews(db, news.id, { ...news, audience: [{ kind: 'contact', id: person.id }] }, NOW),
    );
    await tell(person.id, news.id);
    await change(people);
    expect(await standing(news.id)).toEqual({ audience: after, told: after });
    expect(await db.told.count()).toBe(after.length);
  });

  it('edit and delete undo exactly; a deleted item leaves no touch pointing at it', async () => {
    const { ada, news } = await setUp();
    const { touch } = await tell(ada.id, news.id);
    const { before } = await must(editNews(db, news.id, { ...news, headline: 'Renamed' }, NOW + 1));
    expect((await db.news.get(news.id))?.headline).toBe('Renamed');
    await putNews(db, before);
    expect(await db.news.get(news.id)).toEqual(news);

    const deleted = await deleteNews(db, news.id);
    expect(await db.news.count()).toBe(0);
    expect((await getTouch(db, touch.id))?.newsId).toBeUndefined();
    expect((await getTouch(db, touch.id))?.goodNews).toBe(true);
    await restoreNews(db, deleted!);
    expect(await db.news.get(news.id)).toEqual(news);
    expect((await getTouch(db, touch.id))?.newsId).toBe(news.id);
    expect((await standing(news.id)).told).toEqual(['Ada Lovelace']);
  });

  it("a due contact's nudge names the newest untold item, then none once told", async () => {
    const { ada, alan, news } = await setUp();
    const due = async (id: string) => {
      const contact = (await db.contacts.get(id))!;
      const nudge = nudgeFor(contact, DEFAULT_SETTINGS, NOW)!;
      return (await newsForNudges(db, [{ nudge, contact }])).get(id);
    };
    expect((await due(ada.id))?.headline).toBe('CSV export shipped');
    expect(await due(alan.id)).toBeUndefined();
    await tell(ada.id, news.id, { at: NOW - 30 * DAY });
    expect(await due(ada.id)).toBeUndefined();
  });

  it('remembers the Gmail account and thread of the page a touch was logged on', async () => {
    const { ada } = await setUp();
    const logOn = (pageUrl: string, at = NOW) =>
      must(
        logTouch(
          db,
          { contactId: ada.id, channel: 'email', outcome: 'neutral', source: 'gmail', at, pageUrl },
          NOW,
        ),
      );
    await logOn('https://mail.google.com/mail/u/2/#inbox/FMfcgzQXJWDsKmbfTfVnPbVvVvRwPbJq');
    expect(await reachOf(db, ada.id)).toMatchObject({
      gmailAccount: 2,
      gmailThreadUrl: 'https://mail.google.com/mail/u/2/#all/FMfcgzQXJWDsKmbfTfVnPbVvVvRwPbJq',
    });
    // An older log never overwrites the newer page.
    await logOn('https://mail.google.com/mail/u/0/#inbox', NOW - DAY);
    expect((await reachOf(db, ada.id))?.gmailAccount).toBe(2);
  });
});

describe('backups carry the news (format version 2)', () => {
  /** Ada was told the news; the backup exported after it. */
  async function toldAndExported() {
    const people = await setUp();
    const { touch } = await tell(people.ada.id, people.news.id);
    return { ...people, touch, backup: await exportBackup(db, NOW) };
  }

  it('an export and import into an empty database bring back news, links and told counts', async () => {
    const { news, backup } = await toldAndExported();
    expect(backup.version).toBe(2);
    expect(backup.news).toHaveLength(1);
    expect(backup.touches.filter((t) => t.newsId === news.id)).toHaveLength(1);

    const source = db;
    db = makeTestDb();
    const r = await importBackupText(db, JSON.stringify(backup), NOW);
    expect(r).toMatchObject({ ok: true, counts: { contacts: 3, touches: 1, news: 1 } });
    expect(await standing(news.id)).toEqual({
      audience: ['Ada Lovelace', 'Grace Hopper'],
      told: ['Ada Lovelace'],
    });
    source.close();
  });

  it('a version 1 file still imports, and does not erase the news its touches already carry', async () => {
    const { news, touch, backup: v2 } = await toldAndExported();
    const v1 = {
      ...v2,
      version: 1,
      touches: v2.touches.map((t) => {
        const copy = { ...t };
        delete copy.newsId;
        return copy;
      }),
    };
    delete (v1 as { news?: unknown }).news;
    const r = await importBackupText(db, JSON.stringify(v1), NOW);
    expect(r).toMatchObject({ ok: true, counts: { contacts: 3, touches: 1 } });
    expect((await getTouch(db, touch.id))?.newsId).toBe(news.id);
    expect((await standing(news.id)).told).toEqual(['Ada Lovelace']);

    db.close();
    db = makeTestDb();
    const fresh = await importBackupText(db, JSON.stringify(v1), NOW);
    expect(fresh.ok).toBe(true);
    expect(await db.news.count()).toBe(0);
    expect((await allTouches(db))[0]?.goodNews).toBe(true);
  });

  it('refuses a file whose touch names news the file does not hold, naming the record', async () => {
    const { backup } = await toldAndExported();
    const broken = { ...backup, news: [] };
    const r = await importBackupText(makeTestDb(), JSON.stringify(broken), NOW);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain('touches[0].newsId');
  });
});
