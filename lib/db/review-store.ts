import type { Table } from 'dexie';
import type { Contact } from '../model';
import { episodesOf, type Episode, type ReviewTouch, type TouchTally } from '../review';
import type { LastImpressionDb } from './database';
import {
  appendEpisodeStart,
  emptyEpisodeColumns,
  episodeStarts,
  type EpisodeColumns,
} from './episode-columns';
import { monthOf } from './months';
import { setRunning } from './running';

/**
 * The review's figures, kept as touches are written so the Review reads a few dozen small
 * records instead of every touch of its weeks and the timelines of contacts left negative.
 *
 * `repairs`: one record per UTC month holding every contact's withdrawal episodes repaired in
 * it. An episode still running lives in its contact's shard of `running` (running.ts), and each
 * contact names the months holding its repaired ones (`Contact.repairMonths`), so a write
 * replaces one contact's episodes without reading anyone else's.
 *
 * `touchTallies`: one record per UTC month counting its positive, good-news and negative
 * touches by quarter hour. The Review groups them into weeks of the user's time zone when it
 * reads them: every time zone in use today is a whole number of quarter hours from UTC, so no
 * local week boundary splits a quarter hour.
 *
 * Both store instants, never local weeks, and per month, so a big import adds a few dozen
 * records, not one per contact.
 */
/** A month's repaired episodes as columns, one entry per episode. */
export interface RepairMonth extends EpisodeColumns {
  month: number;
  repairIds: string[];
  repairAt: number[];
  repairCreated: number[];
}

/** Episodes as a month record's columns. */
export function repairMonthOf(month: number, episodes: readonly Episode[]): RepairMonth {
  const r: RepairMonth = {
    month,
    ...emptyEpisodeColumns(),
    repairIds: [],
    repairAt: [],
    repairCreated: [],
  };
  for (const e of episodes) {
    appendEpisodeStart(r, e);
    r.repairIds.push(e.repair!.id);
    r.repairAt.push(e.repair!.at);
    r.repairCreated.push(e.repair!.createdAt);
  }
  return r;
}

/** A month record's episodes, as `episodesOf` gives them; those repaired before `from` left out. */
export function episodesOfMonth(r: RepairMonth, from = -Infinity): Episode[] {
  const result: Episode[] = [];
  episodeStarts(r).forEach(({ start, flips }, i) => {
    if (r.repairAt[i]! < from) return;
    result.push({
      contactId: start.contactId,
      start,
      repair: {
        id: r.repairIds[i]!,
        contactId: start.contactId,
        at: r.repairAt[i]!,
        outcome: 'positive',
        createdAt: r.repairCreated[i]!,
      },
      flips,
    });
  });
  return result;
}

export interface TallyMonth {
  month: number;
  /** Deposits, then good news, then withdrawals: `SLOTS` counts each, by quarter hour. */
  counts: Int32Array;
}

const SLOT_MS = 15 * 60 * 1000;
const SLOTS = 31 * 24 * 4;
const KINDS = 3;

export function monthStart(month: number): number {
  return Date.UTC(1970 + Math.floor(month / 12), month % 12, 1);
}

/** What a contact's record keeps of its episodes: the months holding its repaired ones. */
export function withdrawalFields(contact: Contact, episodes: readonly Episode[]): Contact {
  const next = { ...contact };
  const months = [...new Set(episodes.flatMap((e) => (e.repair ? [monthOf(e.repair.at)] : [])))];
  if (months.length) next.repairMonths = months;
  else delete next.repairMonths;
  return next;
}

/** Episodes of one contact, as `replaceEpisodes` takes them. */
export interface EpisodeChange {
  contactId: string;
  /** The months its record named before the change (`Contact.repairMonths`). */
  before: readonly number[] | undefined;
  /** All its episodes now, none for a contact deleted or merged away. */
  episodes: readonly Episode[];
}

/**
 * Replaces the stored episodes of the contacts named, repaired and running; call inside a
 * transaction with the review tables. Episodes repaired before `since` are known to be unchanged
 * (every touch added or removed is at or after it), so only the months from `since` on are
 * rewritten.
 */
export async function replaceEpisodes(
  db: Pick<LastImpressionDb, 'repairs' | 'running'>,
  changes: readonly EpisodeChange[],
  since = -Infinity,
): Promise<void> {
  if (changes.length === 0) return;
  const running = new Map(changes.map((c) => [c.contactId, runningEpisode(c.episodes)]));
  await Promise.all([replaceRepaired(db.repairs, changes, since), setRunning(db.running, running)]);
}

/** The episode still running at the end of a contact's episodes, if any. */
export function runningEpisode(episodes: readonly Episode[]): Episode | undefined {
  const last = episodes.at(-1);
  return last && !last.repair ? last : undefined;
}

async function replaceRepaired(
  table: Table<RepairMonth, number>,
  changes: readonly EpisodeChange[],
  since: number,
): Promise<void> {
  const from = since === -Infinity ? -Infinity : monthOf(since);
  const gone = new Set(changes.map((c) => c.contactId));
  const fresh = new Map<number, Episode[]>();
  const months = new Set<number>();
  for (const c of changes) {
    for (const m of c.before ?? []) if (m >= from) months.add(m);
    for (const e of c.episodes) {
      if (!e.repair) continue;
      const m = monthOf(e.repair.at);
      if (m < from) continue;
      months.add(m);
      const list = fresh.get(m);
      if (list) list.push(e);
      else fresh.set(m, [e]);
    }
  }
  const keys = [...months];
  const stored = await table.bulkGet(keys);
  const put: RepairMonth[] = [];
  const emptied: number[] = [];
  keys.forEach((month, i) => {
    const record = stored[i];
    const added = fresh.get(month) ?? [];
    if (!record?.contactIds.some((id) => gone.has(id)) && added.length === 0) return;
    const kept = record ? episodesOfMonth(record).filter((e) => !gone.has(e.contactId)) : [];
    const episodes = kept.concat(added);
    if (episodes.length) put.push(repairMonthOf(month, episodes));
    else if (record) emptied.push(month);
  });
  await Promise.all([table.bulkPut(put), table.bulkDelete(emptied)]);
}

/** Adds one episode just repaired by a touch later than all its contact's others. */
export async function addEpisode(db: LastImpressionDb, episode: Episode): Promise<number> {
  const month = monthOf(episode.repair!.at);
  const stored = await db.repairs.get(month);
  await db.repairs.put(repairMonthOf(month, [...(stored ? episodesOfMonth(stored) : []), episode]));
  return month;
}

/** Recounts the tallies for touches added and removed; call inside a transaction with them. */
export async function tallyTouches(
  table: Table<TallyMonth, number>,
  added: readonly ReviewTouch[],
  removed: readonly ReviewTouch[] = [],
): Promise<void> {
  const deltas = new Map<number, Int32Array>();
  const count = (t: ReviewTouch, by: number) => {
    if (t.outcome === 'neutral') return;
    const month = monthOf(t.at);
    const slot = Math.floor((t.at - monthStart(month)) / SLOT_MS);
    let delta = deltas.get(month);
    if (!delta) deltas.set(month, (delta = new Int32Array(KINDS * SLOTS)));
    if (t.outcome === 'negative') delta[2 * SLOTS + slot]! += by;
    else {
      delta[slot]! += by;
      if (t.goodNews) delta[SLOTS + slot]! += by;
    }
  };
  for (const t of added) count(t, 1);
  for (const t of removed) count(t, -1);
  if (deltas.size === 0) return;
  const months = [...deltas.keys()];
  const stored = await table.bulkGet(months);
  const put: TallyMonth[] = [];
  const emptied: number[] = [];
  months.forEach((month, i) => {
    const counts = stored[i]?.counts ?? new Int32Array(KINDS * SLOTS);
    const delta = deltas.get(month)!;
    let any = false;
    for (let j = 0; j < counts.length; j++) {
      counts[j]! += delta[j]!;
      if (counts[j]) any = true;
    }
    if (any) put.push({ month, counts });
    else if (stored[i]) emptied.push(month);
  });
  await Promise.all([table.bulkPut(put), table.bulkDelete(emptied)]);
}

/** The stored months' tallies in [`from`, `to`), one per quarter hour that counted anything. */
export function talliesOfMonths(
  records: readonly TallyMonth[],
  from = -Infinity,
  to = Infinity,
): TouchTally[] {
  const result: TouchTally[] = [];
  for (const { month, counts } of records) {
    const start = monthStart(month);
    for (let slot = 0; slot < SLOTS; slot++) {
      const at = start + slot * SLOT_MS;
      if (at + SLOT_MS <= from || at >= to) continue;
      const deposits = counts[slot]!;
      const goodNews = counts[SLOTS + slot]!;
      const withdrawals = counts[2 * SLOTS + slot]!;
      if (deposits || goodNews || withdrawals) result.push({ at, deposits, goodNews, withdrawals });
    }
  }
  return result;
}

/**
 * Builds the review's stores from every contact's touches: the schema upgrade that introduced
 * them, and tests comparing what was kept with a recomputation. Returns the contacts' new
 * records and the withdrawals still running.
 */
export function reviewStoreOf(
  contacts: readonly Contact[],
  touchesOf: (contactId: string) => readonly ReviewTouch[],
): { contacts: Contact[]; repairs: RepairMonth[]; running: Episode[]; touches: ReviewTouch[] } {
  const byMonth = new Map<number, Episode[]>();
  const touches: ReviewTouch[] = [];
  const running: Episode[] = [];
  const next = contacts.map((c) => {
    const own = touchesOf(c.id);
    touches.push(...own);
    const episodes = episodesOf(own);
    const open = runningEpisode(episodes);
    if (open) running.push(open);
    for (const e of episodes) {
      if (!e.repair) continue;
      const m = monthOf(e.repair.at);
      const list = byMonth.get(m);
      if (list) list.push(e);
      else byMonth.set(m, [e]);
    }
    return withdrawalFields(c, episodes);
  });
  const repairs = [...byMonth].map(([month, episodes]) => repairMonthOf(month, episodes));
  return { contacts: next, repairs, running, touches };
}
