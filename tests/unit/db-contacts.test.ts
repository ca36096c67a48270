import { afterEach, describe, expect, it } from 'vitest';
import {
  addContact,
  deleteContact,
  findContactByIdentity,
  linkIdentity,
  mergeContacts,
  setNudgeState,
  updateContact,
} from '../../lib/db/contacts';
import type { LastImpressionDb } from '../../lib/db/database';
import { logTouch } from '../../lib/db/touches';
import { goodwillBalance, goodwillNow } from '../../lib/impressions';
import { emailKey, linkedinKey } from '../../lib/model';
import { dumpDb, makeTestDb, must } from '../support/db';
import { allTouches } from '../../lib/db/queries';
import { touchesOfContact } from '../../lib/db/months';

const DAY = 24 * 3600 * 1000;
const NOW = Date.UTC(2026, 4, 20, 12);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let db: LastImpressionDb;
afterEach(() => db?.close());

async function contactWithTouches(
  emailAddress: string,
  outcomes: { daysAgo: number; outcome: 'positive' | 'neutral' | 'negative' }[],
) {
  const contact = await must(
    addContact(db, { name: emailAddress, emails: [emailAddress], linkedin: [] }, NOW - 100 * DAY),
  );
  for (const t of outcomes) {
    await must(
      logTouch(
        db,
        {
          contactId: contact.id,
          at: NOW - t.daysAgo * DAY,
          channel: 'email',
          outcome: t.outcome,
          source: 'dashboard',
        },
        NOW - t.daysAgo * DAY,
      ),
    );
  }
  return (await db.contacts.get(contact.id))!;
}

describe('addContact and updateContact', () => {
  it('stores a contact with a UUID, normalised identities and timestamps', async () => {
    db = makeTestDb();
    const contact = await must(
      addContact(
        db,
        {
          name: '  Ada Lovelace ',
          emails: ['Ada@Example.com', 'ada@example.com'],
          linkedin: ['/in/Ada-L', '/in/ACoAAbC'],
          company: 'Analytical Engines',
          tags: ['vip', 'vip'],
          cadenceDays: 7,
        },
        NOW,
      ),
    );
    expect(contact.id).toMatch(UUID);
    expect(contact).toMatchObject({
      name: 'Ada Lovelace',
      emails: ['ada@example.com'],
      linkedin: ['/in/ada-l', '/in/ACoAAbC'],
      identities: ['email:ada@example.com', 'linkedin:/in/ada-l', 'linkedin:/in/ACoAAbC'],
      tags: ['vip'],
      cadenceDays: 7,
      touchCount: 0,
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(await db.contacts.get(contact.id)).toEqual(contact);
    const other = await must(addContact(db, { name: 'B', emails: [], linkedin: [] }, NOW));
    expect(other.id).not.toBe(contact.id);
  });

  it('refuses an identity that already belongs to someone else', async () => {
    db = makeTestDb();
    await must(addContact(db, { name: 'Ada', emails: ['ada@example.com'], linkedin: [] }, NOW));
    const before = await dumpDb(db);
    const clash = await addContact(
      db,
      { name: 'Other', emails: ['ADA@example.com'], linkedin: [] },
      NOW,
    );
    expect(clash).toEqual({ ok: false, error: expect.stringContaining('ada@example.com') });
    expect(await dumpDb(db)).toEqual(before);
  });

  it('refuses invalid fields, naming the field', async () => {
    db = makeTestDb();
    expect(await addContact(db, { name: '', emails: [], linkedin: [] }, NOW)).toEqual({
      ok: false,
      error: expect.stringContaining('name'),
    });
    expect(
      await addContact(db, { name: 'A', emails: [], linkedin: [], cadenceDays: 0 }, NOW),
    ).toEqual({ ok: false, error: expect.stringContaining('cadenceDays') });
    expect(await db.contacts.count()).toBe(0);
  });

  it('updating keeps the summary and creation time, moves updatedAt, recomputes dueAt', async () => {
    db = makeTestDb();
    const ada = await contactWithTouches('ada@example.com', [{ daysAgo: 3, outcome: 'positive' }]);
    const next = await must(
      updateContact(
        db,
        ada.id,
        { name: 'Ada L.', emails: ['ada@example.com'], linkedin: [], cadenceDays: 30 },
        NOW,
      ),
    );
    expect(next).toMatchObject({
      id: ada.id,
      name: 'Ada L.',
      touchCount: 1,
      lastOutcome: 'positive',
      lastPositiveAt: ada.lastPositiveAt,
      createdAt: ada.createdAt,
      updatedAt: NOW,
      cadenceDays: 30,
    });
    expect(next.dueAt).toBeGreaterThan(ada.dueAt);
    expect(await db.contacts.get(ada.id)).toEqual(next);
  });

  it('updating may not take an identity from another contact', async () => {
    db = makeTestDb();
    const ada = await must(
      addContact(db, { name: 'Ada', emails: ['ada@x.org'], linkedin: [] }, NOW),
    );
    await must(addContact(db, { name: 'Bob', emails: ['bob@x.org'], linkedin: [] }, NOW));
    const r = await updateContact(
      db,
      ada.id,
      { name: 'Ada', emails: ['ada@x.org', 'bob@x.org'], linkedin: [] },
      NOW,
    );
    expect(r.ok).toBe(false);
    expect((await findContactByIdentity(db, emailKey('bob@x.org')))?.name).toBe('Bob');
  });
});

describe('linkIdentity', () => {
  it('attaches a new identity so the contact is found by it', async () => {
    db = makeTestDb();
    const ada = await must(
      addContact(db, { name: 'Ada', emails: ['ada@x.org'], linkedin: [] }, NOW),
    );
    const linked = await must(linkIdentity(db, ada.id, linkedinKey('/in/ACoAAzZz'), NOW + 1));
    expect(linked.linkedin).toEqual(['/in/ACoAAzZz']);
    expect(linked.updatedAt).toBe(NOW + 1);
    expect((await findContactByIdentity(db, linkedinKey('/in/ACoAAzZz')))?.id).toBe(ada.id);
    const again = await must(linkIdentity(db, ada.id, linkedinKey('/in/ACoAAzZz'), NOW + 2));
    expect(again.linkedin).toEqual(['/in/ACoAAzZz']);
  });

  it('refuses an identity owned by another contact and changes nothing', async () => {
    db = makeTestDb();
    const ada = await must(
      addContact(db, { name: 'Ada', emails: ['ada@x.org'], linkedin: [] }, NOW),
    );
    await must(addContact(db, { name: 'Bob', emails: [], linkedin: ['/in/bob'] }, NOW));
    const before = await dumpDb(db);
    const r = await linkIdentity(db, ada.id, linkedinKey('/in/Bob'), NOW + 1);
    expect(r).toEqual({ ok: false, error: expect.stringContaining('/in/bob') });
    expect(await dumpDb(db)).toEqual(before);
  });

  it('says so when the contact is gone', async () => {
    db = makeTestDb();
    const r = await linkIdentity(db, crypto.randomUUID(), emailKey('a@b.co'), NOW);
    expect(r.ok).toBe(false);
  });
});

describe('mergeContacts', () => {
  it('moves every touch, joins identities, recomputes the summary and deletes the other', async () => {
    db = makeTestDb();
    const into = await contactWithTouches('ada@x.org', [
      { daysAgo: 20, outcome: 'positive' },
      { daysAgo: 10, outcome: 'neutral' },
    ]);
    const from = await contactWithTouches('ada@home.net', [
      { daysAgo: 15, outcome: 'positive' },
      { daysAgo: 2, outcome: 'negative' },
    ]);
    await must(linkIdentity(db, from.id, linkedinKey('/in/ada'), NOW));
    const merged = await must(mergeContacts(db, into.id, from.id, NOW));

    expect(await db.contacts.get(from.id)).toBeUndefined();
    expect(await db.contacts.count()).toBe(1);
    const touches = await allTouches(db);
    expect(touches).toHaveLength(4);
    expect(touches.every((t) => t.contactId === into.id)).toBe(true);
    expect(merged).toMatchObject({
      id: into.id,
      emails: ['ada@x.org', 'ada@home.net'],
      linkedin: ['/in/ada'],
      touchCount: 4,
      lastOutcome: 'negative',
      lastTouchAt: NOW - 2 * DAY,
      lastPositiveAt: NOW - 15 * DAY,
      updatedAt: NOW,
    });
    expect(goodwillNow(merged, NOW)).toBeCloseTo(goodwillBalance(touches, NOW, 30), 10);
    expect(await db.contacts.get(into.id)).toEqual(merged);
    for (const key of [emailKey('ada@home.net'), linkedinKey('/in/ada'), emailKey('ada@x.org')]) {
      expect((await findContactByIdentity(db, key))?.id).toBe(into.id);
    }
  });

  it('is one transaction: a failure part-way leaves both contacts and their touches as they were', async () => {
    db = makeTestDb();
    const into = await contactWithTouches('ada@x.org', [{ daysAgo: 5, outcome: 'positive' }]);
    const from = await contactWithTouches('ada@home.net', [{ daysAgo: 1, outcome: 'negative' }]);
    const before = await dumpDb(db);
    db.contacts.hook('deleting', () => {
      throw new Error('disk full');
    });
    await expect(mergeContacts(db, into.id, from.id, NOW)).rejects.toThrow('disk full');
    expect(await dumpDb(db)).toEqual(before);
  });

  it('refuses to merge a contact into itself or a missing one', async () => {
    db = makeTestDb();
    const ada = await contactWithTouches('ada@x.org', [{ daysAgo: 5, outcome: 'positive' }]);
    const before = await dumpDb(db);
    expect((await mergeContacts(db, ada.id, ada.id, NOW)).ok).toBe(false);
    expect((await mergeContacts(db, ada.id, crypto.randomUUID(), NOW)).ok).toBe(false);
    expect(await dumpDb(db)).toEqual(before);
  });
});

describe('deleteContact', () => {
  it('deletes the contact and all its touches, and nobody else’s', async () => {
    db = makeTestDb();
    const ada = await contactWithTouches('ada@x.org', [
      { daysAgo: 5, outcome: 'positive' },
      { daysAgo: 1, outcome: 'negative' },
    ]);
    const bob = await contactWithTouches('bob@x.org', [{ daysAgo: 3, outcome: 'neutral' }]);
    await deleteContact(db, ada.id);
    expect(await db.contacts.get(ada.id)).toBeUndefined();
    expect(await touchesOfContact(db, ada.id).then((t) => t.length)).toBe(0);
    expect(await touchesOfContact(db, bob.id).then((t) => t.length)).toBe(1);
    expect(await findContactByIdentity(db, emailKey('ada@x.org'))).toBeUndefined();
  });
});

describe('setNudgeState', () => {
  it('a snooze moves the due index to its end; a dismissal takes the contact out of it', async () => {
    db = makeTestDb();
    const ada = await contactWithTouches('ada@x.org', [{ daysAgo: 1, outcome: 'negative' }]);
    expect(ada.dueAt).toBeLessThanOrEqual(NOW);
    const snoozed = await setNudgeState(db, ada.id, { snoozedUntil: NOW + 3 * DAY }, NOW);
    expect(snoozed).toMatchObject({ snoozedUntil: NOW + 3 * DAY, dueAt: NOW + 3 * DAY });
    expect(await db.contacts.where('dueAt').belowOrEqual(NOW).count()).toBe(0);
    const dismissed = await setNudgeState(db, ada.id, { dismissedAt: NOW }, NOW);
    expect(dismissed?.dueAt).toBe(-1);
    expect(await db.contacts.get(ada.id)).toEqual(dismissed);
    expect(await setNudgeState(db, crypto.randomUUID(), { dismissedAt: NOW }, NOW)).toBeUndefined();
  });

  it('What each sender may ask: a snooze ends within a year of the write, whoever asks', async () => {
    db = makeTestDb();
    const ada = await contactWithTouches('ada@x.org', [{ daysAgo: 1, outcome: 'negative' }]);
    const before = await db.contacts.get(ada.id);
    for (const until of [1e300, NOW + 367 * DAY, Infinity, NaN, -1]) {
      await expect(
        setNudgeState(db, ada.id, { snoozedUntil: until }, NOW),
        String(until),
      ).rejects.toThrow(/year|time|1970|2199/);
    }
    await expect(setNudgeState(db, ada.id, { dismissedAt: NaN }, NOW)).rejects.toThrow();
    expect(await db.contacts.get(ada.id)).toEqual(before);
    const year = await setNudgeState(db, ada.id, { snoozedUntil: NOW + 365 * DAY }, NOW);
    expect(year?.snoozedUntil).toBe(NOW + 365 * DAY);
  });
});
