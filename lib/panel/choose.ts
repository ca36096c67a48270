import { compareNudges, nudgeFor, type Nudge } from '../impressions';
import type { Person } from '../messages';
import type { Views } from './view';

/** The nudge due for the person under `key` now, if they are stored and due. */
export function dueNudge(views: Views | undefined, key: string, now: number): Nudge | null {
  const view = views?.[key];
  return view ? nudgeFor(view.contact, view.settings, now) : null;
}

/**
 * Who the panel shows first among several people: the stored contact with the most urgent
 * nudge, else the first the page names (a thread's latest other sender, a compose's first
 * recipient).
 */
export function firstPerson(
  people: readonly Person[],
  views: Views | undefined,
  now: number,
): Person | null {
  let best: { person: Person; nudge: Nudge } | null = null;
  for (const person of people) {
    const nudge = dueNudge(views, person.key, now);
    if (nudge && (!best || compareNudges(nudge, best.nudge) < 0)) best = { person, nudge };
  }
  return best?.person ?? people[0] ?? null;
}
