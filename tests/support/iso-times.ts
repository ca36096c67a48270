/**
 * ISO 8601 / RFC 3339 forms a backup, a spreadsheet or a message may carry. Each is either
 * stored as `ms` (the instant it names) or refused (`ms: null`). Sent through every entry point
 * (backup, CSV, the dashboard's date field, messages) by tests/unit/trust-timestamps.test.ts.
 */
export interface IsoTime {
  text: string;
  /** The instant it names, or null when every entry point must refuse it. */
  ms: number | null;
  why: string;
}

const NINE_UTC = Date.UTC(2026, 0, 31, 9);
const EIGHT_UTC = Date.UTC(2026, 0, 31, 8);

export const ISO_TIMES: IsoTime[] = [
  { text: '2026-01-31T09:00:00+01', ms: EIGHT_UTC, why: 'offset in hours only' },
  { text: '2026-01-31T09:00:00+0100', ms: EIGHT_UTC, why: 'offset without a colon' },
  { text: '2026-01-31T09:00:00+01:00', ms: EIGHT_UTC, why: 'offset with a colon' },
  { text: '2026-01-31T09:00:00-05:30', ms: NINE_UTC + 5.5 * 3600_000, why: 'negative offset' },
  { text: '2026-01-31T09:00:00Z', ms: NINE_UTC, why: 'Z' },
  { text: '2026-01-31t09:00:00z', ms: NINE_UTC, why: 'lower-case t and z' },
  { text: '2026-01-31 09:00:00Z', ms: NINE_UTC, why: 'space instead of T (RFC 3339)' },
  { text: '2026-01-31T09:00Z', ms: NINE_UTC, why: 'no seconds' },
  { text: '2026-01-31T09:00+01:00', ms: EIGHT_UTC, why: 'no seconds, with an offset' },
  { text: '2026-01-31T09:00:00.5Z', ms: NINE_UTC + 500, why: 'one-digit fraction' },
  { text: '2026-01-31T09:00:00.123Z', ms: NINE_UTC + 123, why: 'milliseconds' },
  { text: '2026-01-31T09:00:00.123456789Z', ms: NINE_UTC + 123, why: 'nanoseconds, cut to ms' },
  { text: '2026-01-31T09:00:00,25Z', ms: NINE_UTC + 250, why: 'decimal comma' },
  { text: '2026-01-31T09:00:00-00:00', ms: NINE_UTC, why: '-00:00 is UTC (RFC 3339)' },
  { text: '2026-01-31T24:00:00Z', ms: Date.UTC(2026, 1, 1), why: '24:00 ends the day' },
  { text: '2026-01-31T24:00Z', ms: Date.UTC(2026, 1, 1), why: '24:00 without seconds' },
  { text: '2026-01-31T24:00:01Z', ms: null, why: 'past 24:00' },
  { text: '2026-01-31T23:59:60Z', ms: null, why: 'leap second: no instant to store' },
  { text: '2026-W05-6T09:00:00Z', ms: null, why: 'week date' },
  { text: '2026-031T09:00:00Z', ms: null, why: 'ordinal date' },
  { text: '0000-01-01T00:00:00Z', ms: null, why: 'year 0000' },
  { text: '10000-01-01T00:00:00Z', ms: null, why: 'year 10000' },
  { text: '+010000-01-01T00:00:00Z', ms: null, why: 'expanded year' },
  { text: '1969-12-31T23:59:59Z', ms: null, why: 'before 1970' },
  { text: '2200-01-01T00:00:00Z', ms: null, why: 'after 2199' },
  { text: '2026-02-31T09:00:00Z', ms: null, why: 'no such day' },
  { text: '2026-13-01T09:00:00Z', ms: null, why: 'no such month' },
  { text: '2026-01-31T09:60:00Z', ms: null, why: 'no such minute' },
  { text: '2026-01-31T09:00:00+25:00', ms: null, why: 'no such offset' },
  { text: '2026-01-31T09:00:00', ms: null, why: 'no zone: a backup must say which' },
  { text: '2026-01-31T09:00:00+1', ms: null, why: 'one-digit offset' },
  { text: 'Sat, 31 Jan 2026 09:00:00 GMT', ms: null, why: 'not ISO' },
  { text: '', ms: null, why: 'empty' },
];
