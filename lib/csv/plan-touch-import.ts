import * as v from 'valibot';
import type { BackupContact, BackupTouch } from '../backup/format';
import {
  CHANNELS,
  EmailSchema,
  LinkedinPathSchema,
  MAX_NAME_LENGTH,
  MAX_NOTE_LENGTH,
  OUTCOMES,
  emailKey,
  linkedinKey,
  touchTimeSchema,
  type Channel,
  type IdentityKey,
  type Outcome,
} from '../model';
import { isoOf, parseDateCell } from '../time';
import { FIELD_LABELS, REQUIRED_FIELDS, type ColumnMapping, type TouchField } from './mapping';
import { unescapeCell } from './write';

export interface KnownContact {
  id: string;
  name: string;
  identities: readonly IdentityKey[];
}

export interface TouchImportPlan {
  contacts: BackupContact[];
  touches: BackupTouch[];
}

export type PlanResult = { ok: true; plan: TouchImportPlan } | { ok: false; error: string };

interface Row {
  /** Spreadsheet row number: the header is row 1. */
  rowNo: number;
  at: number;
  email?: string;
  linkedin?: string;
  name?: string;
  channel: Channel;
  outcome: Outcome;
  note?: string;
  goodNews: boolean;
  id?: string;
}

class RowError extends Error {}

const YES = new Set(['yes', 'y', 'true', '1', 'x', '✓']);
const NO = new Set(['', 'no', 'n', 'false', '0']);

/** Accepts `/in/slug` or a full profile URL. */
function linkedinPathOf(text: string): string {
  const m = /^(?:https?:\/\/)?(?:[a-z]{2,3}\.)?linkedin\.com(\/in\/[^/?#\s]+)/iu.exec(text);
  return m ? m[1]! : text;
}

function readRow(cells: readonly string[], rowNo: number, map: ColumnMapping, now: number): Row {
  const cell = (field: TouchField) => {
    const i = map[field];
    return i === undefined ? '' : unescapeCell(cells[i] ?? '');
  };
  const fail = (field: TouchField, problem: string): never => {
    throw new RowError(`Row ${rowNo}, column "${FIELD_LABELS[field]}": ${problem}`);
  };

  const dateText = cell('date').trim();
  const parsed = parseDateCell(dateText);
  if (!parsed.ok) fail('date', `"${dateText}" ${parsed.problem}`);
  const at = parsed.ok ? parsed.ms : NaN;
  if (!v.safeParse(touchTimeSchema(now), at).success) {
    fail('date', `"${dateText}" is more than a year ahead`);
  }

  const row: Row = { rowNo, at: at!, channel: 'other', outcome: 'neutral', goodNews: false };

  const emailText = cell('email').trim();
  if (emailText) {
    const email = v.safeParse(EmailSchema, emailText);
    if (!email.success) fail('email', `"${emailText}" is not a valid email address`);
    else row.email = email.output;
  }
  const linkedinText = cell('linkedin').trim();
  if (linkedinText) {
    const path = v.safeParse(LinkedinPathSchema, linkedinPathOf(linkedinText));
    if (!path.success) fail('linkedin', `"${linkedinText}" is not a profile path such as /in/ada`);
    else row.linkedin = path.output;
  }
  const name = cell('name').trim();
  if (name.length > MAX_NAME_LENGTH) fail('name', `longer than ${MAX_NAME_LENGTH} characters`);
  if (name) row.name = name;
  if (!row.email && !row.linkedin && !row.name) {
    throw new RowError(`Row ${rowNo}: give an email, a LinkedIn path or a name to say who it was`);
  }

  const channel = cell('channel').trim().toLowerCase();
  if (channel) {
    if (!(CHANNELS as readonly string[]).includes(channel)) {
      fail('channel', `"${channel}" is not one of ${CHANNELS.join(', ')}`);
    }
    row.channel = channel as Channel;
  }
  const outcome = cell('outcome').trim().toLowerCase();
  if (!(OUTCOMES as readonly string[]).includes(outcome)) {
    fail('outcome', `"${outcome}" is not one of ${OUTCOMES.join(', ')}`);
  }
  row.outcome = outcome as Outcome;

  const note = cell('note');
  if (note.length > MAX_NOTE_LENGTH) fail('note', `longer than ${MAX_NOTE_LENGTH} characters`);
  if (note) row.note = note;

  const goodNews = cell('goodNews').trim().toLowerCase();
  if (YES.has(goodNews)) row.goodNews = true;
  else if (!NO.has(goodNews)) fail('goodNews', `"${goodNews}" is not yes or no`);

  const id = cell('id').trim();
  if (id.length > 100) fail('id', 'longer than 100 characters');
  if (id) row.id = id;
  return row;
}

function keysOf(row: Row): IdentityKey[] {
  return [
    ...(row.email ? [emailKey(row.email)] : []),
    ...(row.linkedin ? [linkedinKey(row.linkedin)] : []),
  ];
}

/** Rows that share an email or LinkedIn path, directly or through other rows, are one person. */
function groupByIdentity(rows: readonly Row[]): Row[][] {
  const parent = rows.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const firstWithKey = new Map<IdentityKey, number>();
  rows.forEach((row, i) => {
    for (const key of keysOf(row)) {
      const other = firstWithKey.get(key);
      if (other === undefined) firstWithKey.set(key, i);
      else parent[find(i)] = find(other);
    }
  });
  const groups = new Map<number, Row[]>();
  rows.forEach((row, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(row);
    else groups.set(root, [row]);
  });
  return [...groups.values()];
}

/**
 * Checks every row against the mapping, then builds backup-shaped records for `importRecords`:
 * touches go to the known contact holding their email or LinkedIn path, else to the contact of
 * that name, else to a new contact. The first problem found is returned with its row and column.
 */
export function planTouchImport(
  rows: readonly (readonly string[])[],
  mapping: ColumnMapping,
  known: readonly KnownContact[],
  now: number,
  newId: () => string,
): PlanResult {
  const missing = REQUIRED_FIELDS.filter((f) => mapping[f] === undefined);
  if (missing.length) {
    return {
      ok: false,
      error: `Choose a column for ${missing.map((f) => FIELD_LABELS[f]).join(' and ')}.`,
    };
  }
  if (mapping.email === undefined && mapping.linkedin === undefined && mapping.name === undefined) {
    return { ok: false, error: 'Choose a column for Email, LinkedIn path or Name.' };
  }

  const parsed: Row[] = [];
  const seenIds = new Map<string, number>();
  try {
    for (let i = 1; i < rows.length; i++) {
      const cells = rows[i]!;
      if (cells.every((c) => c.trim() === '')) continue;
      const row = readRow(cells, i + 1, mapping, now);
      if (row.id !== undefined) {
        const earlier = seenIds.get(row.id);
        if (earlier !== undefined) {
          throw new RowError(
            `Row ${row.rowNo}, column "${FIELD_LABELS.id}": same ID as row ${earlier}`,
          );
        }
        seenIds.set(row.id, row.rowNo);
      }
      parsed.push(row);
    }
  } catch (e) {
    if (e instanceof RowError) return { ok: false, error: e.message };
    throw e;
  }
  if (parsed.length === 0) return { ok: false, error: 'The file has no rows below the header.' };

  const byKey = new Map<IdentityKey, KnownContact>();
  const byName = new Map<string, KnownContact[]>();
  for (const c of known) {
    for (const k of c.identities) byKey.set(k, c);
    const name = c.name.toLowerCase();
    byName.set(name, [...(byName.get(name) ?? []), c]);
  }

  const contacts = new Map<string, BackupContact>();
  const contactOfRow = new Map<Row, string>();
  const fileContactByName = new Map<string, string>();

  for (const group of groupByIdentity(parsed.filter((r) => keysOf(r).length > 0))) {
    const keys = [...new Set(group.flatMap(keysOf))];
    const owners = [...new Set(keys.map((k) => byKey.get(k)).filter((c) => c !== undefined))];
    if (owners.length > 1) {
      return {
        ok: false,
        error: `Row ${group[0]!.rowNo}: its email and LinkedIn path belong to two contacts (${owners.map((o) => o.name).join(' and ')}); merge them first.`,
      };
    }
    const owner = owners[0];
    const id = owner?.id ?? newId();
    const name = owner?.name ?? group.find((r) => r.name)?.name ?? keys[0]!.replace(/^\w+:/u, '');
    contacts.set(id, {
      id,
      name,
      emails: [...new Set(group.flatMap((r) => (r.email ? [r.email] : [])))],
      linkedin: [...new Set(group.flatMap((r) => (r.linkedin ? [r.linkedin] : [])))],
    });
    for (const r of group) contactOfRow.set(r, id);
    if (!fileContactByName.has(name.toLowerCase())) fileContactByName.set(name.toLowerCase(), id);
  }

  for (const row of parsed) {
    if (contactOfRow.has(row) || !row.name) continue;
    const lower = row.name.toLowerCase();
    let id = fileContactByName.get(lower);
    if (!id) {
      const named = byName.get(lower) ?? [];
      if (named.length > 1) {
        return {
          ok: false,
          error: `Row ${row.rowNo}: ${named.length} contacts are named "${row.name}"; add an email or LinkedIn column to say which.`,
        };
      }
      id = named[0]?.id ?? newId();
      contacts.set(id, { id, name: named[0]?.name ?? row.name, emails: [], linkedin: [] });
      fileContactByName.set(lower, id);
    }
    contactOfRow.set(row, id);
  }

  const touches: BackupTouch[] = parsed.map((row) => ({
    id: row.id ?? newId(),
    contactId: contactOfRow.get(row)!,
    at: isoOf(row.at)!,
    channel: row.channel,
    outcome: row.outcome,
    ...(row.note ? { note: row.note } : {}),
    ...(row.goodNews ? { goodNews: true } : {}),
    source: 'import',
  }));
  return { ok: true, plan: { contacts: [...contacts.values()], touches } };
}
