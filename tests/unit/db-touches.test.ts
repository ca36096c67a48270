import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { deleteContact, findContactByIdentity } from '../../lib/db/contacts';
import type { LastImpressionDb } from '../../lib/db/database';
import {
  deleteTouch,
  editTouch,
  logTouch,
  recentTouches,
  restoreTouch,
} from '../../lib/db/touches';
import { goodwillBalance, goodwillNow, summarize } from '../../lib/impressions';
import { emailKey, linkedinKey } from '../../lib/model';
import { dumpDb, makeTestDb } from '../support/db';
import { allTouches, countTouches, getTouch } from '../../lib/db/queries';

const DAY = 24 * 3600 * 1000;
const NOW = Date.UTC(2026, 4, 20, 12);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let db: LastImpressionDb;
afterEach(async () => {
  db?.close();
});

function fresh() {
  db = makeTestDb();
  return db;
}

async function logged<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: string }>) {
  const r = await result;
  if (!r.ok) throw new Error(`expected ok, got: ${r.error}`);
  return r.value;
}

const email = (value: string) => ({ kind: 'email' as const, value });

describe('logTouch', () => {
  it('creates a contact from a new email, lower-cased, and stores the touch with it', async () => {
    fresh();
    const { touch, contact } = await logged(
      logTouch(
        db,
        {
          identity: email('  Ada@Example.COM '),
          name: 'Ada Lovelace',
          channel: 'email',
          outcome: 'positive',
          note: 'sent the fix',
          source: 'gmail',
        },
        NOW,
      ),
    );
    expect(contact.emails).toEqual(['ada@example.com']);
    expect(contact.identities).toEqual(['email:ada@example.com']);
    expect(contact.name).toBe('Ada Lovelace');
    expect(contact.id).toMatch(UUID);
    expect(touch.id).toMatch(UUID);
    expect(touch).toMatchObject({
      contactId: contact.id,
      at: NOW,
      channel: 'email',
      outcome: 'positive',
      note: 'sent the fix',
      source: 'gmail',
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(contact).toMatchObject({ createdAt: NOW, updatedAt: NOW });

    const stored = await db.contacts.get(contact.id);
    expect(stored).toMatchObject({
      touchCount: 1,
      lastTouchAt: NOW,
      lastOutcome: 'positive',
      lastPositiveAt: NOW,
      goodwillAtLastTouch: 1,
    });
    expect(await getTouch(db, touch.id)).toEqual(touch);
  });

  it('names a contact created without a name after its identity', async () => {
    fresh();
    const { contact } = await logged(
      logTouch(
        db,
        { identity: email('grace@navy.mil'), channel: 'call', outcome: 'neutral', source: 'popup' },
        NOW,
      ),
    );
    expect(contact.name).toBe('grace@navy.mil');
  });

  it('reuses the contact next time, whatever the case of the address, and updates its summary', async () => {
    fresh();
    const first = await logged(
      logTouch(
        db,
        {
          identity: email('ada@example.com'),
          channel: 'email',
          outcome: 'positive',
          source: 'gmail',
        },
        NOW - 2 * DAY,
      ),
    );
    const second = await logged(
      logTouch(
        db,
        {
          identity: email('ADA@example.com'),
          channel: 'call',
          outcome: 'negative',
          source: 'gmail',
        },
        NOW,
      ),
    );
    expect(second.contact.id).toBe(first.contact.id);
    expect(await db.contacts.count()).toBe(1);
    const stored = await db.contacts.get(first.contact.id);
    expect(stored).toMatchObject({
      touchCount: 2,
      lastTouchAt: NOW,
      lastOutcome: 'negative',
      lastPositiveAt: NOW - 2 * DAY,
      createdAt: NOW - 2 * DAY,
      updatedAt: NOW,
    });
    expect(stored!.goodwillAtLastTouch).toBeCloseTo(Math.pow(0.5, 2 / 30) - 1, 10);
  });

  it('logs against a contact by id', async () => {
    fresh();
    const { contact } = await logged(
      logTouch(
        db,
        {
          identity: email('ada@example.com'),
          channel: 'email',
          outcome: 'neutral',
          source: 'gmail',
        },
        NOW - DAY,
      ),
    );
    const again = await logged(
      logTouch(
        db,
        { contactId: contact.id, channel: 'meeting', outcome: 'positive', source: 'dashboard' },
        NOW,
      ),
    );
    expect(again.contact.id).toBe(contact.id);
    expect((await db.contacts.get(contact.id))?.touchCount).toBe(2);
  });

  it('creates a contact from a LinkedIn path: vanity slugs lower-cased, ACoA ids kept', async () => {
    fresh();
    const vanity = await logged(
      logTouch(
        db,
        {
          identity: { kind: 'linkedin', value: '/in/RobertKCheung/' },
          channel: 'linkedin',
          outcome: 'positive',
          source: 'linkedin',
        },
        NOW,
      ),
    );
    expect(vanity.contact.linkedin).toEqual(['/in/robertkcheung']);
    const idStyle = await logged(
      logTouch(
        db,
        {
          identity: { kind: 'linkedin', value: '/in/ACoAABcDeFg' },
          channel: 'linkedin',
          outcome: 'positive',
          source: 'linkedin',
        },
        NOW,
      ),
    );
    expect(idStyle.contact.linkedin).toEqual(['/in/ACoAABcDeFg']);
    expect(idStyle.contact.id).not.toBe(vanity.contact.id);
    expect((await findContactByIdentity(db, linkedinKey('/in/robertkcheung')))?.id).toBe(
      vanity.contact.id,
    );
  });

  it('refuses bad input and unknown contacts without writing anything', async () => {
    fresh();
    const before = await dumpDb(db);
    const bad = await logTouch(
      db,
      { identity: email('not an email'), channel: 'email', outcome: 'positive', source: 'gmail' },
      NOW,
    );
    expect(bad).toEqual({ ok: false, error: expect.stringContaining('email') });
    const noOne = await logTouch(
      db,
      { channel: 'email', outcome: 'positive', source: 'gmail' },
      NOW,
    );
    expect(noOne.ok).toBe(false);
    const badOutcome = await logTouch(
      db,
      { identity: email('a@b.co'), channel: 'email', outcome: 'great', source: 'gmail' },
      NOW,
    );
    expect(badOutcome).toEqual({ ok: false, error: expect.stringContaining('outcome') });
    const gone = await logTouch(
      db,
      {
        contactId: '9b2f6a2e-6c55-4f6e-9d7e-3c1b2a4d5e6f',
        channel: 'email',
        outcome: 'positive',
        source: 'gmail',
      },
      NOW,
    );
    expect(gone.ok).toBe(false);
    const farFuture = await logTouch(
      db,
      {
        identity: email('a@b.co'),
        at: Date.UTC(3000, 0, 1),
        channel: 'email',
        outcome: 'positive',
        source: 'gmail',
      },
      NOW,
    );
    expect(farFuture).toEqual({ ok: false, error: expect.stringMatching(/future|after 2199/) });
    const nan = await logTouch(
      db,
      {
        identity: email('a@b.co'),
        at: NaN,
        channel: 'email',
        outcome: 'positive',
        source: 'gmail',
      },
      NOW,
    );
    expect(nan.ok).toBe(false);
    expect(await dumpDb(db)).toEqual(before);
  });

  it('falls back to the identity when the contact id is stale (merged away), never duplicating', async () => {
    fresh();
    const { contact } = await logged(
      logTouch(
        db,
        {
          identity: email('ada@example.com'),
          channel: 'email',
          outcome: 'neutral',
          source: 'gmail',
        },
        NOW - DAY,
      ),
    );
    const logged2 = await logged(
      logTouch(
        db,
        {
          contactId: '9b2f6a2e-6c55-4f6e-9d7e-3c1b2a4d5e6f',
          identity: email('ada@example.com'),
          channel: 'email',
          outcome: 'positive',
          source: 'gmail',
        },
        NOW,
      ),
    );
    expect(logged2.contact.id).toBe(contact.id);
    expect(await db.contacts.where('identities').equals('email:ada@example.com').count()).toBe(1);
    expect(await db.contacts.get(contact.id)).toMatchObject({
      touchCount: 2,
      lastOutcome: 'positive',
    });
  });

  it('writes nothing at all when the summary update fails inside the transaction', async () => {
    fresh();
    db.contacts.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(
      logTouch(
        db,
        {
          identity: email('ada@example.com'),
          channel: 'email',
          outcome: 'positive',
          source: 'gmail',
        },
        NOW,
      ),
    ).rejects.toThrow('disk full');
    expect(await countTouches(db)).toBe(0);
    expect(await db.contacts.count()).toBe(0);
  });

  it('keeps the old touch list and summary when updating an existing contact fails', async () => {
    fresh();
    await logged(
      logTouch(
        db,
        {
          identity: email('ada@example.com'),
          channel: 'email',
          outcome: 'positive',
          source: 'gmail',
        },
        NOW - DAY,
      ),
    );
    const before = await dumpDb(db);
    db.contacts.hook('updating', () => {
      throw new Error('disk full');
    });
    await expect(
      logTouch(
        db,
        {
          identity: email('ada@example.com'),
          channel: 'call',
          outcome: 'negative',
          source: 'gmail',
        },
        NOW,
      ),
    ).rejects.toThrow('disk full');
    expect(await dumpDb(db)).toEqual(before);
  });

  it('a backdated touch recomputes the summary instead of becoming the last impression', async () => {
    fresh();
    const { contact } = await logged(
      logTouch(
        db,
        {
          identity: email('ada@example.com'),
          channel: 'email',
          outcome: 'negative',
          source: 'gmail',
        },
        NOW - DAY,
      ),
    );
    await logged(
      logTouch(
        db,
        {
          contactId: contact.id,
          at: NOW - 10 * DAY,
          channel: 'meeting',
          outcome: 'positive',
          goodNews: true,
          source: 'dashboard',
        },
        NOW,
      ),
    );
    const stored = await db.contacts.get(contact.id);
    expect(stored).toMatchObject({
      touchCount: 2,
      lastTouchAt: NOW - DAY,
      lastOutcome: 'negative',
      lastPositiveAt: NOW - 10 * DAY,
    });
    const touches = await allTouches(db);
    expect(goodwillNow(stored!, NOW)).toBeCloseTo(goodwillBalance(touches, NOW, 30), 10);
    expect(goodwillNow(stored!, NOW)).toBeCloseTo(
      2 * Math.pow(0.5, 10 / 30) - Math.pow(0.5, 1 / 30),
      10,
    );
  });
});

describe('editTouch, deleteTouch, restoreTouch', () => {
  async function threeTouches() {
    fresh();
    const a = await logged(
      logTouch(
        db,
        {
          identity: email('ada@example.com'),
          channel: 'email',
          outcome: 'positive',
          source: 'gmail',
        },
        NOW - 5 * DAY,
      ),
    );
    const b = await logged(
      logTouch(
        db,
        { contactId: a.contact.id, channel: 'call', outcome: 'neutral', source: 'gmail' },
        NOW - 3 * DAY,
      ),
    );
    const c = await logged(
      logTouch(
        db,
        { contactId: a.contact.id, channel: 'meeting', outcome: 'negative', source: 'gmail' },
        NOW - DAY,
      ),
    );
    return { contactId: a.contact.id, first: a.touch, second: b.touch, third: c.touch };
  }

  it('editing the outcome of the last touch changes the last impression and goodwill', async () => {
    const { contactId, third } = await threeTouches();
    const edited = await logged(editTouch(db, third.id, { outcome: 'positive' }, NOW));
    expect(edited).toMatchObject({ id: third.id, outcome: 'positive', updatedAt: NOW });
    expect(edited.createdAt).toBe(third.createdAt);
    const stored = await db.contacts.get(contactId);
    expect(stored).toMatchObject({ lastOutcome: 'positive', lastPositiveAt: NOW - DAY });
    expect(goodwillNow(stored!, NOW)).toBeCloseTo(
      goodwillBalance(await allTouches(db), NOW, 30),
      10,
    );
    expect(goodwillNow(stored!, NOW)).toBeGreaterThan(1);
  });

  it('moving a touch in time re-derives which one is last', async () => {
    const { contactId, first } = await threeTouches();
    await logged(editTouch(db, first.id, { at: NOW - 2 * 3600 * 1000 }, NOW));
    expect(await db.contacts.get(contactId)).toMatchObject({
      lastOutcome: 'positive',
      lastTouchAt: NOW - 2 * 3600 * 1000,
    });
    expect((await recentTouches(db, contactId, 5)).map((t) => t.outcome)).toEqual([
      'positive',
      'negative',
      'neutral',
    ]);
  });

  it('clearing the note and the good-news flag removes them', async () => {
    const { first } = await threeTouches();
    await logged(editTouch(db, first.id, { note: 'hello', goodNews: true }, NOW));
    expect(await getTouch(db, first.id)).toMatchObject({ note: 'hello', goodNews: true });
    await logged(editTouch(db, first.id, { note: '', goodNews: false }, NOW));
    const stored = await getTouch(db, first.id);
    expect(stored).not.toHaveProperty('note');
    expect(stored).not.toHaveProperty('goodNews');
  });

  it('refuses a bad patch or a missing touch and changes nothing', async () => {
    const { first } = await threeTouches();
    const before = await dumpDb(db);
    expect((await editTouch(db, first.id, { outcome: 'meh' }, NOW)).ok).toBe(false);
    expect((await editTouch(db, first.id, { at: Date.UTC(3000, 0, 1) }, NOW)).ok).toBe(false);
    expect((await editTouch(db, 'nope', { outcome: 'positive' }, NOW)).ok).toBe(false);
    expect(await dumpDb(db)).toEqual(before);
  });

  it('deleting the last touch brings back the one before as the last impression', async () => {
    const { contactId, third } = await threeTouches();
    const removed = await deleteTouch(db, third.id, NOW);
    expect(removed).toEqual(third);
    expect(await getTouch(db, third.id)).toBeUndefined();
    expect(await db.contacts.get(contactId)).toMatchObject({
      touchCount: 2,
      lastOutcome: 'neutral',
      lastTouchAt: NOW - 3 * DAY,
      updatedAt: NOW,
    });
    expect(await deleteTouch(db, third.id, NOW)).toBeUndefined();
  });

  it('deleting every touch empties the summary', async () => {
    const { contactId, first, second, third } = await threeTouches();
    for (const t of [first, second, third]) await deleteTouch(db, t.id, NOW);
    expect(await db.contacts.get(contactId)).toMatchObject({
      touchCount: 0,
      lastTouchAt: null,
      lastOutcome: null,
      lastPositiveAt: null,
      goodwillAtLastTouch: 0,
    });
  });

  it('restoring a deleted touch (Undo) puts it and the summary back', async () => {
    const { contactId, third } = await threeTouches();
    const before = await db.contacts.get(contactId);
    const removed = await deleteTouch(db, third.id, NOW);
    expect(await restoreTouch(db, removed!, NOW + 1000)).toBe(true);
    expect(await getTouch(db, third.id)).toEqual(third);
    const after = await db.contacts.get(contactId);
    expect(after).toMatchObject({
      touchCount: before!.touchCount,
      lastOutcome: 'negative',
      lastTouchAt: before!.lastTouchAt,
    });
    expect(after!.goodwillAtLastTouch).toBeCloseTo(before!.goodwillAtLastTouch, 10);
  });

  it('restoring a touch whose contact was deleted does nothing', async () => {
    const { contactId, third } = await threeTouches();
    await deleteContact(db, contactId);
    expect(await restoreTouch(db, third, NOW)).toBe(false);
    expect(await countTouches(db)).toBe(0);
  });
});

describe('finding a contact by identity', () => {
  it('finds by any of its identities: each email, each LinkedIn path', async () => {
    fresh();
    const { contact } = await logged(
      logTouch(
        db,
        {
          identity: email('ada@example.com'),
          channel: 'email',
          outcome: 'positive',
          source: 'gmail',
        },
        NOW,
      ),
    );
    await db.contacts.update(contact.id, {
      emails: ['ada@example.com', 'ada@work.org'],
      linkedin: ['/in/ada', '/in/ACoAAxYz'],
      identities: [
        emailKey('ada@example.com'),
        emailKey('ada@work.org'),
        linkedinKey('/in/ada'),
        linkedinKey('/in/ACoAAxYz'),
      ],
    });
    for (const key of [
      emailKey('ADA@work.org'),
      linkedinKey('/in/Ada'),
      linkedinKey('/in/ada/'),
      linkedinKey('/in/ACoAAxYz'),
    ]) {
      expect((await findContactByIdentity(db, key))?.id).toBe(contact.id);
    }
    expect(await findContactByIdentity(db, linkedinKey('/in/ACoAAXYZ'))).toBeUndefined();
    expect(await findContactByIdentity(db, emailKey('someone@else.com'))).toBeUndefined();
  });
});

describe('the stored summary always matches the touches', () => {
  type Step =
    | {
        op: 'log';
        daysAgo: number;
        outcome: 'positive' | 'neutral' | 'negative';
        goodNews: boolean;
      }
    | { op: 'edit'; pick: number; outcome: 'positive' | 'neutral' | 'negative'; daysAgo: number }
    | { op: 'delete'; pick: number };
  const outcome = fc.constantFrom('positive' as const, 'neutral' as const, 'negative' as const);
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({
      op: fc.constant('log' as const),
      daysAgo: fc.integer({ min: 0, max: 90 }),
      outcome,
      goodNews: fc.boolean(),
    }),
    fc.record({
      op: fc.constant('edit' as const),
      pick: fc.nat(),
      outcome,
      daysAgo: fc.integer({ min: 0, max: 90 }),
    }),
    fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }),
  );

  it('after any sequence of logs (in order or backdated), edits and deletes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const db = makeTestDb();
        try {
          let clock = NOW;
          for (const s of steps) {
            clock += 60_000;
            const ids = (await allTouches(db)).map((t) => t.id).sort();
            if (s.op === 'log') {
              const r = await logTouch(
                db,
                {
                  identity: email('ada@example.com'),
                  at: clock - s.daysAgo * DAY,
                  channel: 'email',
                  outcome: s.outcome,
                  goodNews: s.goodNews,
                  source: 'dashboard',
                },
                clock,
              );
              expect(r.ok).toBe(true);
            } else if (ids.length) {
              const id = ids[s.pick % ids.length]!;
              if (s.op === 'edit') {
                const patch = { outcome: s.outcome, at: clock - s.daysAgo * DAY };
                expect((await editTouch(db, id, patch, clock)).ok).toBe(true);
              } else {
                expect(await deleteTouch(db, id, clock)).toBeDefined();
              }
            }
            const contact = await db.contacts.toCollection().first();
            if (!contact) continue;
            const touches = await allTouches(db);
            const truth = summarize(touches, 30);
            expect(contact).toMatchObject({
              touchCount: truth.touchCount,
              lastTouchAt: truth.lastTouchAt,
              lastOutcome: truth.lastOutcome,
              lastPositiveAt: truth.lastPositiveAt,
            });
            expect(goodwillNow(contact, clock)).toBeCloseTo(goodwillBalance(touches, clock, 30), 9);
          }
        } finally {
          db.close();
        }
      }),
      { numRuns: 40 },
    );
  });
});
