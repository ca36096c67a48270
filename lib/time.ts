import * as v from 'valibot';

/**
 * The one rule for every time that enters: backups, CSV, dashboard forms and messages.
 *
 * `Date.parse` is not that rule: it refuses valid ISO forms such as `+01` or `+0100` (NaN),
 * rolls impossible days over (2026-02-31 becomes March 3) and takes years no record can have.
 * A NaN stored in the database later bricks exports and views, so nothing reaches it unless it
 * is a finite instant in [1970, 2200).
 */

/** 1970-01-01T00:00:00Z. */
export const TIME_MIN = 0;
/** 2200-01-01T00:00:00Z, exclusive. */
export const TIME_MAX = Date.UTC(2200, 0, 1);

export type TimeResult = { ok: true; ms: number } | { ok: false; problem: string };

const EXAMPLE = 'such as 2026-01-31T09:00:00Z or 2026-01-31T09:00+01:00';

/**
 * RFC 3339 / ISO 8601 extended calendar date and time with a zone: `T`, `t` or a space between;
 * seconds and a fraction optional; the zone `Z`, `z`, `±hh`, `±hhmm` or `±hh:mm`.
 */
const ISO_ZONED =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?([Zz]|[+-]\d{2}(?::?\d{2})?)$/u;
/** A calendar date with an optional time and no zone: local time (CSV cells, form inputs). */
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?$/u;
/** Forms ISO 8601 allows but a rep's file has no business holding; named so the message helps. */
const WEEK_DATE = /^\d{4}-?W\d{2}/u;
const ORDINAL_DATE = /^\d{4}-?\d{3}(?:[Tt ]|$)/u;
const EXPANDED_YEAR = /^(?:[+-]\d{4,}|\d{5,})-/u;

/** A finite instant in [1970, 2200), or why not. */
export function checkInstant(ms: number): string | null {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return 'is not a valid time';
  if (ms < TIME_MIN) return 'is before 1970';
  if (ms >= TIME_MAX) return 'is after 2199';
  return null;
}

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

function fieldsOf(m: RegExpExecArray): Fields {
  const fraction = m[7] ?? '';
  return {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    // Milliseconds are what an instant holds; finer digits are dropped, not rounded up a second.
    ms: Number(fraction.padEnd(3, '0').slice(0, 3)),
  };
}

/** Why the fields are not a moment of the calendar, or null; 24:00 is the next day's 00:00. */
function fieldProblem(f: Fields, fractionDigits: string): string | null {
  if (f.month < 1 || f.month > 12) return 'has no such month';
  const daysInMonth = new Date(Date.UTC(2000, f.month, 0)).getUTCDate();
  const leap = f.year % 4 === 0 && (f.year % 100 !== 0 || f.year % 400 === 0);
  const lastDay = f.month === 2 ? (leap ? 29 : 28) : daysInMonth;
  if (f.day < 1 || f.day > lastDay) return 'is not a day of the calendar';
  if (f.second === 60) return 'is a leap second (23:59:60), which no clock here can hold';
  const endOfDay =
    f.hour === 24 && f.minute === 0 && f.second === 0 && !/[1-9]/u.test(fractionDigits);
  if ((f.hour > 23 && !endOfDay) || f.minute > 59 || f.second > 59) return 'is not a time of day';
  return null;
}

function utcOf(f: Fields): number {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  date.setUTCFullYear(f.year, f.month - 1, f.day);
  date.setUTCHours(f.hour, f.minute, f.second, f.ms);
  return date.getTime();
}

function unsupportedForm(text: string): string | null {
  if (EXPANDED_YEAR.test(text)) return 'has a year outside 1970–2199';
  if (WEEK_DATE.test(text)) return `is a week date; write the calendar date, ${EXAMPLE}`;
  if (ORDINAL_DATE.test(text)) return `is an ordinal date; write the calendar date, ${EXAMPLE}`;
  return null;
}

function done(ms: number): TimeResult {
  const problem = checkInstant(ms);
  return problem ? { ok: false, problem } : { ok: true, ms };
}

/** An ISO date and time with its zone (backups; CSV cells that carry a zone). */
export function parseIsoInstant(input: string): TimeResult {
  const text = input.trim();
  const m = ISO_ZONED.exec(text);
  if (!m) {
    return {
      ok: false,
      problem: unsupportedForm(text) ?? `is not an ISO date and time ${EXAMPLE}`,
    };
  }
  const f = fieldsOf(m);
  const problem = fieldProblem(f, m[7] ?? '');
  if (problem) return { ok: false, problem };
  // `-00:00` (RFC 3339: UTC, local offset unknown) names the same instant as `Z`.
  const zone = m[8]!;
  let offsetMinutes = 0;
  if (zone !== 'Z' && zone !== 'z') {
    const digits = zone.slice(1).replace(':', '');
    const hours = Number(digits.slice(0, 2));
    const minutes = Number(digits.slice(2) || '0');
    if (hours > 23 || minutes > 59) return { ok: false, problem: 'has an impossible time zone' };
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
  }
  return done(utcOf(f) - offsetMinutes * 60_000);
}

/** A date, or a date and time, without a zone, read as local time (CSV cells, form inputs). */
export function parseLocalDateTime(input: string): TimeResult {
  const text = input.trim();
  const m = LOCAL.exec(text);
  if (!m) {
    return {
      ok: false,
      problem: unsupportedForm(text) ?? 'is not a date such as 2026-01-31 or 2026-01-31 09:30',
    };
  }
  const f = fieldsOf(m);
  const problem = fieldProblem(f, m[7] ?? '');
  if (problem) return { ok: false, problem };
  const date = new Date(0);
  date.setFullYear(f.year, f.month - 1, f.day);
  date.setHours(f.hour, f.minute, f.second, f.ms);
  return done(date.getTime());
}

/** A zoned ISO time as written, else a local date and time: what a spreadsheet cell may hold. */
export function parseDateCell(input: string): TimeResult {
  const zoned = parseIsoInstant(input);
  if (zoned.ok || ISO_ZONED.test(input.trim())) return zoned;
  return parseLocalDateTime(input);
}

/** ISO text for an instant, or undefined when the stored value is not one (never throws). */
export function isoOf(ms: number | null | undefined): string | undefined {
  return typeof ms === 'number' && checkInstant(ms) === null
    ? new Date(ms).toISOString()
    : undefined;
}

/** Epoch ms of text a schema below has already checked. */
export function instantOf(iso: string): number {
  const parsed = parseIsoInstant(iso);
  if (!parsed.ok) throw new Error(`${iso} ${parsed.problem}`);
  return parsed.ms;
}

/** A number that must be an instant (messages, database inputs). */
export const InstantSchema = v.pipe(
  v.number('date must be a time'),
  v.check(
    (ms) => checkInstant(ms) === null,
    (issue) => `date ${checkInstant(issue.input as number)}`,
  ),
);

/** ISO text that must be an instant with its zone (backups); it stays text, `instantOf` reads it. */
export const IsoInstantTextSchema = v.pipe(
  v.string('must be an ISO date and time'),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const parsed = parseIsoInstant(dataset.value);
    if (!parsed.ok) addIssue({ message: `${JSON.stringify(dataset.value)} ${parsed.problem}` });
  }),
);
