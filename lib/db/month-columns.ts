import { CHANNELS, OUTCOMES, SOURCES, type Touch } from '../model';

/**
 * A month record as IndexedDB stores it since version 6: the month's touches as columns, oldest
 * first, instead of an array of objects. IndexedDB copies a record by walking it, and half a
 * million small objects (each repeating its property names) made a big import spend most of
 * its time there; a few typed arrays and arrays of strings it copies nearly as bytes.
 */
export interface TouchMonth {
  contactId: string;
  /** The first month this record covers, in months since January 1970, UTC (see months.ts). */
  month: number;
  /** The months its touches fall in, each once: the multi-entry index a week's read uses. */
  months: number[];
  ids: string[];
  /** `at`, `createdAt` and `updatedAt` of each touch: three numbers per touch. */
  times: Float64Array;
  /** Channel, outcome and source of each touch as their index in the model's lists, and a
   * fourth byte of flags (`GOOD_NEWS`): four bytes per touch. */
  codes: Uint8Array;
  /** Each touch's note, '' for none. */
  notes: string[];
  /** The good-news item each touch shared, '' for none. */
  newsIds: string[];
  /** Fields this version does not know (a touch written by newer code), by touch position. */
  extras?: Record<number, Record<string, unknown>>;
}

const KNOWN = new Set<string>([
  'id',
  'contactId',
  'at',
  'channel',
  'outcome',
  'note',
  'goodNews',
  'newsId',
  'source',
  'createdAt',
  'updatedAt',
] satisfies (keyof Touch)[]);

function extraFields(touch: Touch): Record<string, unknown> | undefined {
  let extra: Record<string, unknown> | undefined;
  // for…in, not Object.keys: no array per touch for the collector to sweep up after an import.
  for (const key in touch) {
    if (!Object.hasOwn(touch, key) || KNOWN.has(key)) continue;
    (extra ??= {})[key] = (touch as unknown as Record<string, unknown>)[key];
  }
  return extra;
}

const GOOD_NEWS = 1;

export function monthOf(at: number): number {
  const d = new Date(at);
  return d.getUTCFullYear() * 12 + d.getUTCMonth() - 1970 * 12;
}

const codeOf = <T extends string>(list: readonly T[], value: T): number => {
  const i = list.indexOf(value);
  if (i < 0) throw new Error(`Cannot store "${value}": not one of ${list.join(', ')}`);
  return i;
};

/** The stored form of one contact's touches in one month; `touches` must be oldest first. */
export function toColumns(contactId: string, month: number, touches: readonly Touch[]): TouchMonth {
  const n = touches.length;
  const times = new Float64Array(n * 3);
  const codes = new Uint8Array(n * 4);
  const ids = new Array<string>(n);
  const notes = new Array<string>(n);
  const newsIds = new Array<string>(n);
  let extras: TouchMonth['extras'];
  const months: number[] = [];
  touches.forEach((t, i) => {
    const m = monthOf(t.at);
    if (!months.includes(m)) months.push(m);
    ids[i] = t.id;
    times[i * 3] = t.at;
    times[i * 3 + 1] = t.createdAt;
    times[i * 3 + 2] = t.updatedAt;
    codes[i * 4] = codeOf(CHANNELS, t.channel);
    codes[i * 4 + 1] = codeOf(OUTCOMES, t.outcome);
    codes[i * 4 + 2] = codeOf(SOURCES, t.source);
    codes[i * 4 + 3] = t.goodNews ? GOOD_NEWS : 0;
    notes[i] = t.note ?? '';
    newsIds[i] = t.newsId ?? '';
    const extra = extraFields(t);
    if (extra) (extras ??= {})[i] = extra;
  });
  return {
    contactId,
    month,
    months,
    ids,
    times,
    codes,
    notes,
    newsIds,
    ...(extras ? { extras } : {}),
  };
}

/** The touches a stored month holds, oldest first. */
export function touchesIn(m: TouchMonth): Touch[] {
  const { ids, times, codes, notes, newsIds, contactId, extras } = m;
  const touches = new Array<Touch>(ids.length);
  for (let i = 0; i < ids.length; i += 1) {
    const touch: Touch = {
      id: ids[i]!,
      contactId,
      at: times[i * 3]!,
      channel: CHANNELS[codes[i * 4]!]!,
      outcome: OUTCOMES[codes[i * 4 + 1]!]!,
      source: SOURCES[codes[i * 4 + 2]!]!,
      createdAt: times[i * 3 + 1]!,
      updatedAt: times[i * 3 + 2]!,
    };
    if (notes[i]) touch.note = notes[i];
    if (codes[i * 4 + 3]! & GOOD_NEWS) touch.goodNews = true;
    if (newsIds[i]) touch.newsId = newsIds[i];
    if (extras?.[i]) Object.assign(touch, extras[i]);
    touches[i] = touch;
  }
  return touches;
}
