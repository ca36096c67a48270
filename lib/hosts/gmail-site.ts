import { identityToKey } from '../identity';
import { MAX_PAGE_URL, MAX_PEOPLE, type Person, type Screen } from '../messages';
import { isAcceptableIdentity } from './identity-check';
import {
  activeComposeRoot,
  composeOf,
  composeOfSendButton,
  composePanelAnchor,
  readCompose,
  readGmail,
  type GmailPerson,
} from './gmail';
import { firstShown, type HostDefinition, type PanelPlace, type SendReader } from './site';

/**
 * Where the panel goes in Gmail: in the page's flow, so it pushes Gmail's content down instead of
 * covering it. Each selector names the layout it matches. A compose's place comes from the reader
 * (`composePanelAnchor`), which also finds the compose; tests/unit/gmail-compose-panel.test.ts
 * checks it against the built pages in tests/unit/pages/gmail.
 */
const PLACE = {
  // The open thread's subject heading (every layout since 2014: `h2.hP`, with its id attributes).
  heading: 'h2[data-legacy-thread-id], h2[data-thread-perm-id], h2.hP',
  // The subject row (`.ha`, 2018–2025) holds the heading and Gmail's "Print all" / "In new
  // window" buttons: the panel goes below the whole row. Without it, below the heading.
  subjectRow: '.ha',
  // Last resort for a page the reader found unreadable, and the after-send prompt's place when
  // the compose closed over the thread list: the top of the main column.
  main: '[role=main]',
} as const;

export function gmailPlace(
  doc: Document,
  kind: 'thread' | 'compose' | 'unreadable',
): PanelPlace | null {
  if (kind === 'compose') {
    const root = activeComposeRoot(doc);
    const place = root && composePanelAnchor(root);
    if (place) return place;
  }
  if (kind === 'thread') {
    const heading = firstShown(doc.querySelectorAll(PLACE.heading));
    if (heading) return { anchor: heading.closest(PLACE.subjectRow) ?? heading, where: 'after' };
  }
  const main = doc.querySelector(PLACE.main);
  return main ? { anchor: main, where: 'prepend' } : null;
}

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

/**
 * Gmail sends a compose on a click (or Enter / Space) on its Send button, or on Ctrl+Enter
 * (⌘+Enter) anywhere in it; the window then closes, or hides.
 */
const GMAIL_SENDS: SendReader = {
  windowOf(target, key) {
    if (key === 'send-shortcut') return composeOf(target);
    return composeOfSendButton(target);
  },
  read(root) {
    const { recipients, subject } = readCompose(root);
    const people = toPeople(recipients);
    return people.length ? { people, subject } : null;
  },
  isOpen: (root) => root.isConnected && root.getClientRects().length > 0,
};

export const GMAIL_HOST: HostDefinition = {
  site: 'gmail',
  matches: ['https://mail.google.com/*'],
  // `email` / `data-hovercard-id` name people; `value` holds older recipients; `class` and
  // `aria-hidden` show and hide threads and compose windows.
  watchAttributes: ['email', 'data-hovercard-id', 'value', 'class', 'aria-hidden'],
  channels: ['email', 'call', 'meeting', 'other'],
  unreadableNote: "Can't read this Gmail page",
  offersLinking: false,
  // A thread shows its most recent other sender first; a compose window its first recipient.
  read(doc, url) {
    const view = readGmail(doc, url);
    if (view.kind === 'none') return { screen: { kind: 'none' }, place: null };
    if (view.kind === 'unreadable') return { screen: view, place: gmailPlace(doc, 'unreadable') };
    const composing = view.kind === 'compose';
    const people = toPeople(composing ? view.recipients : view.participants);
    if (people.length === 0) return { screen: { kind: 'none' }, place: null };
    const screen: Screen = {
      kind: 'people',
      people,
      ...(composing ? { composing } : {}),
      ...(url.length <= MAX_PAGE_URL ? { pageUrl: url } : {}),
    };
    return { screen, place: gmailPlace(doc, view.kind) };
  },
  promptPlace: (doc) => gmailPlace(doc, 'unreadable'),
  sends: GMAIL_SENDS,
};
