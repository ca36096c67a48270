import { afterEach, describe, expect, it } from 'vitest';
import type { LastImpressionDb } from '../../lib/db/database';
import { monthOf, putTouches, shardOf, SPAN_TOUCHES } from '../../lib/db/months';
import {
  allTouches,
  getTouch,
  timelineOf,
  touchesBetween,
  touchesSince,
} from '../../lib/db/queries';
import { deleteTouch, editTouch, logTouch, restoreTouch } from '../../lib/db/touches';
import type { Touch } from '../../lib/model';
import { makeTestDb } from '../support/db';

const DAY = 24 * 3600 * 1000;
const NOW = Date.UTC(2026, 4, 20, 12);

let db: LastImpressionDb;
afterEach(() => db?.close());

/** Ada with touches on the last day of March, across the month's edge, and in May. */
async function adaAcrossMonths() {
  db = makeTestDb();
  const times = [
    Date.UTC(2026, 2, 31, 23, 30),
    Date.UTC(2026, 3, 1, 0, 30),
    Date.UTC(2026, 3, 15),
    Date.UTC(2026, 4, 19),
  ];
  const touches: Touch[] = [];
  let contactId: string | undefined;
  for (const at of times) {
    const r = await logTouch(
      db,
      {
        ...(contactId ? { contactId } : { identity: { kind: 'email', value: 'ada@example.com' } }),
        at,
        channel: 'email',
        outcome: 'positive',
        source: 'dashboard',
      },
      NOW,
    );
    if (!r.ok) throw new Error(r.error);
    contactId = r.value.contact.id;
    touches.push(r.value.touch);
  }
  return { contactId: contactId!, touches };
}

/** A touch for `contactId` at `at`, as an import would hand it over. */
function touchAt(contactId: string, at: number): Touch {
  return {
    id: crypto.randomUUID(),
    contactId,
    at,
    channel: 'email',
    outcome: 'neutral',
    source: 'import',
    createdAt: at,
    updatedAt: at,
  };
}

describe('the touch store: records covering runs of months', () => {
  it('keeps a contact’s few touches over several months in one record, found again by id', async () => {
    const { contactId, touches } = await adaAcrossMonths();
    const records = await db.touchMonths.toArray();
    expect(records.map((m) => [m.contactId, m.month, m.months, m.ids.length])).toEqual([
      [
        contactId,
        monthOf(touches[0]!.at),
        touches
          .slice(0, 4)
          .map((t) => monthOf(t.at))
          .filter((m, i, all) => all.indexOf(m) === i),
        4,
      ],
    ]);
    for (const t of touches) expect(await getTouch(db, t.id)).toEqual(t);
    expect(await getTouch(db, crypto.randomUUID())).toBeUndefined();
  });

  it('packs an import by contact: quiet months share a record, a busy month has its own', async () => {
    db = makeTestDb();
    const busy = crypto.randomUUID();
    const quiet = crypto.randomUUID();
    const jan = Date.UTC(2026, 0, 10);
    const feb = Date.UTC(2026, 1, 10);
    const touches = [
      ...Array.from({ length: SPAN_TOUCHES + 20 }, (_, i) => touchAt(busy, jan + i * 60_000)),
      ...Array.from({ length: 30 }, (_, i) => touchAt(busy, feb + i * 60_000)),
      ...Array.from({ length: 5 }, (_, i) => touchAt(quiet, Date.UTC(2026, i, 3))),
    ];
    await db.transaction('rw', [db.touchMonths, db.touchIds], () =>
      putTouches(db, touches, 'empty-store'),
    );
    const records = await db.touchMonths.toArray();
    expect(
      records
        .map((m) => [m.contactId, m.month, m.ids.length])
        .sort((a, b) => String(a).localeCompare(String(b))),
    ).toEqual(
      [
        [busy, monthOf(jan), SPAN_TOUCHES + 20],
        [busy, monthOf(feb), 30],
        [quiet, monthOf(Date.UTC(2026, 0, 3)), 5],
      ].sort((a, b) => String(a).localeCompare(String(b))),
    );
    for (const t of touches) expect(await getTouch(db, t.id)).toEqual(t);
    // A week in March finds the quiet contact's one touch there through the months index.
    const march = await touchesBetween(db, Date.UTC(2026, 2, 1), Date.UTC(2026, 2, 8));
    expect(march.map((t) => t.id)).toEqual([touches[SPAN_TOUCHES + 20 + 30 + 2]!.id]);
  });

  it('starts a new record when a log follows a full one', async () => {
    db = makeTestDb();
    const contactId = crypto.randomUUID();
    const jan = Date.UTC(2026, 0, 10);
    const full = Array.from({ length: SPAN_TOUCHES }, (_, i) =>
      touchAt(contactId, jan + i * 60_000),
    );
    await db.transaction('rw', [db.touchMonths, db.touchIds], () =>
      putTouches(db, full, 'empty-store'),
    );
    const sameMonth = touchAt(contactId, jan + DAY);
    const nextMonth = touchAt(contactId, Date.UTC(2026, 1, 2));
    for (const t of [sameMonth, nextMonth]) {
      await db.transaction('rw', [db.touchMonths, db.touchIds], () =>
        putTouches(db, [t], 'new-ids'),
      );
    }
    const records = await db.touchMonths.toArray();
    expect(records.map((m) => [m.month, m.ids.length])).toEqual([
      [monthOf(jan), SPAN_TOUCHES + 1],
      [monthOf(nextMonth.at), 1],
    ]);
    expect((await timelineOf(db, contactId)).map((t) => t.id).slice(0, 2)).toEqual([
      nextMonth.id,
      sameMonth.id,
    ]);
  });

  it('serves a week, a range and a timeline from the month records, at their edges', async () => {
    const { contactId, touches } = await adaAcrossMonths();
    const ids = (list: Touch[]) => list.map((t) => t.id);
    // Half-open: a touch exactly at the end belongs to the next range.
    expect(
      ids(await touchesBetween(db, Date.UTC(2026, 2, 31), Date.UTC(2026, 3, 1, 0, 30))),
    ).toEqual([touches[0]!.id]);
    expect(ids(await touchesBetween(db, Date.UTC(2026, 2, 25), Date.UTC(2026, 3, 16)))).toEqual(
      ids(touches.slice(0, 3)),
    );
    expect(await touchesBetween(db, NOW, NOW - DAY)).toEqual([]);
    expect(ids(await touchesSince(db, Date.UTC(2026, 3, 1)))).toEqual(ids(touches.slice(1)));
    expect(ids(await timelineOf(db, contactId))).toEqual(ids([...touches].reverse()));
  });

  it('moves an edited touch to its new month and keeps its id', async () => {
    const { contactId, touches } = await adaAcrossMonths();
    const moved = touches[0]!;
    const r = await editTouch(db, moved.id, { at: Date.UTC(2026, 4, 2) }, NOW);
    expect(r.ok).toBe(true);
    expect(await getTouch(db, moved.id)).toMatchObject({ id: moved.id, at: Date.UTC(2026, 4, 2) });
    // March held only this touch: the months index no longer lists it.
    const record = await db.touchMonths.get([contactId, monthOf(moved.at)]);
    expect(record?.months).not.toContain(monthOf(moved.at));
    expect(await touchesBetween(db, Date.UTC(2026, 2, 1), Date.UTC(2026, 3, 1))).toEqual([]);
    expect(await allTouches(db)).toHaveLength(4);
  });

  it('deletes and restores by id, and keeps fields it does not know', async () => {
    const { touches } = await adaAcrossMonths();
    const target = touches[2]!;
    const gone = await deleteTouch(db, target.id, NOW);
    expect(gone).toEqual(target);
    expect(await getTouch(db, target.id)).toBeUndefined();
    // A touch from newer code carries a field this version has never heard of.
    // (newsId was that field once; version 4 knows it and drops one naming no stored news.)
    const newer = { ...target, pinned: true } as Touch;
    expect(await restoreTouch(db, newer, NOW)).toBe(true);
    expect(await getTouch(db, target.id)).toEqual(newer);
  });

  it('replaces a stored touch given again with the same id, wherever it was', async () => {
    const { touches } = await adaAcrossMonths();
    const again = { ...touches[3]!, at: Date.UTC(2026, 0, 5), note: 'moved back' };
    await db.transaction('rw', [db.touchMonths, db.touchIds], () => putTouches(db, [again], 'any'));
    const all = await allTouches(db);
    expect(all.filter((t) => t.id === again.id)).toEqual([again]);
    expect(all).toHaveLength(4);
  });

  it('spreads ids over the directory’s records', () => {
    const used = new Set(Array.from({ length: 2000 }, () => shardOf(crypto.randomUUID())));
    expect(used.size).toBeGreaterThan(1500);
  });
});
