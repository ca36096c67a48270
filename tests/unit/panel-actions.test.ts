import { afterEach, describe, expect, it } from 'vitest';
import { findContactByIdentity } from '../../lib/db/contacts';
import { allTouches, countTouches } from '../../lib/db/queries';
import type { LastImpressionDb } from '../../lib/db/database';
import { emailKey } from '../../lib/identity';
import type { Person } from '../../lib/messages';
import { companyFromHeadline, createActions, UNDO_MS } from '../../lib/panel/actions';
import { createPanelStore } from '../../lib/panel/store';
import { makeTestDb } from '../support/db';

const NOW = Date.UTC(2026, 4, 20, 12);
const ada: Person = {
  identity: { kind: 'email', value: 'ada@example.com' },
  key: 'email:ada@example.com',
  name: 'Ada Lovelace',
};
const grace: Person = {
  identity: { kind: 'email', value: 'grace@navy.mil' },
  key: 'email:grace@navy.mil',
  name: 'Grace Hopper',
};

let db: LastImpressionDb;
afterEach(() => db?.close());

function setup() {
  db = makeTestDb();
  const store = createPanelStore();
  store.getState().setScreen('gmail', { kind: 'people', people: [grace, ada] });
  const timers: { fn: () => void; ms: number }[] = [];
  const actions = createActions({
    db,
    store,
    site: () => 'gmail',
    defaultChannel: () => 'email',
    setTimeout: (fn, ms) => void timers.push({ fn, ms }),
    now: () => NOW,
  });
  return { store, actions, timers };
}

describe('panel actions write through lib/db', () => {
  it('log for the person given, with the chosen channel, note, good news and the page’s name', async () => {
    const { store, actions } = setup();
    store.setState({ channel: 'call', note: 'Sent the fix', goodNews: true });
    await actions.log(ada, 'positive');
    const contact = await findContactByIdentity(db, emailKey('ada@example.com'));
    expect(contact).toMatchObject({ name: 'Ada Lovelace', lastOutcome: 'positive' });
    const [touch] = await allTouches(db);
    expect(touch).toMatchObject({
      channel: 'call',
      note: 'Sent the fix',
      goodNews: true,
      source: 'gmail',
    });
    expect(store.getState()).toMatchObject({ note: '', goodNews: false, error: null });
  });

  it('Undo names what it undoes and stays bound to that touch after the screen changes', async () => {
    const { store, actions, timers } = setup();
    await actions.log(grace, 'positive');
    expect(store.getState().undo).toMatchObject({ outcome: 'positive', name: 'Grace Hopper' });
    expect(timers[0]?.ms).toBe(UNDO_MS);

    // The rep switches to Alan's thread; the pending Undo is still Grace's, and says so.
    store.getState().setScreen('gmail', {
      kind: 'people',
      people: [{ identity: { kind: 'email', value: 'alan@x.io' }, key: 'email:alan@x.io' }],
    });
    expect(store.getState().undo).toMatchObject({ name: 'Grace Hopper', key: grace.key });
    await actions.undo('email:alan@x.io');
    const stored = await findContactByIdentity(db, emailKey('grace@navy.mil'));
    expect(stored?.touchCount).toBe(0);
    expect(await countTouches(db)).toBe(0);
  });

  it('Undo puts the note and the good-news tick back when that person is on screen', async () => {
    const { store, actions } = setup();
    store.setState({ note: 'Called about the outage', goodNews: true });
    await actions.log(ada, 'negative');
    expect(store.getState().note).toBe('');
    await actions.undo(ada.key);
    expect(store.getState()).toMatchObject({ note: 'Called about the outage', goodNews: true });
  });

  it('the Undo timer clears only its own touch', async () => {
    const { store, actions, timers } = setup();
    await actions.log(ada, 'neutral');
    await actions.log(grace, 'positive');
    timers[0]!.fn();
    expect(store.getState().undo?.name).toBe('Grace Hopper');
    timers[1]!.fn();
    expect(store.getState().undo).toBeNull();
  });

  it('a refused log shows why and gives the note back', async () => {
    const { store, actions } = setup();
    store.setState({ note: 'keep me' });
    await actions.log({ ...ada, identity: { kind: 'email', value: 'not an email' } }, 'positive');
    expect(store.getState().error).toMatch(/email/);
    expect(store.getState().note).toBe('keep me');
    expect(await countTouches(db)).toBe(0);
  });

  it('linking a LinkedIn profile fills in the contact’s headline and company when it has none', async () => {
    const { actions } = setup();
    await actions.log(ada, 'positive');
    const contact = (await findContactByIdentity(db, emailKey('ada@example.com')))!;
    await actions.link(contact.id, {
      identity: { kind: 'linkedin', value: '/in/ada' },
      key: 'linkedin:/in/ada',
      name: 'Ada L.',
      headline: 'Analyst at Babbage & Co',
    });
    const linked = await db.contacts.get(contact.id);
    expect(linked).toMatchObject({
      linkedin: ['/in/ada'],
      headline: 'Analyst at Babbage & Co',
      company: 'Babbage & Co',
    });
  });

  it('reads the company from the usual LinkedIn headline shapes only', () => {
    expect(companyFromHeadline('Co-Founder at Substrate')).toBe('Substrate');
    expect(companyFromHeadline('Engineer @ Acme')).toBe('Acme');
    expect(companyFromHeadline('Tech Education Lead, Tech Expert & Frontend Dev')).toBeUndefined();
    expect(companyFromHeadline(undefined)).toBeUndefined();
  });
});
