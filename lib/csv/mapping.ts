/** What a CSV column can mean when importing touches. */
export const TOUCH_FIELDS = [
  'date',
  'email',
  'linkedin',
  'name',
  'channel',
  'outcome',
  'note',
  'goodNews',
  'id',
] as const;
export type TouchField = (typeof TOUCH_FIELDS)[number];

export const FIELD_LABELS: Record<TouchField, string> = {
  date: 'Date and time',
  email: 'Email',
  linkedin: 'LinkedIn path',
  name: 'Name',
  channel: 'Channel',
  outcome: 'Outcome',
  note: 'Note',
  goodNews: 'Good news',
  id: 'Touch ID (skips rows already imported)',
};

export const REQUIRED_FIELDS: readonly TouchField[] = ['date', 'outcome'];

/** Column index per field; a field left out is not imported. */
export type ColumnMapping = Partial<Record<TouchField, number>>;

const ALIASES: Record<TouchField, readonly string[]> = {
  date: ['date', 'when', 'at', 'time', 'datetime', 'date and time', 'timestamp'],
  email: ['email', 'e-mail', 'email address', 'mail'],
  linkedin: ['linkedin', 'linkedin path', 'linkedin url', 'profile', 'linkedin profile'],
  name: ['name', 'contact', 'contact name', 'full name', 'person'],
  channel: ['channel', 'type', 'medium', 'via'],
  outcome: ['outcome', 'impression', 'result', 'sentiment'],
  note: ['note', 'notes', 'comment', 'comments', 'summary'],
  goodNews: ['good news', 'goodnews', 'good_news'],
  id: ['touch id', 'id', 'touch_id'],
};

/** Proposes a mapping from the header row; the user confirms or changes it. */
export function guessMapping(header: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const used = new Set<number>();
  for (const field of TOUCH_FIELDS) {
    const index = header.findIndex(
      (h, i) => !used.has(i) && ALIASES[field].includes(h.trim().toLowerCase()),
    );
    if (index >= 0) {
      mapping[field] = index;
      used.add(index);
    }
  }
  return mapping;
}
