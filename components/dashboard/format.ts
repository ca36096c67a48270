import { format } from 'date-fns';
import type { Impression } from '@/lib/impressions';

export function dateTime(at: number | null): string {
  return at === null ? '—' : format(at, 'yyyy-MM-dd HH:mm');
}

/** The value a datetime-local input holds for `at`, in local time. */
export function toLocalInput(at: number): string {
  return format(at, "yyyy-MM-dd'T'HH:mm");
}

export function fromLocalInput(value: string): number | null {
  const ms = new Date(value).getTime();
  return value && Number.isFinite(ms) ? ms : null;
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
