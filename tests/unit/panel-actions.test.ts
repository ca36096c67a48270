import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActions, UNDO_MS } from '../../lib/panel/actions';
import { GMAIL_SITE } from '../../lib/panel/gmail-site';
import { createPanelStore, currentPerson } from '../../lib/panel/store';
import type { ContactView } from '../../lib/messaging';
import type { request } from '../../lib/messaging-client';
import { DEFAULT_SETTINGS } from '../../lib/model';
import { fakeOwner } from '../support/panel-owner';

const ada = {
  identity: { kind: 'email', value: 'ada@example.com' },
  key: 'email:ada@example.com',
  name: 'Ada Lovelace',
} as const;
const grace = {
  identity: { kind: 'email', value: 'grace@navy.mil' },
  key: 'email:grace@navy.mil',
} as const;

function view(lastOutcome: ContactView['contact']['lastOutcome']): ContactView {
  return {
    contact: {
      id: '00000001-0000-4000-8000-000000000000',
      name: 'Ada Lovelace',
      emails: ['ada@example.com'],
      linkedin: [],
      identities: ['email:ada@example.com'],
      tags: [],
      touchCount: 1,
      lastTouchAt: 0,
      lastOutcome,
      lastPositiveAt: null,
      goodwillAtLastTouch: 0,
      halfLifeDays: 30,
      dueAt: -1,
      createdAt: 0,
      updatedAt: 0,
    },
    recent: [],
    settings: DEFAULT_SETTINGS,
  };
}

describe('panel actions', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup() {
    const store = createPanelStore('email');
    store.getState().setScreen({ kind: 'people', people: [ada, grace] });
    const sent: unknown[] = [];
    const send = vi.fn(async (message: unknown) => {
      sent.push(message);
      const type = (message as { type: string }).type;
      if (type === 'touch.log')
        return { ok: true, data: { touchId: 't1', view: view('positive') } };
      if (type === 'touch.undo') return { ok: true, data: view(null) };
      return { ok: false, error: 'unexpected' };
    }) as unknown as typeof request;
    const actions = createActions({
      store,
      site: GMAIL_SITE,
      owner: fakeOwner(),
      send,
      saveCollapsed: () => undefined,
    });
    return { store, actions, sent };
  }

  it('logs for the person on screen with the chosen channel, note and name from the page', async () => {
    const { store, actions, sent } = setup();
    store.getState().setChannel('call');
    store.getState().setNote('Renewal signed');
    await actions.log('positive');
    expect(sent).toEqual([
      {
        type: 'touch.log',
        input: {
          identity: ada.identity,
          name: 'Ada Lovelace',
          channel: 'call',
          outcome: 'positive',
          note: 'Renewal signed',
          source: 'gmail',
        },
      },
    ]);
    expect(store.getState().views[ada.key]?.contact.lastOutcome).toBe('positive');
    expect(store.getState().note).toBe('');
  });

  it('names a new contact by address when the page gives no name', async () => {
    const { store, actions, sent } = setup();
    store.getState().select(grace.key);
    expect(currentPerson(store.getState())?.key).toBe(grace.key);
    await actions.log('neutral');
    expect((sent[0] as { input: { name: string } }).input.name).toBe('grace@navy.mil');
  });

  it('offers Undo for ten seconds, and Undo removes the touch', async () => {
    const { store, actions, sent } = setup();
    await actions.log('positive');
    expect(store.getState().undo?.touchId).toBe('t1');
    await actions.undo();
    expect(sent.at(-1)).toEqual({ type: 'touch.undo', touchId: 't1' });
    expect(store.getState().views[ada.key]?.contact.lastOutcome).toBeNull();

    await actions.log('positive');
    vi.advanceTimersByTime(UNDO_MS + 1);
    expect(store.getState().undo).toBeNull();
  });

  it('shows the background refusal instead of throwing', async () => {
    const { store, actions } = setup();
    store.getState().setScreen({ kind: 'people', people: [ada] });
    await actions.snooze(Date.now());
    expect(store.getState().error).toBeNull();
    store.getState().setView(ada.key, view('negative'));
    await actions.snooze(Date.now() + 1000);
    expect(store.getState().error).toBe('unexpected');
  });

  it('shows the logged outcome before the answer, and takes it back when not stored', async () => {
    const store = createPanelStore('email');
    store.getState().setScreen({ kind: 'people', people: [ada] });
    const stored = view('negative');
    store.getState().setView(ada.key, stored);
    let answer: (value: { ok: false; error: string }) => void = () => undefined;
    const send = vi.fn(
      () => new Promise((resolve) => (answer = resolve)),
    ) as unknown as typeof request;
    const actions = createActions({
      store,
      site: GMAIL_SITE,
      owner: fakeOwner(),
      send,
      saveCollapsed: () => undefined,
    });
    const logging = actions.log('positive');
    expect(store.getState().views[ada.key]?.contact.lastOutcome).toBe('positive');
    answer({ ok: false, error: 'Database is closed' });
    await logging;
    expect(store.getState().views[ada.key]).toBe(stored);
    expect(store.getState().error).toBe('Database is closed');
  });

  it('stores a second click made before the first answer, and ends on the latest', async () => {
    const store = createPanelStore('email');
    store.getState().setScreen({ kind: 'people', people: [ada] });
    store.getState().setView(ada.key, view('negative'));
    const answers: ((value: unknown) => void)[] = [];
    const send = vi.fn(
      () => new Promise((resolve) => answers.push(resolve)),
    ) as unknown as typeof request;
    const actions = createActions({
      store,
      site: GMAIL_SITE,
      owner: fakeOwner(),
      send,
      saveCollapsed: () => undefined,
    });
    const first = actions.log('neutral');
    const second = actions.log('positive');
    expect(send).toHaveBeenCalledTimes(2);
    expect(store.getState().views[ada.key]?.contact.lastOutcome).toBe('positive');
    answers[0]!({ ok: true, data: { touchId: 't1', view: view('neutral') } });
    await first;
    expect(store.getState().views[ada.key]?.contact.lastOutcome).toBe('positive');
    answers[1]!({ ok: true, data: { touchId: 't2', view: view('positive') } });
    await second;
    expect(store.getState().views[ada.key]?.contact.lastOutcome).toBe('positive');
    expect(store.getState().undo?.touchId).toBe('t2');
  });
});
