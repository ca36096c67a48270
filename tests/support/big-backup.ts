import type { Backup, BackupContact, BackupTouch } from '../../lib/backup/format';
import { CHANNELS, type Outcome } from '../../lib/model';
import { mulberry32, sampleUuid } from './sample-ids';

const DAY = 24 * 3600 * 1000;
const FIRST = [
  'Ada',
  'Grace',
  'Alan',
  'Edsger',
  'Barbara',
  'Donald',
  'Frances',
  'Ken',
  'Radia',
  'Tim',
];
const LAST = [
  'Archer',
  'Baker',
  'Carter',
  'Dalton',
  'Ellis',
  'Foster',
  'Gray',
  'Hughes',
  'Irwin',
  'Jones',
];
const COMPANIES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Tyrell'];
/** Notes that a CSV writer must quote or escape. */
const TRICKY_NOTES = [
  'Asked about pricing, then "thought about it"',
  'First line\nsecond line',
  '-20% discount agreed',
  '@channel follow-up',
];
export const FORMULA_NOTE = '=HYPERLINK("x")';

export function bigContactName(i: number): string {
  return `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${String(i).padStart(5, '0')}`;
}

/**
 * A deterministic backup of `contacts` people and `touches` touches spread over the year before
 * `now`. Touch 0 carries a formula-like note; a few contacts have no touch at all.
 */
export function makeBigBackup(
  now: number,
  contacts = 10_000,
  touches = 100_000,
  seed = 42,
): Backup {
  const rnd = mulberry32(seed);
  const people: BackupContact[] = [];
  for (let i = 0; i < contacts; i++) {
    const name = bigContactName(i);
    const slug = name.toLowerCase().replace(/ /g, '.');
    const company = rnd() < 0.9 ? COMPANIES[Math.floor(rnd() * COMPANIES.length)] : undefined;
    people.push({
      id: sampleUuid(1, i),
      name,
      emails: [`${slug}@example.com`],
      linkedin: rnd() < 0.3 ? [`/in/${slug.replace(/\./g, '-')}`] : [],
      ...(company ? { company } : {}),
    });
  }
  const list: BackupTouch[] = [];
  for (let n = 0; n < touches; n++) {
    // The last 1% of contacts are left untouched, so "none yet" shows up too.
    const contact = Math.floor(rnd() * Math.floor(contacts * 0.99));
    const roll = rnd();
    const outcome: Outcome = roll < 0.45 ? 'positive' : roll < 0.8 ? 'neutral' : 'negative';
    const at = now - Math.floor(rnd() * 365 * DAY) - 60_000;
    const noteRoll = rnd();
    const note =
      n === 0
        ? FORMULA_NOTE
        : noteRoll < 0.05
          ? TRICKY_NOTES[Math.floor(rnd() * TRICKY_NOTES.length)]
          : noteRoll < 0.2
            ? `Note ${n}`
            : undefined;
    list.push({
      id: sampleUuid(2, n),
      contactId: sampleUuid(1, contact),
      at: new Date(at).toISOString(),
      channel: CHANNELS[Math.floor(rnd() * CHANNELS.length)]!,
      outcome,
      ...(note ? { note } : {}),
      ...(outcome === 'positive' && rnd() < 0.2 ? { goodNews: true } : {}),
    });
  }
  return {
    format: 'last-impression-backup',
    version: 1,
    exportedAt: new Date(now).toISOString(),
    contacts: people,
    touches: list,
  };
}

/** Each contact's latest touch, as the summary rule picks it (later time, then larger id). */
export function latestTouches(backup: Backup): Map<string, BackupTouch> {
  const latest = new Map<string, BackupTouch>();
  for (const t of backup.touches) {
    const prev = latest.get(t.contactId);
    const at = Date.parse(t.at);
    if (!prev || at > Date.parse(prev.at) || (at === Date.parse(prev.at) && t.id > prev.id)) {
      latest.set(t.contactId, t);
    }
  }
  return latest;
}
