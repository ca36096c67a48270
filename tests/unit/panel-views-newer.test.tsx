// @vitest-environment jsdom
import Dexie from 'dexie';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { useStore } from 'zustand';
import { getDb, type LastImpressionDb } from '../../lib/db/database';
import { findContactByIdentity } from '../../lib/db/contacts';
import { getSettings } from '../../lib/db/settings';
import { deleteTouch, recentTouches } from '../../lib/db/touches';
import { emailKey } from '../../lib/identity';
import type { Person, Screen } from '../../lib/messages';
import { createActions } from '../../lib/panel/actions';
import { createPanelStore, type PanelStore } from '../../lib/panel/store';
import { keepNewer, type Views } from '../../lib/panel/view';
import { followViews, HOLD_MS } from '../../lib/panel/views-feed';
import { makeTestDb } from '../support/db';
import { render, screen } from '../support/ui';

const ada: Person = {
  identity: { kind: 'email', value: 'ada@example.com' },
  key: 'email:ada@example.com',
  name: 'Ada Lovelace',
};

let db: LastImpressionDb | undefined;
afterEach(() => db?.close());

/** The panel's actions on `target`, at the clock given. */
function panel(target: LastImpressionDb, now: () => number) {
  return createActions({
    db: target,
    store: createPanelStore(),
    site: () => 'gmail',
    defaultChannel: () => 'email',
    setTimeout: () => undefined,
    now,
  });
}

/** What a live query would answer for Ada right now. */
async function snapshot(target: LastImpressionDb): Promise<Views> {
  const contact = await findContactByIdentity(target, emailKey('ada@example.com'));
  return {
    [ada.key]: contact
      ? {
          contact,
          recent: await recentTouches(target, contact.id, 5),
          settings: await getSettings(target),
        }
      : null,
  };
}

describe('the panel keeps the newer view of a contact', () => {
  it.each([
    ['a millisecond apart', 1],
    ['in the same millisecond', 0],
  ])(
    'two quick clicks %s: the first click’s answer, landing last, is not drawn',
    async (_, gap) => {
      db = makeTestDb();
      let clock = Date.UTC(2026, 4, 20, 12);
      const actions = panel(db, () => (clock += gap));
      await actions.log(ada, 'negative');
      const afterFirst = await snapshot(db);
      await actions.log(ada, 'positive');
      const afterSecond = await snapshot(db);

      // The second click's answer is drawn, then the first's arrives late.
      const drawn = keepNewer(keepNewer(undefined, afterSecond), afterFirst);
      // Which of two touches in the same millisecond is the last impression is the store's call
      // (by id); the panel's is to draw the second answer, whatever it says.
      expect(drawn[ada.key]).toEqual(afterSecond[ada.key]);
      expect(drawn[ada.key]?.contact).toMatchObject({ touchCount: 2 });
      expect(drawn[ada.key]?.recent).toHaveLength(2);
      // In order, each answer replaces the one before.
      expect(keepNewer(afterFirst, afterSecond)).toBe(afterSecond);
    },
  );

  it('an undo is newer though it counts fewer touches', async () => {
    db = makeTestDb();
    let clock = Date.UTC(2026, 4, 20, 12);
    const actions = panel(db, () => (clock += 1000));
    await actions.log(ada, 'negative');
    await actions.log(ada, 'positive');
    const before = await snapshot(db);
    const last = before[ada.key]!.recent[0]!;
    await deleteTouch(db, last.id, (clock += 1000));
    const after = await snapshot(db);
    expect(keepNewer(before, after)[ada.key]?.contact).toMatchObject({
      touchCount: 1,
      lastOutcome: 'negative',
    });
  });

  it('draws the last of many quick clicks through the live query', async () => {
    function Figure({ store }: { store: PanelStore }) {
      const contact = useStore(store, (s) => s.views?.[ada.key]?.contact);
      return (
        <p data-testid="count">{contact ? `${contact.touchCount} ${contact.lastOutcome}` : '-'}</p>
      );
    }
    const store = createPanelStore();
    const lifetime = new AbortController();
    onTestFinished(() => lifetime.abort());
    followViews(store, getDb(), lifetime.signal);
    store.getState().setScreen('gmail', { kind: 'people', people: [ada] });
    render(<Figure store={store} />);
    let clock = Date.now();
    const actions = panel(getDb(), () => (clock += 1));
    // Clicks as fast as a rep can make them: none waits for the one before.
    await Promise.all([
      actions.log(ada, 'negative'),
      actions.log(ada, 'neutral'),
      actions.log(ada, 'positive'),
    ]);
    await expect.poll(() => screen.getByTestId('count').textContent).toBe('3 positive');
  });
});

describe('the panel reads who is on screen as soon as the screen arrives', () => {
  const grace: Person = {
    identity: { kind: 'email', value: 'grace@example.com' },
    key: 'email:grace@example.com',
    name: 'Grace Hopper',
  };

  it('answers with the views and the person shown first in one update, live after writes', async () => {
    const store = createPanelStore();
    const lifetime = new AbortController();
    onTestFinished(() => lifetime.abort());
    followViews(store, getDb(), lifetime.signal);
    const updates: { views: Views | undefined; selectedKey: string | null }[] = [];
    store.subscribe((s) => updates.push({ views: s.views, selectedKey: s.selectedKey }));
    store.getState().setScreen('gmail', { kind: 'people', people: [grace, ada] });
    await expect.poll(() => store.getState().selectedKey).toBe(grace.key);
    // Never a state with every view in but nobody chosen: that would draw "Loading…" once more.
    expect(updates.filter((u) => u.views && !u.selectedKey)).toEqual([]);

    const before = store.getState().views?.[ada.key]?.contact.touchCount ?? 0;
    let clock = Date.now();
    await panel(getDb(), () => (clock += 1)).log(ada, 'positive');
    await expect.poll(() => store.getState().views?.[ada.key]?.contact.touchCount).toBe(before + 1);
    // A write does not move the panel to someone else.
    expect(store.getState().selectedKey).toBe(grace.key);
  });

  it('the same people on a new screen (another address) are shown again without a new read', async () => {
    const store = createPanelStore();
    const lifetime = new AbortController();
    onTestFinished(() => lifetime.abort());
    followViews(store, getDb(), lifetime.signal);
    store.getState().setScreen('gmail', { kind: 'people', people: [ada], pageUrl: 'https://a' });
    await expect.poll(() => store.getState().selectedKey).toBe(ada.key);
    store.getState().setScreen('gmail', { kind: 'people', people: [ada], pageUrl: 'https://b' });
    expect(store.getState().selectedKey).toBe(ada.key);
  });

  it('a thread switch goes from one contact straight to the next, in one update', async () => {
    const store = createPanelStore();
    const lifetime = new AbortController();
    onTestFinished(() => lifetime.abort());
    const feed = followViews(store, getDb(), lifetime.signal);
    feed.show('gmail', { kind: 'people', people: [ada] });
    await expect.poll(() => store.getState().selectedKey).toBe(ada.key);

    const drawn: { people: string; selectedKey: string | null; answered: boolean }[] = [];
    store.subscribe((s) =>
      drawn.push({
        people: s.screen.kind === 'people' ? s.screen.people[0]!.key : s.screen.kind,
        selectedKey: s.selectedKey,
        answered: s.views !== undefined && grace.key in s.views,
      }),
    );
    feed.show('gmail', { kind: 'people', people: [grace] });
    // Ada stays up while Grace is read: never an update that would draw "Loading…".
    expect(store.getState().selectedKey).toBe(ada.key);
    await expect.poll(() => store.getState().selectedKey).toBe(grace.key);
    expect(drawn[0]).toEqual({ people: grace.key, selectedKey: grace.key, answered: true });
    expect(drawn.filter((d) => d.people === grace.key && !d.selectedKey)).toEqual([]);
  });

  it('back to the contact on screen before the next one was read: that contact stays live', async () => {
    const store = createPanelStore();
    const lifetime = new AbortController();
    onTestFinished(() => lifetime.abort());
    const feed = followViews(store, getDb(), lifetime.signal);
    const onAda: Screen = { kind: 'people', people: [ada] };
    feed.show('gmail', onAda);
    await expect.poll(() => store.getState().selectedKey).toBe(ada.key);
    const before = store.getState().views?.[ada.key]?.contact.touchCount ?? 0;

    // Grace's thread opened and closed again before her read answered.
    feed.show('gmail', { kind: 'people', people: [grace] });
    feed.show('gmail', onAda);
    let clock = Date.now();
    await panel(getDb(), () => (clock += 1)).log(ada, 'positive');
    await expect.poll(() => store.getState().views?.[ada.key]?.contact.touchCount).toBe(before + 1);
    expect(store.getState().selectedKey).toBe(ada.key);
  });

  it(`a read held up (an import holds the database) shows the new screen after ${HOLD_MS} ms`, async () => {
    const store = createPanelStore();
    const lifetime = new AbortController();
    onTestFinished(() => lifetime.abort());
    const db = getDb();
    const feed = followViews(store, db, lifetime.signal);
    feed.show('gmail', { kind: 'people', people: [ada] });
    await expect.poll(() => store.getState().selectedKey).toBe(ada.key);

    let release = () => {};
    const holding = db.transaction('rw', db.contacts, () =>
      Dexie.waitFor(new Promise<void>((resolve) => (release = resolve))),
    );
    const graceAt = (pageUrl: string): Screen => ({ kind: 'people', people: [grace], pageUrl });
    feed.show('gmail', graceAt('https://0'));
    // The page keeps changing its address, a third of the hold apart: the deadline set by the
    // first change stands (its timer is due before the later ones), so Grace's screen is up
    // while the changes go on, each drawn as it comes.
    for (let i = 1; i <= 6; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, HOLD_MS / 3));
      feed.show('gmail', graceAt(`https://${i}`));
    }
    expect(store.getState().screen).toEqual(graceAt('https://6'));
    // Drawn without Grace's view ("Loading…"), never with Ada's bar under Grace's screen.
    expect(store.getState().selectedKey).toBeNull();

    release();
    await holding;
    await expect.poll(() => store.getState().selectedKey).toBe(grace.key);
  });
});
