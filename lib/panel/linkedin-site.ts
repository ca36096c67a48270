import { DOCKED_WINDOWS, readLinkedin, type LinkedinPerson } from '@/lib/hosts/linkedin';
import { identityToKey } from '../identity';
import { isAcceptableIdentity } from './identity-keys';
import type { Person, Screen, SiteConfig } from './screen';

export const LINKEDIN_SITE: SiteConfig = {
  source: 'linkedin',
  channels: ['linkedin', 'email', 'call', 'meeting', 'other'],
  unreadableNote: "Can't read this LinkedIn page",
  offersLinking: true,
  // Below LinkedIn's 52 px global navigation; nothing docks on the far right edge.
  insets: { top: 60, right: 16 },
  bottomWindows: DOCKED_WINDOWS,
};

const MAX_PEOPLE = 20;

function toPeople(found: readonly LinkedinPerson[]): Person[] {
  const people: Person[] = [];
  for (const p of found) {
    const identity = { kind: 'linkedin', value: p.path } as const;
    if (!isAcceptableIdentity(identity)) continue;
    people.push({
      identity,
      key: identityToKey(identity),
      ...(p.name.trim() ? { name: p.name.trim() } : {}),
      ...(p.headline?.trim() ? { headline: p.headline.trim() } : {}),
    });
    if (people.length === MAX_PEOPLE) break;
  }
  return people;
}

/** A profile shows its person; a messaging thread its other participants. */
export function readLinkedinScreen(doc: Document, url: string): Screen {
  const view = readLinkedin(doc, url);
  if (view.kind === 'none') return { kind: 'none' };
  if (view.kind === 'unreadable') return view;
  const people = toPeople(view.kind === 'profile' ? [view.person] : view.participants);
  return people.length ? { kind: 'people', people } : { kind: 'none' };
}
