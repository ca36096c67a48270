/**
 * Pure Gmail reader: Document + URL -> who is on screen.
 *
 * Runs on every relevant DOM change of a multi-megabyte Gmail page, so every lookup is a
 * scoped querySelector: no whole-document `[email]` scans, no text or layout reads.
 * Identity always comes from the `email` / `data-hovercard-id` attributes, never from
 * text, because text is localised and truncated ("me", "Ben, Carol +2").
 */

export interface GmailPerson {
  /** Lower-cased address. */
  email: string;
  name?: string;
}

export type GmailView =
  /** No thread or compose open (thread list only, settings...). */
  | { kind: 'none' }
  /**
   * A thread is open (the URL names one, or its container matched) but the thread or its
   * messages did not match: Gmail changed its markup. Worth a "can't read this page" note.
   */
  | { kind: 'unreadable'; reason: string }
  /**
   * `threadId` is the heading's `data-legacy-thread-id` (present whether the thread shows
   * full page or in the reading pane), else the id from the URL.
   * Participants: most recent other sender first, then other senders by recency, then
   * recipients by recency; the user is excluded; no address appears twice.
   */
  | { kind: 'thread'; threadId?: string; participants: GmailPerson[] }
  /** The open compose/reply with recipients: to, then cc, then bcc; user excluded; deduped. */
  | { kind: 'compose'; recipients: GmailPerson[] };

// ---------------------------------------------------------------------------------------
// Every Gmail selector, with the layout and era it matches. Gmail rewrites its markup every
// year or two (breakages: Nov 2018, Oct 2021, Oct 2022, Nov 2023, Sep 2025): when one stops
// matching, add the new selector beside the old one; accounts migrate gradually.
// ---------------------------------------------------------------------------------------
const SELECTOR = {
  // Thread subject heading: its id attributes first, the class `hP` as a fallback, since
  // attributes change less often than class names.
  threadHeading: 'h2[data-legacy-thread-id], h2[data-thread-perm-id], h2.hP',
  // Full-page thread, since November 2023.
  fullPageThread: '[role=main] .g.id .a98.iY',
  // Reading pane (split view); in 2025 Workspace pages only this path matches.
  readingPaneThread: '.ao9 .a98.iY',
  // Full-page thread before November 2023 (removed in a gradual rollout): `table.Bs > tr`.
  // Found table first, then its rows: a rightmost `tr` would test every list row. Gmail
  // builds the table with DOM calls, so the row is the table's child; a saved page parsed
  // from HTML gains a <tbody>, hence the second form.
  legacyThreadTable: '[role=main] .g.id table.Bs',
  legacyThreadRow: ':scope > tr, :scope > tbody > tr',
  // One message, expanded (under `.h7`) or collapsed; `div.adn.ads` is the older markup
  // without `data-message-id`.
  message: '.adn[data-message-id], div.adn.ads',
  // Sender of a message; collapsed messages keep it too. Attribute `name` is the display name.
  sender: 'td.gF span.gD[email]',
  // Recipients of an expanded message.
  recipient: '.hb span.g2[email]',
  // A message's body (`.a3s`, inside `.ii.gt`; every layout since 2014) is its sender's own
  // HTML and may carry any class or attribute: look-alike messages, senders or recipient
  // lines inside it are content, never the header (`.gE` / `.gH`, the `.hb` line) we read.
  messageBody: '.a3s, .ii.gt',
  // Full-screen compose.
  fullScreenCompose: 'body > .aSs > .aSt',
  // Floating compose windows live under `div.dw`; each is a `[role=dialog]` holding a form.
  // Split in two so the attribute-only part is matched inside `div.dw`, not the whole page.
  floatingComposeLayer: 'div.dw',
  floatingCompose: '[role=dialog]',
  // Inline reply inside a thread: the message's `.ip` holds the compose root `.M9`.
  inlineCompose: '.ip .M9',
  // What makes a candidate a compose: not every dialog is one (chat windows, pop-ups), and
  // a compose always holds its form.
  composeForm: 'form',
  // Account button of the Google bar; the href is language-independent, the label prefix is not.
  accountButton:
    'a[href^="https://accounts.google.com/SignOutOptions"][aria-label], a[aria-label^="Google Account:"]',
  // Last resort for the user: Gmail names the user's own address "me" in list rows and
  // recipient lines (English UI only). Saved pages often keep no title and no account bar.
  selfAsMe: 'span[email][name="me"]',
} as const;

/**
 * Windows Gmail docks at the bottom right, for the panel to stay above: the floating compose
 * and reply windows, `[role=dialog]` under `div.dw` (every layout since 2014).
 */
export const DOCKED_WINDOWS = `${SELECTOR.floatingComposeLayer} [role=dialog]`;

const RECIPIENT_FIELDS = ['to', 'cc', 'bcc'] as const;
type RecipientField = (typeof RECIPIENT_FIELDS)[number];

/** Recipient chips, since October 2021: address in `data-hovercard-id`, name in `data-name`. */
function chipSelector(field: RecipientField): string {
  return `[name=${field}] [role=option][data-hovercard-id]`;
}

/** Recipients before October 2021: hidden inputs whose value is `Name <email>`, maybe several. */
function hiddenInputSelector(field: RecipientField): string {
  return `input[type=hidden][name=${field}]`;
}

// Folders whose second hash segment is a thread id (`#inbox/FMfcg...`), and folders that
// carry a query or name first so the id is third (`#search/q/FMfcg...`). A whitelist, so a
// settings tab (`#settings/forwardingandpop`) is never mistaken for a thread.
const FOLDERS_ID_SECOND = new Set([
  'inbox',
  'starred',
  'snoozed',
  'imp',
  'sent',
  'scheduled',
  'drafts',
  'all',
  'spam',
  'trash',
  'chats',
]);
const FOLDERS_ID_THIRD = new Set(['search', 'label', 'category', 'advanced-search']);
// `#inbox/p2` is page two of the list, not a thread.
const LIST_PAGE = /^p\d+$/;
const THREAD_ID = /^[A-Za-z0-9_-]+$/;

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+$/;

export function readSignedInUser(doc: Document): string | undefined {
  return userFromTitle(doc.title) ?? userFromAccountButton(doc) ?? userFromMe(doc);
}

export function readGmail(doc: Document, url: string): GmailView {
  try {
    const user = readSignedInUser(doc);
    const compose = readActiveCompose(doc, user);
    if (compose.length > 0) return { kind: 'compose', recipients: compose };

    const urlThreadId = threadIdFromUrl(url);
    const thread = findThread(doc, urlThreadId !== undefined);
    if (thread) return readThread(thread.root, thread.heading, urlThreadId, user);
    if (urlThreadId !== undefined) {
      return { kind: 'unreadable', reason: 'The URL names a thread but no thread view matched.' };
    }
    return { kind: 'none' };
  } catch {
    // A reader bug must never surface in the host page; the panel shows nothing instead.
    return { kind: 'none' };
  }
}

// --- Signed-in user --------------------------------------------------------------------

/** "Inbox (14) - ben@x.com - Gmail"; the subject may itself hold " - " or an address, so
 * take the last segment that is wholly an address. */
function userFromTitle(title: string): string | undefined {
  const segments = title.split(' - ');
  for (let i = segments.length - 1; i >= 0; i--) {
    const candidate = normalizeEmail(segments[i] ?? '');
    if (candidate) return candidate;
  }
  return undefined;
}

/** "Google Account: Ben Carter\n(ben@x.com)": the address is the last parenthesised part. */
function userFromAccountButton(doc: Document): string | undefined {
  const label = doc.querySelector(SELECTOR.accountButton)?.getAttribute('aria-label');
  const match = label ? /\(([^()]+)\)\s*$/.exec(label) : null;
  return match?.[1] ? normalizeEmail(match[1]) : undefined;
}

function userFromMe(doc: Document): string | undefined {
  return normalizeEmail(doc.querySelector(SELECTOR.selfAsMe)?.getAttribute('email') ?? '');
}

// --- URL -------------------------------------------------------------------------------

/** The thread id the URL hash names, or undefined for a list, settings or compose route. */
function threadIdFromUrl(url: string): string | undefined {
  const hashAt = url.indexOf('#');
  if (hashAt < 0) return undefined;
  // `#inbox/FMfcg...?compose=new`: the query part opens a compose, it is not a path segment.
  const path = url.slice(hashAt + 1).split('?')[0] ?? '';
  const segments = path.split('/');
  const folder = segments[0] ?? '';
  const idIndex = FOLDERS_ID_SECOND.has(folder) ? 1 : FOLDERS_ID_THIRD.has(folder) ? 2 : -1;
  if (idIndex < 0 || segments.length !== idIndex + 1) return undefined;
  const id = segments[idIndex] ?? '';
  return THREAD_ID.test(id) && !LIST_PAGE.test(id) ? id : undefined;
}

// --- Thread ----------------------------------------------------------------------------

interface ThreadMatch {
  root: Element;
  heading: Element;
}

/** The thread container that holds a subject heading. */
function findThread(doc: Document, urlNamesThread: boolean): ThreadMatch | undefined {
  for (const root of threadContainers(doc, urlNamesThread)) {
    const heading = root.querySelector(SELECTOR.threadHeading);
    if (heading) return { root, heading };
  }
  return undefined;
}

/**
 * Candidate containers, newest layout first, lazily so later layouts cost nothing once one
 * matches. Full-page layouts count only when the URL names a thread; the reading pane shows
 * a thread while the URL stays on the list.
 */
function* threadContainers(doc: Document, urlNamesThread: boolean): Generator<Element> {
  if (urlNamesThread) yield* doc.querySelectorAll(SELECTOR.fullPageThread);
  yield* doc.querySelectorAll(SELECTOR.readingPaneThread);
  if (!urlNamesThread) return;
  for (const table of doc.querySelectorAll(SELECTOR.legacyThreadTable)) {
    yield* table.querySelectorAll(SELECTOR.legacyThreadRow);
  }
}

function readThread(
  root: Element,
  heading: Element,
  urlThreadId: string | undefined,
  user: string | undefined,
): GmailView {
  const messages = [...root.querySelectorAll(SELECTOR.message)].filter(
    (message) => !inBody(message, root),
  );
  if (messages.length === 0) {
    return { kind: 'unreadable', reason: 'A thread is open but no message matched.' };
  }
  const people = new People(user);
  const recipients: Element[] = [];
  // Messages are in chronological order: walk back so the latest sender comes first.
  for (const message of messages.reverse()) {
    const sender = headerMatches(message, SELECTOR.sender)[0];
    if (sender) people.add(sender.getAttribute('email'), sender.getAttribute('name'));
    recipients.push(...headerMatches(message, SELECTOR.recipient));
  }
  for (const recipient of recipients) {
    people.add(recipient.getAttribute('email'), recipient.getAttribute('name'));
  }
  const threadId = heading.getAttribute('data-legacy-thread-id') || urlThreadId;
  return threadId
    ? { kind: 'thread', threadId, participants: people.list }
    : { kind: 'thread', participants: people.list };
}

/** Whether `el` sits inside a message body within `scope` (the thread or the message). */
function inBody(el: Element, scope: Element): boolean {
  const body = el.closest(SELECTOR.messageBody);
  return body !== null && scope.contains(body);
}

/** Matches of `selector` in the message's header area, none from inside its body. */
function headerMatches(message: Element, selector: string): Element[] {
  return [...message.querySelectorAll(selector)].filter((el) => !inBody(el, message));
}

// --- Compose ---------------------------------------------------------------------------

/**
 * Recipients of the compose the user is working in, or [] when none is open or it has no
 * recipients yet (the caller then falls back to the thread). The focused compose wins;
 * else a full-screen one, which covers the rest; else the last in document order, the
 * most recently opened as far as the markup can tell.
 */
function readActiveCompose(doc: Document, user: string | undefined): GmailPerson[] {
  const roots = composeRoots(doc);
  const focus = doc.activeElement;
  const active =
    roots.find((root) => focus !== null && root.contains(focus)) ??
    roots.find((root) => root.matches(SELECTOR.fullScreenCompose)) ??
    roots[roots.length - 1];
  return active ? composeRecipients(active, user) : [];
}

function composeRoots(doc: Document): Element[] {
  const candidates: Element[] = [];
  for (const layer of doc.querySelectorAll(SELECTOR.floatingComposeLayer)) {
    candidates.push(...layer.querySelectorAll(SELECTOR.floatingCompose));
  }
  candidates.push(...doc.querySelectorAll(SELECTOR.inlineCompose));
  candidates.push(...doc.querySelectorAll(SELECTOR.fullScreenCompose));
  // A compose inside a message body is a sender's look-alike, not a window the user opened.
  const roots = candidates.filter(
    (root) =>
      root.querySelector(SELECTOR.composeForm) !== null && !root.closest(SELECTOR.messageBody),
  );
  // Layouts can nest (a dialog inside a full-screen wrapper): keep the outermost, so one
  // window counts once.
  const distinct = roots.filter(
    (root) => !roots.some((other) => other !== root && other.contains(root)),
  );
  return distinct.sort((a, b) =>
    a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
  );
}

function composeRecipients(root: Element, user: string | undefined): GmailPerson[] {
  const people = new People(user);
  for (const field of RECIPIENT_FIELDS) {
    for (const chip of root.querySelectorAll(chipSelector(field))) {
      people.add(chip.getAttribute('data-hovercard-id'), chip.getAttribute('data-name'));
    }
    // For a hidden input the `value` attribute is the value, so no property read is needed.
    for (const input of root.querySelectorAll(hiddenInputSelector(field))) {
      for (const { email, name } of parseAddressList(input.getAttribute('value') ?? '')) {
        people.add(email, name);
      }
    }
  }
  return people.list;
}

/** `"Smith, Anna" <anna@x.com>, Bob <bob@y.com>, carol@z.com`: commas inside quotes or
 * angle brackets do not separate addresses. */
function parseAddressList(value: string): { email: string; name: string | undefined }[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let bracketed = false;
  for (const ch of value) {
    if (ch === '"') quoted = !quoted;
    else if (ch === '<') bracketed = true;
    else if (ch === '>') bracketed = false;
    if (ch === ',' && !quoted && !bracketed) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);

  return parts.map((part) => {
    const angle = /^(.*)<([^<>]*)>\s*$/.exec(part);
    if (!angle) return { email: part, name: undefined };
    return { email: angle[2] ?? '', name: angle[1]?.trim().replace(/^"(.*)"$/, '$1') };
  });
}

// --- People ----------------------------------------------------------------------------

/** Ordered, de-duplicated people, the user left out. */
class People {
  readonly list: GmailPerson[] = [];
  private readonly byEmail = new Map<string, GmailPerson>();

  constructor(private readonly user: string | undefined) {}

  add(rawEmail: string | null, rawName: string | null | undefined): void {
    const email = normalizeEmail(rawEmail ?? '');
    if (!email || email === this.user) return;
    // Gmail repeats the address as the name when it knows none; that is no name.
    const name = rawName?.trim();
    const usefulName = name && name.toLowerCase() !== email ? name : undefined;
    const known = this.byEmail.get(email);
    if (known) {
      // An earlier mention (a collapsed message, a bare address) may have lacked the name.
      if (!known.name && usefulName) known.name = usefulName;
      return;
    }
    const person: GmailPerson = usefulName ? { email, name: usefulName } : { email };
    this.byEmail.set(email, person);
    this.list.push(person);
  }
}

function normalizeEmail(raw: string): string | undefined {
  const email = raw.trim().toLowerCase();
  return EMAIL.test(email) ? email : undefined;
}

// --- After send: the compose's Send button and subject ---------------------------------

/**
 * Selectors for the after-send prompt, each with the layout it matches. Labels are localised
 * ("Send", "Senden"), so none is read; the button is found by place, then by class.
 */
export const SEND_SELECTORS = {
  // The compose's bottom toolbar row `.btC`, first cell `td.gU.Up`: the Send button, beside
  // the "More send options" arrow (`aria-haspopup`), in every layout from 2014 to 2025.
  toolbarSend: '.btC td.gU.Up [role=button]:not([aria-haspopup])',
  // Class fallback, same era: `T-I` is Gmail's button, `aoO` the Send one.
  classSend: 'div.T-I.aoO[role=button]',
  // Subject of a new message or a popped-out reply: `input[name=subjectbox]` (since 2012).
  subjectBox: 'input[name=subjectbox]',
  // An inline reply has no visible subject field; its form keeps `input[name=subject]`.
  replySubject: 'input[name=subject]',
} as const;

/** The Send button of one compose root (as found by the reader), or null when none matched. */
export function composeSendButton(root: Element): Element | null {
  return (
    root.querySelector(SEND_SELECTORS.toolbarSend) ?? root.querySelector(SEND_SELECTORS.classSend)
  );
}

/**
 * The subject of one compose root, for the note of the touch the after-send prompt offers: the
 * subject field, else a reply's hidden subject, else the open thread's heading; '' when none.
 */
export function composeSubject(root: Element): string {
  const field =
    root.querySelector<HTMLInputElement>(SEND_SELECTORS.subjectBox) ??
    root.querySelector<HTMLInputElement>(SEND_SELECTORS.replySubject);
  const value = (field?.value ?? field?.getAttribute('value') ?? '').trim();
  if (value) return value;
  const heading = root.ownerDocument.querySelector(SELECTOR.threadHeading);
  return heading?.textContent?.trim() ?? '';
}

/** The compose roots on screen (floating, inline reply, full screen), for a send watcher. */
export function composeWindows(doc: Document): Element[] {
  return composeRoots(doc);
}
