import { addDays, addMonths, addWeeks, startOfDay } from 'date-fns';

/** The lengths a nudge can be put off for, wherever it is shown: panel, popup, dashboard. */
export const SNOOZE_CHOICES = ['1 day', '1 week', '1 month'] as const;
export type SnoozeChoice = (typeof SNOOZE_CHOICES)[number];

/**
 * When a snooze chosen at `now` ends: the start of the day it names, so the nudge is back with
 * that morning's list (and the daily digest), never at the odd minute the button was pressed.
 */
export function snoozeUntil(choice: SnoozeChoice, now: number): number {
  const day = startOfDay(now);
  if (choice === '1 day') return addDays(day, 1).getTime();
  if (choice === '1 week') return addWeeks(day, 1).getTime();
  return addMonths(day, 1).getTime();
}
