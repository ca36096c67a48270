import { DOCKED_WINDOWS, readGmail, type GmailPerson } from '@/lib/hosts/gmail';
import { identityToKey } from '../identity';
import { isAcceptableIdentity } from './identity-keys';
import type { Person, Screen, SiteConfig } from './screen';

export const GMAIL_SITE: SiteConfig = {
  source: 'gmail',
  channels: ['email', 'call', 'meeting', 'other'],
  unreadableNote: "Can't read this Gmail page",
  offersLinking: false,
  // Below Gmail's 64 px header, left of the 56 px add-on strip.
  insets: { top: 72, right: 64 },
  bottomWindows: DOCKED_WINDOWS,
};

/** Watching more than this is pointless; the background refuses a longer list. */
const MAX_PEOPLE = 20;

function toPeople(found: readonly GmailPerson[]): Person[] {
  const people: Person[] = [];
  for (const p of found) {
    const identity = { kind: 'email', value: p.email.toLowerCase() } as const;
    if (!isAcceptableIdentity(identity)) continue;
    people.push({
      identity,
      key: identityToKey(identity),
      ...(p.name?.trim() ? { name: p.name.trim() } : {}),
    });
    if (people.length === MAX_PEOPLE) break;
  }
  return people;
}

/** A thread shows its most recent other sender first; a compose window its first recipient. */
export function readGmailScreen(doc: Document, url: string): Screen {
  const view = readGmail(doc, url);
  if (view.kind === 'none') return { kind: 'none' };
  if (view.kind === 'unreadable') return view;
  const people = toPeople(view.kind === 'thread' ? view.participants : view.recipients);
  return people.length ? { kind: 'people', people } : { kind: 'none' };
}
