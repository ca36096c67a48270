import { identityToKey, normalizeLinkedinPath } from '../identity';
import { MAX_PEOPLE, type Person, type Screen } from '../messages';
import { isAcceptableIdentity } from './identity-check';
import { readLinkedin, type LinkedinPerson } from './linkedin';
import { firstShown, type HostDefinition, type PanelPlace } from './site';

/**
 * Where the panel goes on LinkedIn, in the page's flow. Each selector names the era it matches;
 * tests/unit/host-place.test.ts checks them against the saved pages in ../shared/fixtures.
 */
const PLACE = {
  // Page column (2019–2025; the 2018 self-view was saved without it: `body`).
  main: 'main',
  // The top card holds the contact-info link in every layout 2018–2025; the card is its
  // `section` (logged-out `section.top-card-layout`). The panel goes below the card.
  contactInfoLink: 'a[href*="/overlay/contact-info"], a[href*="/detail/contact-info"]',
  topCard: 'section',
  heading: 'h1',
  // Open thread, full page (`.msg-thread`, 2019–2025) or an open overlay bubble; the message box
  // is `form.msg-form` (2019–2025). The panel goes right above it.
  thread: '.msg-thread',
  bubble:
    '.msg-overlay-conversation-bubble:not(.msg-overlay-conversation-bubble--is-minimized), [data-view-name="message-overlay-conversation-bubble-item"]:not([data-msg-overlay-conversation-bubble-is-minimized="true"])',
  messageBox: 'form.msg-form, .msg-form',
  // A person's link in the thread, for the public slug of someone the title names by id.
  personLink: 'a[href*="/in/"]',
} as const;

function mainOf(doc: Document): Element {
  return doc.querySelector(PLACE.main) ?? doc.body;
}

export function linkedinPlace(
  doc: Document,
  kind: 'profile' | 'messaging' | 'unreadable',
): PanelPlace | null {
  const main = mainOf(doc);
  if (kind === 'profile') {
    const card =
      main.querySelector(PLACE.contactInfoLink)?.closest(PLACE.topCard) ??
      main.querySelector(PLACE.heading)?.closest(PLACE.topCard);
    if (card) return { anchor: card, where: 'after' };
  }
  if (kind === 'messaging') {
    const thread = firstShown([
      ...main.querySelectorAll(PLACE.thread),
      ...doc.querySelectorAll(PLACE.bubble),
    ]);
    const box = thread?.querySelector(PLACE.messageBox);
    if (box) return { anchor: box, where: 'before' };
    if (thread) return { anchor: thread, where: 'append' };
  }
  return main ? { anchor: main, where: 'prepend' } : null;
}

/**
 * The messaging title names people by id path (`/in/ACoAA…`). Where the thread also links the
 * same name to a vanity path (the profile card, a mention), that public path is the one to show.
 */
function publicPathFor(doc: Document, person: LinkedinPerson): string | undefined {
  if (!person.path.startsWith('/in/ACoA')) return undefined;
  const scope = mainOf(doc);
  for (const link of scope.querySelectorAll(PLACE.personLink)) {
    const match = /\/in\/([^/?#]+)/.exec(link.getAttribute('href') ?? '');
    const slug = match?.[1];
    if (!slug || slug.startsWith('ACoA')) continue;
    if ((link.textContent ?? '').replace(/\s+/g, ' ').trim() !== person.name) continue;
    try {
      return normalizeLinkedinPath(`/in/${decodeURIComponent(slug)}`);
    } catch {
      continue;
    }
  }
  return undefined;
}

function toPeople(doc: Document, found: readonly LinkedinPerson[]): Person[] {
  const people: Person[] = [];
  for (const p of found) {
    const identity = { kind: 'linkedin', value: p.path } as const;
    if (!isAcceptableIdentity(identity)) continue;
    const publicPath = publicPathFor(doc, p);
    people.push({
      identity,
      key: identityToKey(identity),
      ...(p.name.trim() ? { name: p.name.trim() } : {}),
      ...(p.headline?.trim() ? { headline: p.headline.trim() } : {}),
      ...(publicPath && isAcceptableIdentity({ kind: 'linkedin', value: publicPath })
        ? { publicPath }
        : {}),
    });
    if (people.length === MAX_PEOPLE) break;
  }
  return people;
}

export const LINKEDIN_HOST: HostDefinition = {
  site: 'linkedin',
  matches: ['https://www.linkedin.com/*'],
  // `href` names people; `class` and `aria-hidden` open, minimize and hide bubbles.
  watchAttributes: [
    'href',
    'class',
    'aria-hidden',
    'data-msg-overlay-conversation-bubble-is-minimized',
  ],
  channels: ['linkedin', 'email', 'call', 'meeting', 'other'],
  unreadableNote: "Can't read this LinkedIn page",
  offersLinking: true,
  // A profile shows its person; a messaging thread its other participants.
  read(doc, url) {
    const view = readLinkedin(doc, url);
    if (view.kind === 'none') return { screen: { kind: 'none' }, place: null };
    if (view.kind === 'unreadable')
      return { screen: view, place: linkedinPlace(doc, 'unreadable') };
    const people = toPeople(doc, view.kind === 'profile' ? [view.person] : view.participants);
    const screen: Screen = people.length ? { kind: 'people', people } : { kind: 'none' };
    return { screen, place: people.length ? linkedinPlace(doc, view.kind) : null };
  },
};
