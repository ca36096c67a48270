import { afterEach, describe, expect, it } from 'vitest';
import { addContact } from '../../lib/db/contacts';
import type { LastImpressionDb } from '../../lib/db/database';
import { addNews, newsStandings } from '../../lib/db/news';
import { contactNews } from '../../lib/db/panel-news';
import { allTouches } from '../../lib/db/queries';
import { reachOf } from '../../lib/db/reach';
import { logTouch } from '../../lib/db/touches';
import type { Person } from '../../lib/messages';
import { createActions } from '../../lib/panel/actions';
import { createPanelStore } from '../../lib/panel/store';
import { makeTestDb, must } from '../support/db';

const DAY = 24 * 3600 * 1000;
const NOW = Date.UTC(2026, 4, 20, 12);
const ada: Person = {
  identity: { kind: 'email', value: 'ada@example.com' },
  key: 'email:ada@example.com',
  name: 'Ada Lovelace',
};

let db: LastImpressionDb;
afterEach(() => db?.close());

/** Ada, due to hear good news (last positive 30 days ago), and two items for her company. */
async function setUp() {
  db = makeTestDb();
  const contact = await must(
    addContact(
      db,
      {
        name: 'Ada Lovelace',
        emails: ['ada@example.com'],
        linkedin: [],
        tags: [],
        company: 'Analytical Engines',
      },
      NOW - 40 * DAY,
    ),
  );
  await must(
    logTouch(
      db,
      {
        contactId: contact.id,
        channel: 'email',
        outcome: 'positive',
        source: 'dashboard',
        at: NOW - 30 * DAY,
      },
      NOW - 30 * DAY,
    ),
  );
  const audience = [{ kind: 'company', value: 'analytical engines' }];
  const older = await must(
    addNews(db, { headline: 'Onboarding guide', day: '2026-05-01', audience }, NOW - 5 * DAY),
  );
  const newer = await must(
    addNews(db, { headline: 'CSV export shipped', day: '2026-05-18', audience }, NOW - DAY),
  );
  const store = createPanelStore();
  store.getState().setScreen('gmail', {
    kind: 'people',
    people: [ada],
    pageUrl: 'https://mail.google.com/mail/u/2/#inbox/FMfcgzQXJWDsKmbfTfVnPbVvVvRwPbJq',
  });
  const actions = createActions({
    db,
    store,
    site: () => 'gmail',
    defaultChannel: () => 'email',
    setTimeout: () => undefined,
    now: () => NOW,
  });
  return { contact, older, newer, store, actions };
}

async function toldOf(newsId: string): Promise<number> {
  const standing = (await newsStandings(db)).find((s) => s.item.id === newsId);
  return standing?.told.size ?? -1;
}

describe('the panel counts the news a positive touch brought', () => {
  it('names the newest unshared item for a share-good-news nudge, none for a repair', async () => {
    const { contact, older, newer } = await setUp();
    const sharing = await contactNews(db, contact, { reason: 'share-good-news' });
    expect(sharing.named?.id).toBe(newer.id);
    expect(sharing.options.map((n) => n.id)).toEqual([newer.id, older.id]);
    expect(sharing.preselected).toBe(newer.id);
    const repair = await contactNews(db, contact, { reason: 'repair' });
    expect(repair.named).toBeUndefined();
  });

  it('with no choice made, the item the nudge named is stored and counted told; Undo takes it back', async () => {
    const { newer, older, store, actions } = await setUp();
    store.setState({ goodNews: true });
    await actions.log(ada, 'positive');
    const [, touch] = (await allTouches(db)).sort((a, b) => a.at - b.at);
    expect(touch).toMatchObject({ goodNews: true, newsId: newer.id });
    expect(await toldOf(newer.id)).toBe(1);
    expect(await toldOf(older.id)).toBe(0);

    await actions.undo(ada.key);
    expect(await allTouches(db)).toHaveLength(1);
    expect(await toldOf(newer.id)).toBe(0);
    expect(store.getState()).toMatchObject({ goodNews: true, newsPick: null });
  });

  it('the rep’s choice wins: another item, or none of these', async () => {
    const { newer, older, store, actions } = await setUp();
    store.setState({ goodNews: true, newsPick: { key: ada.key, id: older.id } });
    await actions.log(ada, 'positive');
    expect(await toldOf(older.id)).toBe(1);
    expect(await toldOf(newer.id)).toBe(0);

    store.setState({ goodNews: true, newsPick: { key: ada.key, id: null } });
    await actions.log(ada, 'positive');
    const last = (await allTouches(db)).sort((a, b) => b.at - a.at || b.createdAt - a.createdAt);
    expect(last.filter((t) => t.newsId === undefined && t.goodNews)).toHaveLength(1);
    expect(await toldOf(newer.id)).toBe(0);
  });

  it('a choice made for someone else, a neutral touch or no good-news tick counts nothing', async () => {
    const { newer, store, actions } = await setUp();
    store.setState({ goodNews: true, newsPick: { key: 'email:grace@navy.mil', id: null } });
    await actions.log(ada, 'positive');
    expect(await toldOf(newer.id)).toBe(1);
    await actions.undo(ada.key);

    store.setState({ goodNews: true, newsPick: null });
    await actions.log(ada, 'neutral');
    await actions.log(ada, 'positive');
    expect((await allTouches(db)).some((t) => t.newsId !== undefined)).toBe(false);
  });
});

describe('a log from the panel', () => {
  it('remembers the Gmail account of the page it was made on, for Write to', async () => {
    const { contact, actions } = await setUp();
    await actions.log(ada, 'neutral');
    expect(await reachOf(db, contact.id)).toMatchObject({ gmailAccount: 2 });
  });
});
