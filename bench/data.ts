import { createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import type { Channel, Outcome } from '../lib/model';
import { mulberry32, sampleUuid } from '../tests/support/sample-ids';

/** Sizes of a generated data set; the skew is fixed so every size looks like real life. */
export interface DataSpec {
  contacts: number;
  touches: number;
  /** The end of the three years the touches span (epoch ms); start of today keeps files reusable. */
  now: number;
  seed: number;
}

export interface BenchContact {
  id: string;
  name: string;
  email: string;
  touchCount: number;
}

const DAY = 24 * 3600 * 1000;
const SPAN = 3 * 365 * DAY;

const contactId = (n: number) => sampleUuid(1, n);
const touchId = (n: number) => sampleUuid(2, n);

const FIRST = [
  'ada',
  'grace',
  'alan',
  'linus',
  'margaret',
  'edsger',
  'barbara',
  'ken',
  'radia',
  'donald',
  'frances',
  'john',
  'sophie',
  'tim',
  'hedy',
  'dennis',
];
const LAST = [
  'lovelace',
  'hopper',
  'turing',
  'torvalds',
  'hamilton',
  'dijkstra',
  'liskov',
  'thompson',
  'perlman',
  'knuth',
  'allen',
  'backus',
  'wilson',
  'berners',
  'lamarr',
  'ritchie',
];
const COMPANIES = [
  'acme',
  'globex',
  'initech',
  'umbrella',
  'hooli',
  'stark',
  'wayne',
  'wonka',
  'tyrell',
  'cyberdyne',
];
const NOTES = [
  'Sent the renewal quote',
  'Asked about the outage last week; explained the fix',
  'Shared the case study they asked for',
  'Call about onboarding, went well',
  'Invoice question, resolved',
  'Introduced them to our support lead',
  'They were unhappy with the delay',
  'Good news: the feature they wanted shipped',
];

function pick<T>(list: readonly T[], r: number): T {
  return list[Math.floor(r * list.length)]!;
}

function weighted<T extends string>(r: number, table: readonly [T, number][]): T {
  let acc = 0;
  for (const [value, weight] of table) {
    acc += weight;
    if (r < acc) return value;
  }
  return table[table.length - 1]![0];
}

const OUTCOMES: [Outcome, number][] = [
  ['positive', 0.55],
  ['neutral', 0.3],
  ['negative', 0.15],
];
const CHANNELS: [Channel, number][] = [
  ['email', 0.5],
  ['call', 0.2],
  ['meeting', 0.15],
  ['linkedin', 0.1],
  ['other', 0.05],
];

/**
 * Touches per contact, skewed like a real book of business: 0.3% of contacts (key accounts)
 * share 18% of the touches, the next 10% share 70%, and the rest have a handful each.
 */
export function touchCounts(spec: Pick<DataSpec, 'contacts' | 'touches' | 'seed'>): number[] {
  const random = mulberry32(spec.seed ^ 0x9e3779b9);
  const head = Math.max(1, Math.round(spec.contacts * 0.003));
  const middle = Math.max(1, Math.round(spec.contacts * 0.1));
  const groups: [number, number, number][] = [
    [0, head, 0.18],
    [head, head + middle, 0.7],
    [head + middle, spec.contacts, 0.12],
  ];
  const counts = new Array<number>(spec.contacts).fill(0);
  let given = 0;
  for (const [from, to, share] of groups) {
    const n = to - from;
    if (n <= 0) continue;
    const weights = Array.from({ length: n }, () => 0.5 + random());
    const sum = weights.reduce((a, b) => a + b, 0);
    const budget = Math.round(spec.touches * share);
    weights.forEach((w, i) => {
      counts[from + i] = Math.max(1, Math.floor((w / sum) * budget));
    });
  }
  given = counts.reduce((a, b) => a + b, 0);
  // Rounding leftovers go to the tail one by one, so the total is exact.
  for (let i = spec.contacts - 1; given !== spec.touches; i = i === 0 ? spec.contacts - 1 : i - 1) {
    if (given < spec.touches) {
      counts[i]! += 1;
      given += 1;
    } else if (counts[i]! > 1) {
      counts[i]! -= 1;
      given -= 1;
    }
  }
  return counts;
}

export function contactOf(n: number, touchCount: number): BenchContact {
  const first = FIRST[n % FIRST.length]!;
  const last = LAST[Math.floor(n / FIRST.length) % LAST.length]!;
  const company = COMPANIES[n % COMPANIES.length]!;
  return {
    id: contactId(n),
    name: `${first[0]!.toUpperCase()}${first.slice(1)} ${last[0]!.toUpperCase()}${last.slice(1)} ${n}`,
    email: `${first}.${last}.${n}@${company}.example`,
    touchCount,
  };
}

/**
 * Writes the data set as a Last Impression backup (the format the dashboard imports) and
 * returns its path and contacts. Streams the file: the full set is about 100 MB of JSON.
 */
export async function writeDataSet(
  spec: DataSpec,
  dir: string,
): Promise<{ file: string; contacts: BenchContact[] }> {
  const counts = touchCounts(spec);
  const contacts = counts.map((c, n) => contactOf(n, c));
  mkdirSync(dir, { recursive: true });
  const file = path.join(
    dir,
    `data-${spec.contacts}-${spec.touches}-${spec.now}-${spec.seed}.json`,
  );
  if (existsSync(file)) return { file, contacts };

  const tmp = `${file}.tmp`;
  const out = createWriteStream(tmp);
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  const random = mulberry32(spec.seed);

  await write(
    `{"format":"last-impression-backup","version":1,"exportedAt":${JSON.stringify(new Date(spec.now).toISOString())},"contacts":[`,
  );
  for (const [n, c] of contacts.entries()) {
    const company = c.email.split('@')[1]!.split('.')[0]!;
    const record = {
      id: c.id,
      name: c.name,
      emails: [c.email],
      linkedin: random() < 0.4 ? [`/in/${c.email.split('@')[0]!.replace(/\./g, '-')}`] : [],
      company: company[0]!.toUpperCase() + company.slice(1),
      ...(random() < 0.05 ? { cadenceDays: 7 + Math.floor(random() * 60) } : {}),
    };
    await write((n ? ',' : '') + JSON.stringify(record));
  }
  await write('],"touches":[');
  let t = 0;
  let chunk = '';
  for (const [n, c] of contacts.entries()) {
    // Each contact is active over part of the three years, as accounts come and go.
    const start = spec.now - SPAN * random();
    const length = (spec.now - start) * (0.2 + 0.8 * random());
    const end = Math.min(spec.now - 3600 * 1000, start + length);
    for (let k = 0; k < c.touchCount; k += 1) {
      const outcome = weighted(random(), OUTCOMES);
      const note = random() < 0.25 ? pick(NOTES, random()) : undefined;
      const record = {
        id: touchId(t),
        contactId: contactId(n),
        at: new Date(Math.floor(start + (end - start) * random())).toISOString(),
        channel: weighted(random(), CHANNELS),
        outcome,
        ...(note ? { note } : {}),
        ...(outcome === 'positive' && random() < 0.1 ? { goodNews: true } : {}),
      };
      chunk += (t ? ',' : '') + JSON.stringify(record);
      t += 1;
      if (chunk.length > 1 << 20) {
        await write(chunk);
        chunk = '';
      }
    }
  }
  await write(chunk + ']}');
  await new Promise<void>((resolve, reject) =>
    out.end((e?: Error | null) => (e ? reject(e) : resolve())),
  );
  renameSync(tmp, file);
  return { file, contacts };
}
