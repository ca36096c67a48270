import { differenceInCalendarDays } from 'date-fns';
import { liveQuery } from 'dexie';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { importBackupText } from '../../lib/backup/import';
import { reviewCsv } from '../../lib/csv/review';
import { parseCsv } from '../../lib/csv/parse';
import { addContact, deleteContact, mergeContacts } from '../../lib/db/contacts';
import type { LastImpressionDb } from '../../lib/db/database';
import { readContacts, readReview } from '../../lib/db/review';
import { allTouches, touchesBetween } from '../../lib/db/queries';
import { logTouch } from '../../lib/db/touches';
import type { Outcome, Touch } from '../../lib/model';
import {
  buildReview,
  daysToRepair,
  reviewOf,
  withdrawalsOf,
  type ReviewTouch,
} from '../../lib/review';
import { makeBackup, type SampleContact } from '../support/backups';
import { makeTestDb } from '../support/db';
import { mulberry32 } from '../support/sample-ids';
import { inTimeZone, local } from '../support/time-zone';

const DAY = 24 * 3600 * 1000;

let seq = 0;
function touch(at: number, outcome: Outcome, extra: Partial<ReviewTouch> = {}): ReviewTouch {
  seq++;
  return {
    id: `t${String(seq).padStart(6, '0')}`,
    contactId: 'c1',
    at,
    outcome,
    createdAt: at,
    ...extra,
  };
}

const histories = (...lists: ReviewTouch[][]) =>
  new Map(lists.map((l, i) => [`c${i + 1}`, l.map((t) => ({ ...t, contactId: `c${i + 1}` }))]));

describe('days to repair', () => {
  it('runs from a negative touch to the next positive one, in calendar days', () => {
    const list = withdrawalsOf([
      touch(local(2026, 5, 4, 9), 'positive'),
      touch(local(2026, 5, 6, 17), 'negative', { note: 'Shipment late' }),
      touch(local(2026, 5, 9, 8), 'positive'),
    ]);
    expect(list).toHaveLength(1);
    expect(list[0]!.start.note).toBe('Shipment late');
    expect(list[0]!.days).toBe(3);
  });

  it('counts calendar days, not 24-hour periods', () => {
    expect(daysToRepair(local(2026, 5, 6, 23), local(2026, 5, 7, 1))).toBe(1);
    expect(daysToRepair(local(2026, 5, 6, 9), local(2026, 5, 6, 18))).toBe(0);
  });

  it('keeps the clock running through neutral touches, and open until a positive one', () => {
    const list = withdrawalsOf([
      touch(local(2026, 5, 6, 9), 'negative'),
      touch(local(2026, 5, 8, 9), 'neutral'),
    ]);
    expect(list).toEqual([expect.objectContaining({ start: expect.anything() })]);
    expect(list[0]!.repair).toBeUndefined();
    expect(list[0]!.days).toBeUndefined();
  });

  it('does not restart the clock for several negatives in a row', () => {
    const first = touch(local(2026, 5, 1, 9), 'negative', { note: 'Outage' });
    const list = withdrawalsOf([
      touch(local(2026, 5, 3, 9), 'negative', { note: 'Outage again' }),
      touch(local(2026, 5, 4, 9), 'neutral'),
      touch(local(2026, 5, 5, 9), 'negative'),
      first,
      touch(local(2026, 5, 8, 9), 'positive'),
      touch(local(2026, 5, 9, 9), 'negative'),
    ]);
    expect(list.map((w) => [w.start.id, w.days])).toEqual([
      [first.id, 7],
      [expect.any(String), undefined],
    ]);
  });

  it('ignores positives with no clock running and orders equal times by creation', () => {
    const at = local(2026, 5, 6, 9);
    const list = withdrawalsOf([
      touch(at, 'positive', { createdAt: at + 2 }),
      touch(at, 'negative', { createdAt: at + 1 }),
    ]);
    expect(list).toHaveLength(1);
    expect(list[0]!.days).toBe(0);
  });
});

// Zones whose offsets change by a whole hour, half an hour, or a whole day (Apia skipped
// 30 December 2011), and one a half hour off.
for (const tz of ['America/St_Johns', 'Australia/Lord_Howe', 'Pacific/Apia', 'Europe/London']) {
  inTimeZone(tz, () => {
    it('counts calendar days as date-fns does, across every offset change', () => {
      const instant = fc.integer({ min: Date.UTC(2010, 0, 1), max: Date.UTC(2030, 0, 1) });
      fc.assert(
        fc.property(instant, fc.integer({ min: 0, max: 400 * DAY }), (start, length) => {
          const end = start + length;
          expect(daysToRepair(start, end)).toBe(differenceInCalendarDays(end, start));
        }),
        { numRuns: 2000 },
      );
    });
  });
}

describe('buildReview', () => {
  // Wednesday 2026-05-13 noon; weeks start on Monday 2026-05-11.
  const now = () => local(2026, 5, 13, 12);

  it('lists who is left on a negative impression, oldest first, with that touch’s note', () => {
    const review = buildReview(
      histories(
        [touch(local(2026, 5, 12, 10), 'negative', { note: 'Missed the call' })],
        [
          touch(local(2026, 4, 20, 10), 'negative', { note: 'Invoice wrong' }),
          touch(local(2026, 4, 22, 10), 'negative', { note: 'Still wrong' }),
        ],
        [touch(local(2026, 4, 1, 10), 'negative'), touch(local(2026, 4, 2, 10), 'neutral')],
        [touch(local(2026, 5, 1, 10), 'negative'), touch(local(2026, 5, 12, 10), 'positive')],
      ),
      now(),
      now(),
    );
    expect(review.unrepaired.map((u) => [u.contactId, u.start.note, u.daysOpen])).toEqual([
      ['c2', 'Invoice wrong', 23],
      ['c1', 'Missed the call', 1],
    ]);
    expect(review.repaired.map((r) => [r.contactId, r.days])).toEqual([['c4', 11]]);
  });

  it('counts deposits, good news apart, and withdrawals of the week', () => {
    const review = buildReview(
      histories([
        touch(local(2026, 5, 10, 23), 'positive'),
        touch(local(2026, 5, 11, 0), 'positive', { goodNews: true }),
        touch(local(2026, 5, 12, 0), 'positive'),
        touch(local(2026, 5, 12, 1), 'negative'),
        touch(local(2026, 5, 12, 2), 'negative'),
        touch(local(2026, 5, 12, 3), 'neutral'),
      ]),
      now(),
      now(),
    );
    expect([review.deposits, review.goodNews, review.withdrawals]).toEqual([2, 1, 2]);
  });

  it('judges a withdrawal once repaired or 7 days old, and takes the median over 12 weeks', () => {
    const review = buildReview(
      histories(
        // Repaired in 2 and 7 days: quick. 12 days: not quick.
        [touch(local(2026, 4, 1, 9), 'negative'), touch(local(2026, 4, 3, 9), 'positive')],
        [touch(local(2026, 4, 10, 9), 'negative'), touch(local(2026, 4, 17, 9), 'positive')],
        [touch(local(2026, 4, 20, 9), 'negative'), touch(local(2026, 5, 2, 9), 'positive')],
        // Open for 8 days: failed. Open since yesterday: not judged yet.
        [touch(local(2026, 5, 5, 9), 'negative')],
        [touch(local(2026, 5, 12, 9), 'negative')],
        // Before the 12 weeks: neither its start nor its repair counts.
        [touch(local(2026, 1, 5, 9), 'negative'), touch(local(2026, 2, 6, 9), 'positive')],
      ),
      now(),
      now(),
    );
    expect(review.medianDays).toBe(7);
    expect([review.quick, review.judged]).toEqual([2, 4]);
    expect(review.quickShare).toBe(0.5);
    expect(review.weeks).toHaveLength(12);
    expect(review.weeks.at(-1)!.start).toBe(local(2026, 5, 11));
    const byWeek = Object.fromEntries(
      review.weeks.filter((w) => w.repairs > 0).map((w) => [w.start, w.medianDays]),
    );
    expect(byWeek).toEqual({
      [local(2026, 3, 30)]: 2,
      [local(2026, 4, 13)]: 7,
      [local(2026, 4, 27)]: 12,
    });
  });

  it('has no median and no share when there is nothing to judge', () => {
    const review = buildReview(histories([touch(local(2026, 5, 12, 9), 'negative')]), now(), now());
    expect(review.medianDays).toBeNull();
    expect(review.quickShare).toBeNull();
    expect(review.weeks.every((w) => w.medianDays === null && w.quickShare === null)).toBe(true);
  });

  it('takes a median of an even count as the mean of the middle two', () => {
    const review = buildReview(
      histories(
        [touch(local(2026, 5, 1, 9), 'negative'), touch(local(2026, 5, 4, 9), 'positive')],
        [touch(local(2026, 5, 1, 9), 'negative'), touch(local(2026, 5, 5, 9), 'positive')],
      ),
      now(),
      now(),
    );
    expect(review.medianDays).toBe(3.5);
  });

  describe('a repair that crosses a week boundary', () => {
    // Negative on Friday 2026-05-08, repaired on Tuesday 2026-05-12.
    const data = () =>
      histories([
        touch(local(2026, 5, 8, 16), 'negative', { note: 'Demo crashed' }),
        touch(local(2026, 5, 12, 10), 'positive'),
      ]);

    it('shows as repaired in the week of the repair, with every day counted', () => {
      const review = buildReview(data(), now(), now());
      expect(review.repaired.map((r) => r.days)).toEqual([4]);
      expect(review.unrepaired).toEqual([]);
      expect(review.weeks.at(-1)!.medianDays).toBe(4);
      expect(review.weeks.at(-2)).toMatchObject({ quick: 1, judged: 1, repairs: 0 });
    });

    it('shows as not repaired yet in the week it started, as that week stood at its end', () => {
      const review = buildReview(data(), local(2026, 5, 6), now());
      expect(review.weekStart).toBe(local(2026, 5, 4));
      expect(review.repaired).toEqual([]);
      expect(review.unrepaired.map((u) => [u.start.note, u.daysOpen])).toEqual([
        ['Demo crashed', 2],
      ]);
      // Two days old at that week's end: not judged yet, and no repair known then.
      expect([review.judged, review.medianDays]).toEqual([0, null]);
    });
  });
});

describe('reviewCsv', () => {
  it('writes the rows and the twelve weeks, formula-safe, as the spreadsheet helpers do', () => {
    const now = local(2026, 5, 13, 12);
    const review = buildReview(
      histories(
        [touch(local(2026, 5, 4, 9), 'negative', { note: '=SUM(A1:A9)' })],
        [touch(local(2026, 5, 8, 9), 'negative'), touch(local(2026, 5, 12, 9), 'positive')],
      ),
      now,
      now,
    );
    const csv = reviewCsv(
      review,
      new Map([
        ['c1', { name: 'Ada', company: 'Acme' }],
        ['c2', { name: '+Bob' }],
      ]),
    );
    expect(csv.startsWith('\uFEFF"Section","Contact","Company"')).toBe(true);
    expect(csv).toContain('"\'=SUM(A1:A9)"');
    const parsed = parseCsv(csv);
    if (!parsed.ok) throw new Error(parsed.error);
    const [, first, second] = parsed.rows;
    expect(first).toEqual([
      'Not repaired yet',
      'Ada',
      'Acme',
      '2026-05-04 09:00',
      '',
      '',
      '9',
      "'=SUM(A1:A9)",
    ]);
    expect(second!.slice(0, 6)).toEqual([
      'Repaired this week',
      "'+Bob",
      '',
      '2026-05-08 09:00',
      '2026-05-12 09:00',
      '4',
    ]);
    expect(parsed.rows.at(-2)![0]).toBe('2026-05-11');
    expect(parsed.rows.at(-1)).toEqual(['12 weeks', '1', '0', '2', '1', '4.0', '2', '1', '0.500']);
  });
});

inTimeZone('Europe/Berlin', () => {
  it('counts a week with the spring change (167 hours) as one week of calendar days', () => {
    // Clocks go forward on Sunday 2026-03-29. Monday to Monday is 7 calendar days.
    const start = local(2026, 3, 23, 9);
    const repair = local(2026, 3, 30, 8, 30);
    expect(repair - start).toBeLessThan(7 * DAY);
    const review = buildReview(
      histories([touch(start, 'negative'), touch(repair, 'positive')]),
      repair,
      repair,
    );
    expect(review.weekStart).toBe(local(2026, 3, 30));
    expect(review.repaired.map((r) => r.days)).toEqual([7]);
    expect(review.quickShare).toBe(1);
    // The short week is one week of the twelve, starting at its own local midnight.
    expect(review.weeks.at(-2)!.start).toBe(local(2026, 3, 23));
    expect(review.weeks.at(-2)).toMatchObject({ judged: 1, quick: 1 });
  });

  it('puts a touch late on the short Sunday in its own week', () => {
    const sunday = local(2026, 3, 29, 23, 30);
    const review = buildReview(
      histories([touch(sunday, 'negative'), touch(local(2026, 3, 30, 0, 30), 'positive')]),
      local(2026, 3, 30, 12),
      local(2026, 3, 30, 12),
    );
    expect(review.withdrawals).toBe(0);
    expect(review.deposits).toBe(1);
    expect(review.repaired.map((r) => r.days)).toEqual([1]);
  });
});

inTimeZone('America/New_York', () => {
  it('counts a week with the autumn change (169 hours) as one week of calendar days', () => {
    // Clocks go back on Sunday 2026-11-01.
    const start = local(2026, 10, 26, 23, 30);
    const repair = local(2026, 11, 2, 23, 45);
    expect(repair - start).toBeGreaterThan(7 * DAY);
    const review = buildReview(
      histories([touch(start, 'negative'), touch(repair, 'positive')]),
      repair,
      repair,
    );
    expect(review.repaired.map((r) => r.days)).toEqual([7]);
    expect(review.quickShare).toBe(1);
    expect(review.weeks.at(-2)!.start).toBe(local(2026, 10, 26));
  });

  it('judges an open withdrawal on calendar days across the change', () => {
    const start = local(2026, 10, 26, 23, 30);
    const sixDaysLater = local(2026, 11, 1, 23, 45);
    const review = buildReview(histories([touch(start, 'negative')]), sixDaysLater, sixDaysLater);
    expect(review.judged).toBe(0);
    const sevenDaysLater = local(2026, 11, 2, 0, 15);
    expect(
      buildReview(histories([touch(start, 'negative')]), sevenDaysLater, sevenDaysLater),
    ).toMatchObject({ judged: 1, quick: 0, quickShare: 0 });
  });
});

describe('review from the database', () => {
  const NOW = Date.UTC(2026, 4, 13, 12);
  let db: LastImpressionDb;
  afterEach(() => db?.close());

  async function ok<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: string }>) {
    const r = await result;
    if (!r.ok) throw new Error(`expected ok, got: ${r.error}`);
    return r.value;
  }

  async function contact(email: string) {
    return ok(addContact(db, { name: email, emails: [email], linkedin: [] }, NOW - 400 * DAY));
  }

  async function log(contactId: string, daysAgo: number, outcome: Outcome, note?: string) {
    const at = NOW - daysAgo * DAY;
    await ok(
      logTouch(
        db,
        {
          contactId,
          at,
          channel: 'email',
          outcome,
          source: 'dashboard',
          ...(note ? { note } : {}),
        },
        at,
      ),
    );
  }

  async function review(now = NOW) {
    const { episodes, tallies } = await readReview(db, now);
    return reviewOf(episodes, tallies, now, now);
  }

  it('reads touches between two times through the at index, end excluded', async () => {
    db = makeTestDb();
    const a = await contact('a@x.org');
    await log(a.id, 3, 'positive');
    await log(a.id, 2, 'negative');
    await log(a.id, 1, 'neutral');
    const got = await touchesBetween(db, NOW - 2 * DAY, NOW - DAY);
    expect(got.map((t) => t.outcome)).toEqual(['negative']);
  });

  it('finds a withdrawal older than the window, with its note, through the timeline', async () => {
    db = makeTestDb();
    const a = await contact('a@x.org');
    await log(a.id, 300, 'positive');
    await log(a.id, 250, 'negative', 'Lost the contract');
    await log(a.id, 240, 'negative', 'Refused the renewal');
    const r = await review();
    expect(r.unrepaired.map((u) => [u.start.note, u.daysOpen])).toEqual([
      ['Lost the contract', 250],
    ]);
  });

  it('keeps the history of a contact merged halfway in the numbers of the contact it became', async () => {
    db = makeTestDb();
    const work = await contact('ada@work.org');
    const home = await contact('ada@home.net');
    await log(home.id, 40, 'negative', 'Complained at the conference');
    await log(home.id, 35, 'positive');
    await log(work.id, 20, 'negative', 'Invoice wrong');
    await log(home.id, 18, 'negative', 'Told a friend about the invoice');
    let r = await review();
    expect(r.unrepaired.map((u) => u.contactId).sort()).toEqual([home.id, work.id].sort());

    await ok(mergeContacts(db, work.id, home.id, NOW - 10 * DAY));
    r = await review();
    // One contact now: the later negative falls inside the running clock, it does not restart it.
    expect(r.unrepaired.map((u) => [u.contactId, u.start.note])).toEqual([
      [work.id, 'Invoice wrong'],
    ]);
    expect([r.judged, r.quick, r.medianDays]).toEqual([2, 1, 5]);

    await log(work.id, 2, 'positive');
    r = await review();
    expect(r.unrepaired).toEqual([]);
    expect(r.repaired.map((w) => [w.contactId, w.start.note, w.days])).toEqual([
      [work.id, 'Invoice wrong', 18],
    ]);
    expect(r.medianDays).toBe(11.5);
    expect(r.quickShare).toBe(0.5);
  });

  it('reads again when a touch is logged, as the dashboard’s live query expects', async () => {
    db = makeTestDb();
    const a = await contact('a@x.org');
    await log(a.id, 3, 'negative', 'Outage');
    const seen: number[] = [];
    const subscription = liveQuery(() => readReview(db, NOW)).subscribe((data) =>
      seen.push(reviewOf(data.episodes, data.tallies, NOW, NOW).unrepaired.length),
    );
    await expect.poll(() => seen).toEqual([1]);
    await log(a.id, 1, 'positive');
    await expect.poll(() => seen).toEqual([1, 0]);
    subscription.unsubscribe();
  });

  it('leaves a deleted contact out of every number, past weeks included', async () => {
    db = makeTestDb();
    const a = await contact('a@x.org');
    const b = await contact('b@x.org');
    await log(a.id, 30, 'negative');
    await log(a.id, 28, 'positive');
    await log(b.id, 30, 'negative');
    await log(b.id, 10, 'positive');
    expect((await review()).medianDays).toBe(11);
    await deleteContact(db, b.id);
    const r = await review();
    expect([r.medianDays, r.judged, r.quick]).toEqual([2, 1, 1]);
  });

  it('gives the same review from the figures kept as from every touch', async () => {
    db = makeTestDb();
    const random = mulberry32(42);
    const outcomes: Outcome[] = ['positive', 'neutral', 'negative'];
    const sample: SampleContact[] = Array.from({ length: 60 }, (_, i) => ({
      name: `Contact ${i}`,
      email: `c${i}@x.org`,
      touches: Array.from({ length: Math.floor(random() * (i < 5 ? 80 : 12)) }, () => ({
        daysAgo: random() * (i % 3 === 0 ? 700 : 150),
        outcome: outcomes[Math.floor(random() * (i % 4 === 0 ? 2.2 : 3))]!,
        ...(random() < 0.3 ? { note: `n${Math.floor(random() * 1000)}` } : {}),
      })),
    }));
    const imported = await importBackupText(db, JSON.stringify(makeBackup(NOW, sample)), NOW);
    expect(imported.ok).toBe(true);
    const all = new Map<string, Touch[]>();
    for (const t of await allTouches(db))
      all.set(t.contactId, [...(all.get(t.contactId) ?? []), t]);
    for (const weeksAgo of [0, 3, 20]) {
      const week = NOW - weeksAgo * 7 * DAY;
      const data = await readReview(db, week);
      const fromStore = reviewOf(data.episodes, data.tallies, week, NOW);
      const fromAll = buildReview(all, week, NOW);
      expect(fromStore).toEqual(fromAll);
      expect(fromAll.judged).toBeGreaterThan(0);
      expect(fromAll.unrepaired.length).toBeGreaterThan(0);
      // Every contact the review names is at hand, without reading the others.
      for (const id of [...fromAll.unrepaired, ...fromAll.repaired].map((w) => w.contactId))
        expect(data.contacts.has(id)).toBe(true);
      expect(data.contacts.size).toBeLessThan(60);
      // Asked for the first rows only, it reads the contacts those name and no other.
      expect(fromAll.unrepaired.length).toBeGreaterThan(3);
      const first = [...fromAll.unrepaired.slice(0, 3), ...fromAll.repaired.slice(0, 3)];
      const few = await readReview(db, week, 3);
      expect([...few.contacts.keys()].sort()).toEqual(
        [...new Set(first.map((w) => w.contactId))].sort(),
      );
      for (const w of first) expect(few.contacts.get(w.contactId)?.id).toBe(w.contactId);
      expect(few.episodes).toEqual(data.episodes);
    }
  });

  it('tells a contact gone from one it has not read yet', async () => {
    db = makeTestDb();
    const a = await contact('a@x.org');
    const found = await readContacts(db, [a.id, 'gone']);
    expect([...found.keys()]).toEqual([a.id, 'gone']);
    expect(found.get(a.id)?.name).toBe(a.name);
    expect(found.get('gone')).toBeUndefined();
  });
});
