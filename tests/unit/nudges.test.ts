import { describe, expect, it } from 'vitest';
import { addContact, setNudgeState } from '../../lib/db/contacts';
import type { LastImpressionDb } from '../../lib/db/database';
import { saveSettings } from '../../lib/db/settings';
import { logTouch } from '../../lib/db/touches';
import { DEFAULT_SETTINGS, type Outcome } from '../../lib/model';
import { dueCount, dueNudges, nextDueAt, snoozeUntil } from '../../lib/nudges';
import { clearTouches, makeTestDb } from '../support/db';

/** Local wall-clock times, so the rules' calendar days hold in any time zone. */
const at = (day: number, hour = 10, minute = 0) => new Date(2025, 2, day, hour, minute).getTime();
const CREATED = at(1, 8);

async function contact(
  db: LastImpressionDb,
  name: string,
  extra: { email?: string; cadenceDays?: number; excludeFromNudges?: boolean } = {},
): Promise<string> {
  const email = extra.email ?? `${name.toLowerCase().replace(/\W+/g, '.')}@client.test`;
  const added = await addContact(
    db,
    {
      name,
      emails: [email],
      linkedin: [],
      ...(extra.cadenceDays ? { cadenceDays: extra.cadenceDays } : {}),
      ...(extra.excludeFromNudges ? { excludeFromNudges: true } : {}),
    },
    CREATED,
  );
  if (!added.ok) throw new Error(added.error);
  return added.value.id;
}

async function touch(db: LastImpressionDb, contactId: string, when: number, outcome: Outcome) {
  const logged = await logTouch(
    db,
    { contactId, at: when, outcome, channel: 'email', source: 'dashboard' },
    when,
  );
  if (!logged.ok) throw new Error(logged.error);
}

const reasons = async (db: LastImpressionDb, now: number) =>
  (await dueNudges(db, now)).map((d) => `${d.contact.name}:${d.nudge.reason}`);

describe('share good news', () => {
  it('is due on the cadence day after the last positive touch, not the day before', async () => {
    const db = makeTestDb();
    const ada = await contact(db, 'Ada');
    await touch(db, ada, at(2), 'positive');
    expect(await reasons(db, at(15, 23, 59))).toEqual([]);
    const [due] = await dueNudges(db, at(16, 0, 0));
    expect(due?.nudge.reason).toBe('share-good-news');
    expect(due?.nudge.why).toBe('14 days since a positive touch');
  });

  it("follows the contact's own cadence over the default", async () => {
    const db = makeTestDb();
    const ada = await contact(db, 'Ada', { cadenceDays: 7 });
    await touch(db, ada, at(2), 'positive');
    expect(await reasons(db, at(8, 23))).toEqual([]);
    expect(await reasons(db, at(9, 0))).toEqual(['Ada:share-good-news']);
  });

  it('counts from when the contact was added when there was never a positive touch', async () => {
    const db = makeTestDb();
    await contact(db, 'Ada');
    expect(await reasons(db, at(14, 23))).toEqual([]);
    const [due] = await dueNudges(db, at(15, 9));
    expect(due?.nudge.why).toBe('no positive touch yet');
  });

  it('counts from the last touch when it predates the contact (an import of old history)', async () => {
    const db = makeTestDb();
    const ada = await contact(db, 'Ada');
    await touch(db, ada, at(1, 6) - 30 * 24 * 3600 * 1000, 'neutral');
    expect(await reasons(db, at(1, 9))).toEqual(['Ada:share-good-news']);
  });
});

describe('repair', () => {
  it('is raised the day after a negative touch, not the same day', async () => {
    const db = makeTestDb();
    const grace = await contact(db, 'Grace');
    await touch(db, grace, at(1, 9), 'positive');
    await touch(db, grace, at(10, 15), 'negative');
    expect(await reasons(db, at(10, 23, 59))).toEqual([]);
    const [due] = await dueNudges(db, at(11, 8));
    expect(due?.nudge.reason).toBe('repair');
    expect(due?.nudge.why).toBe('last impression negative, yesterday');
  });

  it('is raised when the balance is below zero even though the last touch was neutral', async () => {
    const db = makeTestDb();
    const grace = await contact(db, 'Grace');
    await touch(db, grace, at(3), 'negative');
    await touch(db, grace, at(4), 'negative');
    await touch(db, grace, at(5), 'neutral');
    const [due] = await dueNudges(db, at(6));
    expect(due?.nudge.reason).toBe('repair');
    expect(due?.nudge.why).toMatch(/overdrawn/);
  });

  it('ends, together with share good news, at the next positive touch', async () => {
    const db = makeTestDb();
    const grace = await contact(db, 'Grace');
    await touch(db, grace, at(1, 9), 'negative');
    await touch(db, grace, at(2, 9), 'negative');
    // Both rules apply: no positive touch for 20 days and the last impression is negative.
    expect(await reasons(db, at(21))).toEqual(['Grace:repair']);
    await touch(db, grace, at(21, 11), 'positive');
    expect(await reasons(db, at(21, 12))).toEqual([]);
    expect(await reasons(db, at(22))).toEqual([]);
  });
});

describe('snooze and dismiss', () => {
  it('hides a snoozed nudge until the snooze ends, then shows it again', async () => {
    const db = makeTestDb();
    const ada = await contact(db, 'Ada');
    await touch(db, ada, at(1), 'positive');
    const now = at(20, 14);
    expect(await reasons(db, now)).toEqual(['Ada:share-good-news']);
    await setNudgeState(db, ada, { snoozedUntil: snoozeUntil('1 week', now) }, now);
    expect(await reasons(db, now)).toEqual([]);
    expect(await reasons(db, at(26, 23, 59))).toEqual([]);
    expect(await reasons(db, at(27, 0))).toEqual(['Ada:share-good-news']);
  });

  it('hides a dismissed nudge until the next touch, however long that takes', async () => {
    const db = makeTestDb();
    const ada = await contact(db, 'Ada');
    await touch(db, ada, at(1), 'positive');
    await setNudgeState(db, ada, { dismissedAt: at(20) }, at(20));
    expect(await reasons(db, at(30))).toEqual([]);
    await touch(db, ada, at(30, 11), 'negative');
    expect(await reasons(db, at(31))).toEqual(['Ada:repair']);
  });

  it('lifts a dismissal with the next touch logged, even one dated before the dismissal', async () => {
    const db = makeTestDb();
    const ada = await contact(db, 'Ada');
    await touch(db, ada, at(1), 'positive');
    await setNudgeState(db, ada, { dismissedAt: at(20) }, at(20));
    await logTouch(
      db,
      { contactId: ada, at: at(18), outcome: 'negative', channel: 'call', source: 'dashboard' },
      at(21),
    );
    expect(await reasons(db, at(22))).toEqual(['Ada:repair']);
  });

  it('snoozes to the start of the named day', () => {
    const now = at(20, 14, 30);
    expect(snoozeUntil('1 day', now)).toBe(new Date(2025, 2, 21).getTime());
    expect(snoozeUntil('1 week', now)).toBe(new Date(2025, 2, 27).getTime());
    expect(snoozeUntil('1 month', now)).toBe(new Date(2025, 3, 20).getTime());
  });
});

describe('exclusions', () => {
  it('never nudges about an ignored email domain, an own address or an opted-out contact', async () => {
    const db = makeTestDb();
    for (const name of ['Ada', 'Colleague', 'Me', 'Opted']) {
      const id = await contact(db, name, {
        ...(name === 'Colleague' ? { email: 'pat@ourco.com' } : {}),
        ...(name === 'Me' ? { email: 'me@mail.test' } : {}),
        excludeFromNudges: name === 'Opted',
      });
      await touch(db, id, at(1), 'negative');
    }
    const saved = await saveSettings(db, {
      ...DEFAULT_SETTINGS,
      ignoredDomains: ['OurCo.com'],
      ownAddresses: ['me@mail.test'],
    });
    expect(saved.ok).toBe(true);
    expect(await reasons(db, at(5))).toEqual(['Ada:repair']);
  });
});

describe('the due list', () => {
  it('puts repair first, then the longest overdue', async () => {
    const db = makeTestDb();
    const recent = await contact(db, 'Recently due');
    const old = await contact(db, 'Long overdue');
    const hurt = await contact(db, 'Hurt');
    await touch(db, old, at(1), 'positive');
    await touch(db, recent, at(8), 'positive');
    await touch(db, hurt, at(20), 'positive');
    await touch(db, hurt, at(24), 'negative');
    expect(await reasons(db, at(25))).toEqual([
      'Hurt:repair',
      'Long overdue:share-good-news',
      'Recently due:share-good-news',
    ]);
  });

  it('hands over only the most urgent ones when asked for a few, and counts them all', async () => {
    const db = makeTestDb();
    const ids: string[] = [];
    for (const [i, name] of ['A', 'B', 'C', 'D', 'E'].entries()) {
      ids.push(await contact(db, name));
      await touch(db, ids[i]!, at(1 + i), 'positive');
    }
    await touch(db, ids[4]!, at(10), 'negative');
    const now = at(25);
    expect(await reasons(db, now)).toEqual([
      'E:repair',
      'A:share-good-news',
      'B:share-good-news',
      'C:share-good-news',
      'D:share-good-news',
    ]);
    const top = (await dueNudges(db, now, 3)).map((d) => d.contact.name);
    expect(top).toEqual(['E', 'A', 'B']);
    expect(await dueCount(db, now)).toBe(5);
    await setNudgeState(db, ids[0]!, { snoozedUntil: snoozeUntil('1 day', now) }, now);
    expect((await dueNudges(db, now, 3)).map((d) => d.contact.name)).toEqual(['E', 'B', 'C']);
    expect(await dueCount(db, now)).toBe(4);
  });

  it('is read from the contacts’ summaries, never from their touches', async () => {
    const db = makeTestDb();
    const ada = await contact(db, 'Ada');
    await touch(db, ada, at(1), 'negative');
    await clearTouches(db);
    expect(await reasons(db, at(2))).toEqual(['Ada:repair']);
  });

  it('knows when the next contact falls due, for the badge timer', async () => {
    const db = makeTestDb();
    const ada = await contact(db, 'Ada');
    await touch(db, ada, at(3, 15), 'negative');
    expect(await nextDueAt(db, at(3, 16))).toBe(new Date(2025, 2, 4).getTime());
    expect(await nextDueAt(db, at(4, 1))).toBeNull();
  });
});
