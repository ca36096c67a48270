import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importBackupText } from '../../lib/backup/import';
import { deleteContact, findContactByIdentity, mergeContacts } from '../../lib/db/contacts';
import type { LastImpressionDb } from '../../lib/db/database';
import { allTouches } from '../../lib/db/queries';
import { readReview } from '../../lib/db/review';
import {
  episodesOfMonth,
  reviewStoreOf,
  tallyTouches,
  type RepairMonth,
  type TallyMonth,
} from '../../lib/db/review-store';
import { episodesOfShard, runningShardsOf, type RunningShard } from '../../lib/db/running';
import { getSettings, saveSettings } from '../../lib/db/settings';
import { deleteTouch, editTouch, logTouch, restoreTouch } from '../../lib/db/touches';
import type { Outcome, Touch } from '../../lib/model';
import { buildReview, reviewOf } from '../../lib/review';
import { makeBackup } from '../support/backups';
import { makeTestDb } from '../support/db';
import { inTimeZone } from '../support/time-zone';

const DAY = 24 * 3600 * 1000;
// Four months that hold both of St. John's daylight-saving changes, in a zone 3½ hours off UTC.
const NOW = Date.UTC(2026, 2, 20, 12);
const PEOPLE = ['ada@x.org', 'bo@x.org', 'cy@x.org', 'di@x.org'];

type Step =
  | { op: 'log'; who: number; hoursAgo: number; outcome: Outcome; goodNews: boolean; note: boolean }
  | { op: 'edit'; pick: number; outcome: Outcome; hoursAgo: number; note: boolean }
  | { op: 'delete'; pick: number }
  | { op: 'undo' }
  | { op: 'import'; who: number[]; outcomes: Outcome[]; hoursAgo: number[] }
  | { op: 'merge'; into: number; from: number }
  | { op: 'deleteContact'; who: number }
  | { op: 'halfLife'; days: number };

const outcome = fc.constantFrom<Outcome>('positive', 'neutral', 'negative');
// Most touches are logged as they happen (the in-order path), the rest backdated or ahead.
const hoursAgo = fc.oneof(
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 2, arbitrary: fc.integer({ min: -48, max: 120 * 24 }) },
);
const who = fc.integer({ min: 0, max: PEOPLE.length - 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('log' as const),
      who,
      hoursAgo,
      outcome,
      goodNews: fc.boolean(),
      note: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('edit' as const),
      pick: fc.nat(),
      outcome,
      hoursAgo,
      note: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('undo' as const) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('import' as const),
      who: fc.array(who, { minLength: 1, maxLength: 3 }),
      outcomes: fc.array(outcome, { minLength: 1, maxLength: 8 }),
      hoursAgo: fc.array(hoursAgo, { minLength: 8, maxLength: 8 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('merge' as const), into: who, from: who }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deleteContact' as const), who }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('halfLife' as const), days: fc.constantFrom(7, 30) }),
  },
);

async function run(db: LastImpressionDb, s: Step, clock: number, deleted: Touch[]) {
  const touches = (await allTouches(db)).sort((a, b) => (a.id < b.id ? -1 : 1));
  const picked = (pick: number) => touches[pick % touches.length];
  const contactOf = (i: number) => findContactByIdentity(db, `email:${PEOPLE[i]!}`);
  switch (s.op) {
    case 'log':
      await logTouch(
        db,
        {
          identity: { kind: 'email', value: PEOPLE[s.who]! },
          at: clock - s.hoursAgo * 3600_000,
          channel: 'email',
          outcome: s.outcome,
          goodNews: s.goodNews,
          ...(s.note ? { note: `note ${clock}` } : {}),
          source: 'dashboard',
        },
        clock,
      );
      return;
    case 'edit': {
      const t = picked(s.pick);
      if (t) {
        const patch = {
          outcome: s.outcome,
          at: clock - s.hoursAgo * 3600_000,
          note: s.note ? `edited ${clock}` : '',
        };
        await editTouch(db, t.id, patch, clock);
      }
      return;
    }
    case 'delete': {
      const t = picked(s.pick);
      const gone = t && (await deleteTouch(db, t.id, clock));
      if (gone) deleted.push(gone);
      return;
    }
    case 'undo': {
      const t = deleted.pop();
      if (t) await restoreTouch(db, t, clock);
      return;
    }
    case 'import': {
      // Touch ids repeat from one import to the next: a re-import, or a touch that moves.
      const people = [...new Set(s.who)];
      const sample = people.map((w, i) => ({
        name: `Person ${w}`,
        email: PEOPLE[w]!,
        touches: s.outcomes
          .filter((_, j) => j % people.length === i)
          .map((o, j) => ({ daysAgo: s.hoursAgo[j]! / 24, outcome: o, note: `imported ${j}` })),
      }));
      const r = await importBackupText(db, JSON.stringify(makeBackup(clock, sample)), clock);
      if (!r.ok) throw new Error(r.error);
      return;
    }
    case 'merge': {
      const [into, from] = await Promise.all([contactOf(s.into), contactOf(s.from)]);
      if (into && from && into.id !== from.id) await mergeContacts(db, into.id, from.id, clock);
      return;
    }
    case 'deleteContact': {
      const c = await contactOf(s.who);
      if (c) await deleteContact(db, c.id);
      return;
    }
    case 'halfLife':
      await saveSettings(db, { ...(await getSettings(db)), halfLifeDays: s.days });
      return;
  }
}

const byMonth = <T extends { month: number }>(a: T, b: T) => a.month - b.month;
const sortedRepairs = (records: RepairMonth[]) =>
  records
    .map((r) => ({
      month: r.month,
      episodes: episodesOfMonth(r).sort((a, b) => (a.start.id < b.start.id ? -1 : 1)),
    }))
    .sort(byMonth);

const sortedShards = (records: RunningShard[]) =>
  records
    .map((r) => ({
      shard: r.shard,
      episodes: episodesOfShard(r).sort((a, b) => (a.contactId < b.contactId ? -1 : 1)),
    }))
    .sort((a, b) => a.shard - b.shard);

/** What was kept equals a recomputation from every touch, and so does the Review built on it. */
async function expectKept(db: LastImpressionDb, now: number) {
  const [contacts, touches, repairs, tallies, running] = await Promise.all([
    db.contacts.toArray(),
    allTouches(db),
    db.repairs.toArray(),
    db.touchTallies.toArray(),
    db.running.toArray(),
  ]);
  const byContact = new Map<string, Touch[]>();
  for (const t of touches) byContact.set(t.contactId, [...(byContact.get(t.contactId) ?? []), t]);
  const truth = reviewStoreOf(contacts, (id) => byContact.get(id) ?? []);
  const derived = (c: (typeof contacts)[number]) => ({ id: c.id, repairMonths: c.repairMonths });
  expect(contacts.map(derived)).toEqual(truth.contacts.map(derived));
  expect(sortedRepairs(repairs)).toEqual(sortedRepairs(truth.repairs));
  // Every running withdrawal in its contact's shard, and no shard left empty.
  expect(sortedShards(running)).toEqual(sortedShards(runningShardsOf(truth.running)));

  const scratch = makeTestDb();
  try {
    await scratch.transaction('rw', scratch.touchTallies, () =>
      tallyTouches(scratch.touchTallies, truth.touches),
    );
    const expected: TallyMonth[] = await scratch.touchTallies.toArray();
    expect([...tallies].sort(byMonth)).toEqual(expected.sort(byMonth));
  } finally {
    scratch.close();
  }

  const histories = new Map(contacts.map((c) => [c.id, byContact.get(c.id) ?? []]));
  for (const weeksAgo of [0, 5]) {
    const week = now - weeksAgo * 7 * DAY;
    const data = await readReview(db, week);
    const review = reviewOf(data.episodes, data.tallies, week, now);
    expect(review).toEqual(buildReview(histories, week, now));
    for (const w of [...review.unrepaired, ...review.repaired])
      expect(data.contacts.get(w.contactId)?.id).toBe(w.contactId);
  }
}

inTimeZone('America/St_Johns', () => {
  describe('the review store always matches the touches', () => {
    it('gives a merged contact’s withdrawals to the contact it became, and drops a deleted one’s', async () => {
      const db = makeTestDb();
      try {
        const log = async (who: number, daysAgo: number, outcome: Outcome) =>
          run(
            db,
            { op: 'log', who, hoursAgo: daysAgo * 24, outcome, goodNews: false, note: true },
            NOW,
            [],
          );
        await log(0, 30, 'negative');
        await log(0, 28, 'positive');
        await log(1, 60, 'negative');
        await log(1, 20, 'positive');
        await log(1, 2, 'negative');
        await expectKept(db, NOW);
        const [ada, bo] = await Promise.all(
          [0, 1].map((i) => findContactByIdentity(db, `email:${PEOPLE[i]!}`)),
        );
        await mergeContacts(db, ada!.id, bo!.id, NOW);
        await expectKept(db, NOW);
        const episodes = (await db.repairs.toArray()).flatMap(episodesOfMonth);
        // One history now: Bo's withdrawal 60 days ago was still running when Ada's started.
        expect(episodes.map((e) => [e.contactId, e.start.at])).toEqual([[ada!.id, NOW - 60 * DAY]]);
        const running = (await db.running.toArray()).flatMap(episodesOfShard);
        expect(running.map((e) => [e.contactId, e.start.at])).toEqual([[ada!.id, NOW - 2 * DAY]]);
        await deleteContact(db, ada!.id);
        await expectKept(db, NOW);
        expect(await db.repairs.count()).toBe(0);
        expect(await db.touchTallies.count()).toBe(0);
        expect(await db.running.count()).toBe(0);
      } finally {
        db.close();
      }
    });

    it('after any sequence of logs, edits, deletes, undos, imports, merges and deletions', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
          const db = makeTestDb();
          try {
            let clock = NOW;
            const deleted: Touch[] = [];
            for (const s of steps) {
              clock += 7 * 60_000;
              await run(db, s, clock, deleted);
              await expectKept(db, clock);
            }
          } finally {
            db.close();
          }
        }),
        { numRuns: 20 },
      );
    });
  });
});
