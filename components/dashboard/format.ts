import { format } from 'date-fns';
import type { Impression } from '@/lib/impressions';
import { checkInstant, parseLocalDateTime, type TimeResult } from '@/lib/time';

/** Never throws: a stored time that is not an instant shows as such instead of blanking a view. */
export function dateTime(at: number | null): string {
  if (at === null) return '—';
  return checkInstant(at) === null ? format(at, 'yyyy-MM-dd HH:mm') : 'unreadable date';
}

/** The value a datetime-local input holds for `at`, in local time. */
export function toLocalInput(at: number): string {
  return checkInstant(at) === null ? format(at, "yyyy-MM-dd'T'HH:mm") : '';
}

/** A datetime-local input's value as an instant, by the one rule in lib/time.ts. */
export function fromLocalInput(value: string): TimeResult {
  return parseLocalDateTime(value);
}

export function daysLabel(days: number | null): string {
  if (days === null) return 'never';
  return days === 1 ? '1 day' : `${days} days`;
}

export const IMPRESSION_LABEL: Record<Impression, string> = {
  positive: 'positive',
  neutral: 'neutral',
  negative: 'negative',
  none: 'none yet',
};

/** Splits "a, b; c" or one per line into trimmed, non-empty items. */
export function splitList(text: string): string[] {
  return text
    .split(/[,;\n]/u)
    .map((s) => s.trim())
    .filter(Boolean);
}
