import type { Browser } from 'wxt/browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handleRequest } from '../../lib/background/handle-request';
import { serveLivePort } from '../../lib/background/live-port';
import { addContact } from '../../lib/db/contacts';
import type { LastImpressionDb } from '../../lib/db/database';
import { logTouch } from '../../lib/db/touches';
import type { ContactView, Request, Response, ViewsMessage } from '../../lib/messaging';
import { MAX_MESSAGE_BYTES } from '../../lib/messaging';
import { dumpDb, makeTestDb } from '../support/db';
import { getTouch } from '../../lib/db/queries';

const DAY = 24 * 3600 * 1000;
const NOW = Date.UTC(2026, 4, 20, 12);

let db: LastImpressionDb;
afterEach(() => db?.close());

async function ask<T extends Request['type']>(
  message: { type: T } & Record<string, unknown>,
  now = NOW,
): Promise<Response<T>> {
  return (await handleRequest(db, message, now)) as Response<T>;
}

async function data<T extends Request['type']>(
  message: { type: T } & Record<string, unknown>,
  now = NOW,
) {
  const answer = await ask(message, now);
  if (!answer.ok) throw new Error(`expected ok, got: ${answer.error}`);
  return answer.data;
}

async function seeded() {
  db = makeTestDb();
  const logged = await logTouch(
    db,
    {
      identity: { kind: 'email', value: 'ada@example.com' },
      name: 'Ada Lovelace',
      at: NOW - 3 * DAY,
      channel: 'email',
      outcome: 'positive',
      source: 'gmail',
    },
    NOW - 3 * DAY,
  );
  if (!logged.ok) throw new Error(logged.error);
  return logged.value.contact;
}

describe('handleRequest refuses bad messages and changes nothing', () => {
  const bad: [string, unknown][] = [
    ['no type', { identity: { kind: 'email', value: 'ada@example.com' } }],
    ['unknown type', { type: 'contact.delete', contactId: crypto.randomUUID() }],
    ['not an object', 'contact.get'],
    ['null', null],
    ['undefined', undefined],
    ['bad identity', { type: 'contact.get', identity: { kind: 'email', value: 'nope' } }],
    ['bad identity kind', { type: 'contact.get', identity: { kind: 'phone', value: '123' } }],
    [
      'bad touch outcome',
      {
        type: 'touch.log',
        input: {
          identity: { kind: 'email', value: 'bob@example.com' },
          channel: 'email',
          outcome: 'splendid',
          source: 'gmail',
        },
      },
    ],
    ['undo with a non-id', { type: 'touch.undo', touchId: 'DROP TABLE' }],
    ['snooze without a time', { type: 'nudge.snooze', contactId: crypto.randomUUID() }],
    [
      'snooze until infinity',
      { type: 'nudge.snooze', contactId: crypto.randomUUID(), until: Infinity },
    ],
    [
      'What each sender may ask: snooze until 1e300 (forever)',
      { type: 'nudge.snooze', contactId: crypto.randomUUID(), until: 1e300 },
    ],
    [
      'What each sender may ask: snooze more than a year ahead',
      { type: 'nudge.snooze', contactId: crypto.randomUUID(), until: NOW + 400 * DAY },
    ],
  ];
  for (const [what, message] of bad) {
    it(what, async () => {
      await seeded();
      const before = await dumpDb(db);
      const answer = await handleRequest(db, message, NOW);
      expect(answer).toEqual({ ok: false, error: expect.any(String) });
      expect(await dumpDb(db)).toEqual(before);
    });
  }

  it('an oversized message (> 2 MB), even if otherwise valid', async () => {
    await seeded();
    const before = await dumpDb(db);
    const answer = await handleRequest(
      db,
      {
        type: 'touch.log',
        input: {
          identity: { kind: 'email', value: 'bob@example.com' },
          channel: 'email',
          outcome: 'positive',
          note: 'x'.repeat(MAX_MESSAGE_BYTES),
          source: 'gmail',
        },
      },
      NOW,
    );
    expect(answer).toEqual({ ok: false, error: expect.stringContaining('too large') });
    expect(await dumpDb(db)).toEqual(before);
  });

  it('a message that is not plain data', async () => {
    await seeded();
    const cyclic: Record<string, unknown> = { type: 'contact.search', query: 'ada' };
    cyclic.self = cyclic;
    expect(await handleRequest(db, cyclic, NOW)).toEqual({ ok: false, error: expect.any(String) });
    expect(await handleRequest(db, { type: 'contact.search', query: 1n }, NOW)).toMatchObject({
      ok: false,
    });
  });
});

describe('handleRequest happy paths', () => {
  it('contact.get returns the stored view by any identity, null for strangers', async () => {
    const ada = await seeded();
    const view = await data({
      type: 'contact.get',
      identity: { kind: 'email', value: 'ADA@example.com' },
    });
    expect(view?.contact).toMatchObject({
      id: ada.id,
      name: 'Ada Lovelace',
      lastOutcome: 'positive',
    });
    expect(view?.recent.map((t) => t.outcome)).toEqual(['positive']);
    expect(view?.settings.halfLifeDays).toBe(30);
    expect(
      await data({ type: 'contact.get', identity: { kind: 'email', value: 'x@y.org' } }),
    ).toBeNull();
  });

  it('touch.log creates or updates the contact and answers with the new view', async () => {
    const ada = await seeded();
    const logged = await data({
      type: 'touch.log',
      input: {
        identity: { kind: 'email', value: 'ada@example.com' },
        channel: 'call',
        outcome: 'negative',
        source: 'gmail',
      },
    });
    expect(logged.view.contact).toMatchObject({
      id: ada.id,
      lastOutcome: 'negative',
      touchCount: 2,
    });
    expect(logged.view.recent[0]).toMatchObject({ id: logged.touchId, outcome: 'negative' });
    expect(await getTouch(db, logged.touchId)).toMatchObject({ at: NOW, channel: 'call' });

    const fresh = await data({
      type: 'touch.log',
      input: {
        identity: { kind: 'linkedin', value: '/in/Grace-H' },
        name: 'Grace Hopper',
        channel: 'linkedin',
        outcome: 'positive',
        source: 'linkedin',
      },
    });
    expect(fresh.view.contact).toMatchObject({ name: 'Grace Hopper', linkedin: ['/in/grace-h'] });
    expect(await db.contacts.count()).toBe(2);
  });

  it('touch.log passes on a refusal from the operation', async () => {
    await seeded();
    const answer = await ask({
      type: 'touch.log',
      input: { channel: 'call', outcome: 'negative', source: 'gmail' },
    });
    expect(answer.ok).toBe(false);
  });

  it('touch.undo deletes the touch and answers with the recomputed view', async () => {
    const ada = await seeded();
    const logged = await data({
      type: 'touch.log',
      input: { contactId: ada.id, channel: 'call', outcome: 'negative', source: 'gmail' },
    });
    const view = await data({ type: 'touch.undo', touchId: logged.touchId });
    expect(view?.contact).toMatchObject({ touchCount: 1, lastOutcome: 'positive' });
    expect(await getTouch(db, logged.touchId)).toBeUndefined();
    expect(await data({ type: 'touch.undo', touchId: logged.touchId })).toBeNull();
  });

  it('contact.search finds by name, company, email and LinkedIn path', async () => {
    const ada = await seeded();
    const added = await addContact(
      db,
      {
        name: 'Grace Hopper',
        emails: ['grace@navy.mil'],
        linkedin: ['/in/grace'],
        company: 'US Navy',
      },
      NOW,
    );
    expect(added.ok).toBe(true);
    expect((await data({ type: 'contact.search', query: 'LOVE' })).map((h) => h.id)).toEqual([
      ada.id,
    ]);
    expect((await data({ type: 'contact.search', query: 'navy' })).map((h) => h.name)).toEqual([
      'Grace Hopper',
    ]);
    expect((await data({ type: 'contact.search', query: '/in/gra' }))[0]).toEqual({
      id: expect.any(String),
      name: 'Grace Hopper',
      company: 'US Navy',
      emails: ['grace@navy.mil'],
      linkedin: ['/in/grace'],
    });
    expect(await data({ type: 'contact.search', query: '   ' })).toEqual([]);
  });

  it('contact.link attaches an identity and refuses one owned by someone else', async () => {
    const ada = await seeded();
    const view = await data({
      type: 'contact.link',
      contactId: ada.id,
      identity: { kind: 'linkedin', value: '/in/ACoAAxyz' },
    });
    expect(view.contact.linkedin).toEqual(['/in/ACoAAxyz']);
    const grace = await addContact(
      db,
      { name: 'Grace', emails: ['grace@navy.mil'], linkedin: [] },
      NOW,
    );
    if (!grace.ok) throw new Error(grace.error);
    const before = await dumpDb(db);
    const refused = await ask({
      type: 'contact.link',
      contactId: grace.value.id,
      identity: { kind: 'email', value: 'ada@example.com' },
    });
    expect(refused).toEqual({ ok: false, error: expect.stringContaining('ada@example.com') });
    expect(await dumpDb(db)).toEqual(before);
  });

  it('contact.add stores a new contact and refuses a duplicate identity', async () => {
    await seeded();
    const view = await data({
      type: 'contact.add',
      fields: { name: 'Linus', emails: ['Linus@Kernel.org'], linkedin: [] },
    });
    expect(view.contact).toMatchObject({
      name: 'Linus',
      emails: ['linus@kernel.org'],
      touchCount: 0,
    });
    expect(view.recent).toEqual([]);
    const dup = await ask({
      type: 'contact.add',
      fields: { name: 'Ada again', emails: ['ada@example.com'], linkedin: [] },
    });
    expect(dup.ok).toBe(false);
    expect(await db.contacts.count()).toBe(2);
  });

  it('nudge.snooze and nudge.dismiss store the state and move the due index', async () => {
    const ada = await seeded();
    const snoozed = await data({ type: 'nudge.snooze', contactId: ada.id, until: NOW + 5 * DAY });
    expect(snoozed?.contact).toMatchObject({ snoozedUntil: NOW + 5 * DAY });
    expect(snoozed?.contact.dueAt).toBeGreaterThanOrEqual(NOW + 5 * DAY);
    const dismissed = await data({ type: 'nudge.dismiss', contactId: ada.id });
    expect(dismissed?.contact).toMatchObject({ dismissedAt: NOW, dueAt: -1 });
    expect(await db.contacts.get(ada.id)).toMatchObject({ dismissedAt: NOW, dueAt: -1 });
    expect(await data({ type: 'nudge.dismiss', contactId: crypto.randomUUID() })).toBeNull();
  });
});

describe('the live port', () => {
  function fakePort() {
    const onMessage: ((message: unknown) => void)[] = [];
    const onDisconnect: (() => void)[] = [];
    const sent: ViewsMessage[] = [];
    const port = {
      name: 'li-live',
      onMessage: { addListener: (f: (message: unknown) => void) => onMessage.push(f) },
      onDisconnect: { addListener: (f: () => void) => onDisconnect.push(f) },
      postMessage: (m: ViewsMessage) => sent.push(structuredClone(m)),
      disconnect: () => undefined,
    };
    return {
      port: port as unknown as Browser.runtime.Port,
      sent,
      send: (m: unknown) => onMessage.forEach((f) => f(m)),
      disconnect: () => onDisconnect.forEach((f) => f()),
      last: (key: string): ContactView | null | undefined => sent.at(-1)?.views[key],
    };
  }

  it('pushes the watched contact, then an updated view after any write', async () => {
    db = makeTestDb();
    const live = fakePort();
    serveLivePort(db, live.port);
    live.send({ type: 'watch', identities: [{ kind: 'email', value: 'Ada@Example.com' }] });
    await vi.waitFor(() => expect(live.sent).toHaveLength(1));
    expect(live.sent[0]).toEqual({ type: 'views', views: { 'email:ada@example.com': null } });

    const logged = await logTouch(
      db,
      {
        identity: { kind: 'email', value: 'ada@example.com' },
        channel: 'email',
        outcome: 'positive',
        source: 'dashboard',
      },
      NOW,
    );
    if (!logged.ok) throw new Error(logged.error);
    await vi.waitFor(() =>
      expect(live.last('email:ada@example.com')?.contact.lastOutcome).toBe('positive'),
    );

    await logTouch(
      db,
      { contactId: logged.value.contact.id, channel: 'call', outcome: 'negative', source: 'popup' },
      NOW + 1000,
    );
    await vi.waitFor(() => {
      const view = live.last('email:ada@example.com');
      expect(view?.contact).toMatchObject({ lastOutcome: 'negative', touchCount: 2 });
      expect(view?.recent.map((t) => t.outcome)).toEqual(['negative', 'positive']);
    });
  });

  it('ignores malformed watch messages and stops after a disconnect', async () => {
    db = makeTestDb();
    const live = fakePort();
    serveLivePort(db, live.port);
    live.send({ type: 'watch', identities: [{ kind: 'email', value: 'not an email' }] });
    live.send({ type: 'watch', identities: 'ada@example.com' });
    live.send('watch');
    live.send({ type: 'watch', identities: [{ kind: 'email', value: 'ada@example.com' }] });
    await vi.waitFor(() => expect(live.sent).toHaveLength(1));
    expect(Object.keys(live.sent[0]!.views)).toEqual(['email:ada@example.com']);

    live.disconnect();
    await addContact(db, { name: 'Ada', emails: ['ada@example.com'], linkedin: [] }, NOW);
    // A second, connected port proves the write was observable before checking the first.
    const other = fakePort();
    serveLivePort(db, other.port);
    other.send({ type: 'watch', identities: [{ kind: 'email', value: 'ada@example.com' }] });
    await vi.waitFor(() => expect(other.last('email:ada@example.com')?.contact.name).toBe('Ada'));
    expect(live.sent).toHaveLength(1);
  });

  it('a new watch replaces the old one', async () => {
    db = makeTestDb();
    const live = fakePort();
    serveLivePort(db, live.port);
    live.send({ type: 'watch', identities: [{ kind: 'email', value: 'ada@example.com' }] });
    await vi.waitFor(() => expect(live.sent).toHaveLength(1));
    live.send({ type: 'watch', identities: [{ kind: 'linkedin', value: '/in/Bob' }] });
    await vi.waitFor(() => expect(live.sent).toHaveLength(2));
    expect(Object.keys(live.sent[1]!.views)).toEqual(['linkedin:/in/bob']);
    await addContact(db, { name: 'Bob', emails: [], linkedin: ['/in/bob'] }, NOW);
    await vi.waitFor(() => expect(live.last('linkedin:/in/bob')?.contact.name).toBe('Bob'));
    expect(
      live.sent.every((m) => !('email:ada@example.com' in m.views) || m === live.sent[0]),
    ).toBe(true);
  });
});
