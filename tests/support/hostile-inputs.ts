import { toCsv } from '../../lib/csv/write';
import { makeBackup } from './backups';

/**
 * Hostile and odd inputs for every entry point (Trust promise 4). Each one must be stored
 * faithfully and shown as text, or refused with a message that leaves the database unchanged.
 */

export interface HostileText {
  label: string;
  value: string;
}

const MB = 1_000_000;

/** Names, notes, companies and tags as a user or a host page might hand them over. */
export const HOSTILE_TEXTS: HostileText[] = [
  { label: 'img onerror payload', value: '<img src=x onerror=alert(1)>' },
  { label: 'script element', value: '<script>alert("li")</script>' },
  { label: 'svg onload', value: '<svg/onload=alert(1)>' },
  { label: 'javascript: URL', value: 'javascript:alert(document.cookie)' },
  { label: 'attribute breakout', value: '" onmouseover="alert(1)' },
  { label: 'HTML entities', value: '&lt;b&gt;bold&lt;/b&gt; &amp; &#x3C;' },
  { label: 'template injection', value: '{{constructor.constructor("alert(1)")()}}' },
  { label: 'React-looking object text', value: '{"$$typeof":"react.element","type":"img"}' },
  { label: 'prototype keys', value: '__proto__' },
  { label: 'constructor key', value: 'constructor' },
  { label: 'SQL injection', value: "Robert'); DROP TABLE contacts;--" },
  { label: 'emoji name', value: '👩‍💻 Zoë 🚀' },
  { label: 'flag and skin-tone emoji', value: '🇸🇪👍🏽🧑🏿‍🤝‍🧑🏻' },
  { label: 'right-to-left Arabic', value: 'محمد عبد الله' },
  { label: 'right-to-left Hebrew', value: 'שָׁלוֹם עֲלֵיכֶם' },
  { label: 'RTL override character', value: 'evil\u202Egnp.exe' },
  { label: 'mixed directions', value: 'Ada \u05D0\u05D1 Lovelace \u0627' },
  { label: 'zero-width characters', value: 'A\u200Bd\u200Ca\u200D' },
  { label: 'combining marks', value: 'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇' },
  { label: 'CJK name', value: '李小龍' },
  { label: 'astral-plane characters', value: '𝔄𝔡𝔞 𝕷𝖔𝖛𝖊𝖑𝖆𝖈𝖊' },
  { label: 'lone surrogate', value: 'broken \uD83D text' },
  { label: 'NUL and control characters', value: 'a\u0000b\u0007c\u001Bd' },
  { label: 'newlines and tabs', value: 'line one\nline two\r\n\tindented' },
  { label: 'empty', value: '' },
  { label: 'whitespace only', value: ' \t \n ' },
  { label: 'non-breaking spaces only', value: '\u00A0\u2003\u00A0' },
  { label: 'leading and trailing spaces', value: '   Grace Hopper   ' },
  { label: 'CSV formula =', value: '=HYPERLINK("http://evil.example","click")' },
  { label: 'CSV formula +', value: '+1+cmd|" /C calc"!A0' },
  { label: 'CSV formula -', value: '-2+3' },
  { label: 'CSV formula @', value: '@SUM(1,2)' },
  { label: 'CSV formula after apostrophe', value: "'=1+1" },
  { label: 'quotes and commas', value: 'He said "hi", then left; ok?' },
  { label: '500-character name (the limit)', value: 'N'.repeat(500) },
  { label: '501-character name (over the name limit)', value: 'N'.repeat(501) },
  { label: '10,000-character note', value: 'note '.repeat(2_000) },
  { label: '1 MB note (the limit)', value: 'x'.repeat(MB) },
  { label: '1 MB + 1 note (over the limit)', value: 'x'.repeat(MB + 1) },
  { label: 'only dots', value: '...' },
];

/** Email addresses as typed or as read from a page. */
export const HOSTILE_EMAILS: HostileText[] = [
  { label: 'upper-case email', value: 'Ada.Lovelace@EXAMPLE.COM' },
  { label: 'plus-addressed email', value: 'ada+crm@example.com' },
  { label: 'upper-case plus-addressed email', value: 'ADA+News@Example.Com' },
  { label: 'email with spaces around', value: '  grace@navy.mil  ' },
  { label: 'email with markup', value: '<img src=x>@example.com' },
  { label: 'two addresses in one', value: 'a@example.com, b@example.com' },
  { label: 'no domain', value: 'ada@' },
  { label: 'empty email', value: '' },
  { label: 'whitespace-only email', value: '   ' },
  { label: 'display-name form', value: 'Ada <ada@example.com>' },
  { label: 'over-long email', value: `${'a'.repeat(320)}@example.com` },
  { label: 'IDN email', value: 'zoë@exämple.com' },
];

export interface HostileTime {
  label: string;
  /** A touch time as a number (what the panel and dashboard send). */
  value: number;
}

/** Relative to `now`, so the same corpus works whatever day the tests run. */
export function hostileTimes(now: number): HostileTime[] {
  return [
    { label: 'invalid date (NaN)', value: Number.NaN },
    { label: 'Infinity', value: Number.POSITIVE_INFINITY },
    { label: '-Infinity', value: Number.NEGATIVE_INFINITY },
    { label: 'before 1970', value: -1 },
    { label: 'the epoch itself', value: 0 },
    { label: 'year 3000', value: Date.UTC(3000, 0, 1) },
    { label: 'beyond Date range', value: 8.64e15 + 1 },
    { label: 'fraction of a millisecond', value: now - 0.5 },
    { label: 'a year and a day ahead', value: now + 367 * 24 * 3600 * 1000 },
    { label: 'yesterday', value: now - 24 * 3600 * 1000 },
  ];
}

export interface HostileFile {
  label: string;
  text: string;
}

const BACKUP_CONTACTS = [
  {
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    touches: [{ daysAgo: 2, outcome: 'positive' as const, note: '<b>not bold</b>' }],
  },
  {
    name: 'محمد عبد الله',
    email: 'm+crm@example.org',
    linkedin: '/in/mabdallah',
    touches: [{ daysAgo: 1, outcome: 'negative' as const }],
  },
];

/** Backup files: truncated, duplicated, foreign and future versions, odd records. */
export function hostileBackups(now: number): HostileFile[] {
  const good = makeBackup(now, BACKUP_CONTACTS);
  const text = JSON.stringify(good);
  const edit = (change: (b: Record<string, unknown>) => void) => {
    const copy = JSON.parse(text) as Record<string, unknown>;
    change(copy);
    return JSON.stringify(copy);
  };
  const touches = (b: Record<string, unknown>) => b.touches as Record<string, unknown>[];
  const contacts = (b: Record<string, unknown>) => b.contacts as Record<string, unknown>[];
  return [
    { label: 'valid backup', text },
    { label: 'truncated in the middle', text: text.slice(0, Math.floor(text.length / 2)) },
    { label: 'truncated by one character', text: text.slice(0, -1) },
    { label: 'empty file', text: '' },
    { label: 'the word null', text: 'null' },
    { label: 'a JSON array', text: '[1,2,3]' },
    { label: 'two backups glued together', text: text + text },
    { label: 'UTF-8 BOM before the JSON', text: `\uFEFF${text}` },
    { label: 'a CSV file picked by mistake', text: 'name,email\nAda,ada@example.com\n' },
    { label: 'HTML page picked by mistake', text: '<html><script>alert(1)</script></html>' },
    { label: 'another app’s JSON', text: '{"format":"other-crm","version":1,"contacts":[]}' },
    { label: 'future version', text: edit((b) => (b.version = 3)) },
    { label: 'version zero', text: edit((b) => (b.version = 0)) },
    { label: 'version as text', text: edit((b) => (b.version = '1')) },
    {
      label: 'duplicated contact id',
      text: edit((b) => contacts(b).push({ ...contacts(b)[0], emails: ['other@example.com'] })),
    },
    { label: 'duplicated touch id', text: edit((b) => touches(b).push({ ...touches(b)[0] })) },
    {
      label: 'touch for a contact not in the file',
      text: edit((b) => (touches(b)[0]!.contactId = '00000001-0000-4000-8000-0000000000ff')),
    },
    {
      label: 'touch dated year 3000',
      text: edit((b) => (touches(b)[0]!.at = '3000-01-01T00:00:00.000Z')),
    },
    {
      label: 'touch with an invalid date',
      text: edit((b) => (touches(b)[0]!.at = '2026-02-31T25:61:00Z')),
    },
    { label: 'unknown outcome', text: edit((b) => (touches(b)[0]!.outcome = 'great')) },
    { label: 'empty contact name', text: edit((b) => (contacts(b)[0]!.name = '   ')) },
    {
      label: 'upper-case email in the file',
      text: edit((b) => (contacts(b)[0]!.emails = ['ADA@Example.COM'])),
    },
    {
      label: 'prototype pollution keys',
      text: text.replace('{"format"', '{"__proto__":{"polluted":true},"format"'),
    },
    {
      label: 'markup in every text field',
      text: edit((b) => {
        contacts(b)[0]!.name = '<img src=x onerror=alert(1)>';
        contacts(b)[0]!.company = '<script>alert(1)</script>';
        touches(b)[0]!.note = '"><svg onload=alert(1)>';
      }),
    },
    { label: '1 MB note in a backup', text: edit((b) => (touches(b)[0]!.note = 'x'.repeat(MB))) },
  ];
}

/** CSV touch files, as spreadsheet programs and people write them. */
export function hostileCsvFiles(): HostileFile[] {
  const header = ['Date', 'Email', 'Name', 'Channel', 'Outcome', 'Note'];
  return [
    {
      label: 'formula cells, escaped by our export',
      text: toCsv([
        header,
        ['2026-01-05 10:00', 'ada@example.com', '=1+1', 'call', 'positive', '@SUM(A1)'],
      ]),
    },
    {
      label: 'formula cells, raw',
      text: `Date,Email,Name,Outcome,Note\n2026-01-05,ada@example.com,Ada,positive,"=HYPERLINK(""http://evil.example"")"\n`,
    },
    {
      label: 'markup and RTL in cells',
      text: toCsv([
        header,
        [
          '2026-01-05',
          'm+crm@example.org',
          'محمد <b>x</b>',
          'email',
          'negative',
          '<img src=x onerror=alert(1)>',
        ],
      ]),
    },
    { label: 'invalid date', text: 'Date,Email,Outcome\n2026-02-31,ada@example.com,positive\n' },
    { label: 'year 3000', text: 'Date,Email,Outcome\n3000-01-01,ada@example.com,positive\n' },
    { label: 'unknown outcome', text: 'Date,Email,Outcome\n2026-01-05,ada@example.com,splendid\n' },
    { label: 'bad email', text: 'Date,Email,Outcome\n2026-01-05,not-an-email,positive\n' },
    { label: 'nobody named', text: 'Date,Email,Name,Outcome\n2026-01-05,,   ,positive\n' },
    { label: 'header only', text: 'Date,Email,Outcome\n' },
    {
      label: 'unterminated quote',
      text: 'Date,Email,Outcome\n"2026-01-05,ada@example.com,positive\n',
    },
    {
      label: 'second row fails, first is fine',
      text: 'Date,Email,Outcome\n2026-01-05,ada@example.com,positive\n2026-01-06,ada@example.com,meh\n',
    },
    {
      label: 'upper-case and plus-addressed emails',
      text: 'Date,Email,Outcome\n2026-01-05,ADA+News@Example.COM,neutral\n',
    },
  ];
}

/** How many inputs the corpus holds for a given `now`. */
export function corpusSize(now: number): number {
  return (
    HOSTILE_TEXTS.length +
    HOSTILE_EMAILS.length +
    hostileTimes(now).length +
    hostileBackups(now).length +
    hostileCsvFiles().length
  );
}
