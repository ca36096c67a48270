import { addDays, format, isWeekend, set, startOfDay } from 'date-fns';
import type { NudgeReason } from './impressions';
import type { Settings } from './model';
import { nudgeLine } from './news/nudge-news';

type DigestSettings = Pick<Settings, 'digestMinutes' | 'digestWeekends' | 'notifications'>;

export const DIGEST_ALARM = 'digest';
/** How many contacts the notification names; the popup has the rest. */
export const DIGEST_NAMES = 3;

/** The local calendar day a digest belongs to, as remembered in meta. */
export function digestDay(at: number): string {
  return format(at, 'yyyy-MM-dd');
}

export function isDigestDay(settings: DigestSettings, at: number): boolean {
  return settings.digestWeekends || !isWeekend(at);
}

function slotOn(day: Date, settings: DigestSettings): number {
  const minutes = settings.digestMinutes;
  return set(startOfDay(day), { hours: Math.floor(minutes / 60), minutes: minutes % 60 }).getTime();
}

/** The first digest time strictly after `now`: the set local time on an allowed day. */
export function nextDigestAt(settings: DigestSettings, now: number): number {
  for (let i = 0; i <= 7; i += 1) {
    const slot = slotOn(addDays(now, i), settings);
    if (slot > now && isDigestDay(settings, slot)) return slot;
  }
  throw new Error('no digest day within a week');
}

/**
 * An alarm already set still serves when it sits on a digest slot for these settings and does
 * not skip the next one; a slot in the past is one the browser has yet to deliver.
 */
export function alarmMatches(
  settings: DigestSettings,
  alarm: { scheduledTime: number; periodInMinutes?: number },
  now: number,
): boolean {
  if (alarm.periodInMinutes !== undefined) return false;
  const at = alarm.scheduledTime;
  return (
    slotOn(new Date(at), settings) === at &&
    isDigestDay(settings, at) &&
    at <= nextDigestAt(settings, now)
  );
}

/** At most one a day, only on digest days, only when switched on and something is due. */
export function shouldSendDigest(input: {
  settings: DigestSettings;
  now: number;
  lastDigestDay: string | undefined;
  dueCount: number;
}): boolean {
  const { settings, now } = input;
  return (
    settings.notifications &&
    input.dueCount > 0 &&
    isDigestDay(settings, now) &&
    input.lastDigestDay !== digestDay(now)
  );
}

export interface DigestItem {
  name: string;
  reason: NudgeReason;
  /** The headline the nudge names, when news is waiting for this contact. */
  news?: string;
}

/**
 * "Repair: Grace Hopper. Tell Ada: CSV export shipped. Share good news: Alan Turing and 2
 * more." `items` are the most urgent nudges, most urgent first (at least the ones to name);
 * `count` is all that are due.
 */
export function digestText(
  items: readonly DigestItem[],
  count: number = items.length,
): { title: string; message: string } {
  const title =
    count === 1 ? '1 contact is due for a touch' : `${count} contacts are due for a touch`;
  const named = items.slice(0, DIGEST_NAMES);
  const group = (reason: NudgeReason, label: string) => {
    const names = named.filter((i) => i.reason === reason && !i.news).map((i) => i.name);
    return names.length ? `${label}: ${names.join(', ')}` : '';
  };
  const tell = named
    .filter((i) => i.reason === 'share-good-news' && i.news)
    .map((i) => nudgeLine({ reason: i.reason, why: '' }, i.name, { headline: i.news! }));
  const parts = [
    group('repair', 'Repair'),
    ...tell,
    group('share-good-news', 'Share good news'),
  ].filter(Boolean);
  const more = count > named.length ? ` and ${count - named.length} more` : '';
  return { title, message: `${parts.join('. ')}${more}.` };
}
