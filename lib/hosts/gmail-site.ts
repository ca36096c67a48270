import { identityToKey } from '../identity';
import { MAX_PEOPLE, type Person, type Screen } from '../messages';
import { isAcceptableIdentity } from './identity-check';
import { readGmail, type GmailPerson } from './gmail';
import { firstShown, type HostDefinition, type PanelPlace } from './site';

/**
 * Where the panel goes in Gmail: in the page's flow, so it pushes Gmail's content down instead of
 * covering it. Each selector names the layout it matches; tests/unit/host-place.test.ts checks
 * them against the built pages in tests/unit/pages/gmail.
 */
const PLACE = {
  // The open thread's subject heading (every layout since 2014: `h2.hP`, with its id attributes).
  heading: 'h2[data-legacy-thread-id], h2[data-thread-perm-id], h2.hP',
  // The subject row (`.ha`, 2018–2025) holds the heading and Gmail's "Print all" / "In new
  // window" buttons: the panel goes below the whole row. Without it, below the heading.
  subjectRow: '.ha',
  // Compose roots, as the reader finds them: floating windows (`div.dw [role=dialog]`, since
  // 2014), the inline reply (`.ip .M9`, 2014–2025), full screen (`body > .aSs > .aSt`).
  floatingCompose: 'div.dw [role=dialog]',
  inlineCompose: '.ip .M9',
  fullScreenCompose: 'body > .aSs > .aSt',
  composeForm: 'form',
  // The compose's bottom bar with Send (`.btC`, 2014–2025): the panel sits just above it, inside
  // the window. Without it, at the end of the compose's form.
  bottomBar: '.btC',
  // Last resort for a page the reader found unreadable: the top of the main column.
  main: '[role=main]',
} as const;

function composeRoots(doc: Document): Element[] {
  const roots = [
    ...doc.querySelectorAll(PLACE.floatingCompose),
    ...doc.querySelectorAll(PLACE.inlineCompose),
    ...doc.querySelectorAll(PLACE.fullScreenCompose),
  ].filter((root) => root.querySelector(PLACE.composeForm) !== null);
  return roots.filter((root) => !roots.some((other) => other !== root && other.contains(root)));
}

/** The compose the reader reads: the focused one, else full screen, else the last opened. */
function activeCompose(doc: Document): Element | undefined {
  const roots = composeRoots(doc).sort((a, b) =>
    a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
  );
  const focus = doc.activeElement;
  return (
    roots.find((root) => focus !== null && root.contains(focus)) ??
    roots.find((root) => root.matches(PLACE.fullScreenCompose)) ??
    roots[roots.length - 1]
  );
}

export function gmailPlace(
  doc: Document,
  kind: 'thread' | 'compose' | 'unreadable',
): PanelPlace | null {
  if (kind === 'compose') {
    const root = activeCompose(doc);
    const bar = root?.querySelector(PLACE.bottomBar);
    if (bar) return { anchor: bar, where: 'before' };
    const form = root?.querySelector(PLACE.composeForm);
    if (form) return { anchor: form, where: 'append' };
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
    const people = toPeople(view.kind === 'thread' ? view.participants : view.recipients);
    const screen: Screen = people.length ? { kind: 'people', people } : { kind: 'none' };
    return { screen, place: people.length ? gmailPlace(doc, view.kind) : null };
  },
};
