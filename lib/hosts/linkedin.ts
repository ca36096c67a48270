import { normalizeLinkedinPath } from '../identity';

/**
 * Pure LinkedIn reader: a Document and its URL in, what is on screen out. No DOM writes, no
 * listeners, no messaging: the content script watches for changes and calls this again.
 * Facts behind every rule are in ../shared/HOSTS.md; the real saved pages that pin them down
 * are in ../shared/fixtures/.
 */

export interface LinkedinPerson {
  /** `/in/<slug>`: URL-decoded; vanity slugs lower-cased, id-style (`ACoA…`) ones as found. */
  path: string;
  name: string;
  headline?: string;
}

export type LinkedinView =
  | { kind: 'none' }
  | { kind: 'unreadable'; reason: string }
  | { kind: 'profile'; person: LinkedinPerson }
  | { kind: 'messaging'; participants: LinkedinPerson[] };

/*
 * Every selector the reader uses. LinkedIn reworks its markup every year or two and since 2025
 * scrambles most class names per build, so each entry names the era it matches and has a
 * fallback that leans on attributes, URLs or structure instead of classes. All queries are
 * scoped to `main`, the top card or the open thread, never the whole page, except the few
 * global-nav lookups that exist only once.
 */
const SEL = {
  /** Page column holding the top card or the thread (2019–2025). Fallback: `body` (the 2018
   * self-view was saved without `<main>`). */
  main: 'main',
  /** Top-card link to the contact-info overlay: `/overlay/contact-info/` 2019–2025, `/detail/
   * contact-info/` 2018. Its slug confirms the URL's. Fallback: `nameByEra`, then unreadable. */
  contactInfoLink: 'a[href*="/overlay/contact-info"], a[href*="/detail/contact-info"]',
  /** The name is the heading nearest the contact-info link: `h1` in every era, `h2` in some
   * 2026 layouts. Fallback: `document.title`. */
  heading: 'h1, h2',
  /** Name by class, for pages without a contact-info link: 2022–2024 `h1.text-heading-xlarge`,
   * logged-out public profile `.top-card-layout__title`, 2018 `h1.pv-top-card-section__name`,
   * 2016 `h1.fn`. Useless on 2025 scrambled pages, hence only a fallback. */
  nameByEra: 'h1.text-heading-xlarge, .top-card-layout__title, h1.pv-top-card-section__name, h1.fn',
  /** Top card, to bound the search when the name came from `nameByEra`: `section` in every era
   * (logged-out `section.top-card-layout`). Fallback: `main`/`body`. */
  topCard: 'section',
  /** Headline by class, after the name in the top card: 2022–2025 `.text-body-medium`, logged-out
   * `.top-card-layout__headline`, 2018 `.pv-top-card-section__headline`, 2016 `p.headline`.
   * Fallback: the first text block after the name (`nextTextBlock`). */
  headlineByEra:
    '.text-body-medium, .top-card-layout__headline, .pv-top-card-section__headline, p.headline',
  /** Blocks that cannot be the headline in the structural fallback: controls and links (the
   * contact-info line, buttons), or blocks holding them or other headings (sign-in modals). The
   * headline itself may be a heading (2018 `h2`, logged-out `h2`). */
  control: 'a, button, form, input',
  holdsControlOrHeading: 'a, button, form, input, h1, h2, h3, h4',
  /** Edit controls present only on your own profile: 2018 `/edit/topcard/`, 2022–2025
   * `/edit/intro/` and `/edit/forms/intro/`. Fallback: the viewer's slug equals the URL's. */
  ownProfileEdit:
    'a[href*="/edit/topcard/"], a[href*="/edit/intro/"], a[href*="/edit/forms/intro/"]',
  /** "Profile Not Found" page headline (2020–2024). Fallback: the title `Profile Not Found |
   * LinkedIn` (`NOT_FOUND_TITLE`). */
  notFound: '.page-not-found__headline',
  /** The viewer's photo in the global nav; `alt` holds their name: 2019–2025
   * `.global-nav__me-photo`, 2018 `.nav-item__profile-member-photo`. */
  viewerPhoto: '.global-nav__me-photo[alt], .nav-item__profile-member-photo[alt]',
  /** Tag (not a selector) of the hidden elements directly under `body` that hold the embedded
   * Voyager JSON (2019–2025); only `body`'s children are checked, never the whole tree. The
   * global-nav "Me" menu in it links to the viewer's `/in/<slug>/recent-activity/`. Other
   * `publicIdentifier`s there name the profile or the viewer in no fixed order, so they are not
   * used. Fallback: the viewer's id in `data-event-urn`. */
  embeddedJsonTag: 'code',
  /** Every message carries `urn:li:msg_message:(urn:li:fsd_profile:<viewer id>,…)` (2022–2025):
   * the mailbox owner, i.e. the viewer, whoever wrote the message. */
  eventUrn: '[data-event-urn]',
  /** Full-page open thread: `.msg-thread` 2019–2025. Fallback: `main` when it holds the thread
   * title `#thread-detail-jump-target` (2023–2025). */
  thread: '.msg-thread',
  threadTitle: '#thread-detail-jump-target',
  /** Container of the overlay bubbles, outside `main`: `aside#msg-overlay` 2019–2025.
   * Fallback: the whole document. */
  overlay: '#msg-overlay',
  /** Overlay bubble (any page): `.msg-overlay-conversation-bubble` 2019–2025, fallback the
   * 2024–2025 `data-view-name`. */
  bubble:
    '.msg-overlay-conversation-bubble, [data-view-name="message-overlay-conversation-bubble-item"]',
  /** A minimized bubble is not the current contact: class 2019–2025, fallback the 2025 data
   * attribute. */
  minimizedBubble:
    '.msg-overlay-conversation-bubble--is-minimized, [data-msg-overlay-conversation-bubble-is-minimized="true"]',
  /** Title bar of a thread: full page `.msg-title-bar` 2020–2025; bubble header
   * `.msg-overlay-conversation-bubble-header` 2023–2025, `.msg-overlay-bubble-header` 2019–2022.
   * Fallback: the link around `threadTitle`. */
  titleBar: '.msg-title-bar, .msg-overlay-conversation-bubble-header, .msg-overlay-bubble-header',
  /** Participant name in the title bar: `.msg-entity-lockup__entity-title` 2021–2025 (full
   * page), `.msg-overlay-bubble-header__title` (bubble). Fallback: the link's own text. */
  titleName: '.msg-entity-lockup__entity-title, .msg-overlay-bubble-header__title',
  /** Messages from others (2019–2025). Fallback participants when the title bar names nobody,
   * as in group threads. */
  otherMessage: '.msg-s-event-listitem--other',
  /** Author name on the first message of a group (2019–2025). Fallback: the avatar's `alt`. */
  authorName: '.msg-s-message-group__name',
  authorPhoto: 'img[alt]',
  /** Any link to a person: vanity or id-style path. */
  personLink: 'a[href*="/in/"]',
  /** Content other people wrote or LinkedIn recommends, never the page's subject: message
   * bodies (`.msg-s-event__content` / `.msg-s-event-listitem__body` and the bubble around them,
   * 2019–2025), posts (`.feed-shared-update-v2` 2019–2025, fallback any `urn:li:activity`
   * container), comments (`.comments-comment-item` 2019–2023, `.comments-comment-entity`
   * 2024–2025) and "People also viewed" / "People you may know" (`.pv-browsemap-section` 2018,
   * the right rail `.scaffold-layout__aside` 2021–2025, `data-view-name` browsemap 2025). A
   * link, heading or author name inside any of them is skipped. */
  content:
    '.msg-s-event-listitem__message-bubble, .msg-s-event__content, .msg-s-event-listitem__body, .feed-shared-update-v2, [data-urn^="urn:li:activity"], .comments-comment-item, .comments-comment-entity, .pv-browsemap-section, .scaffold-layout__aside, [data-view-name="profile-card-browsemap"]',
} as const;

/**
 * Windows LinkedIn docks at the bottom right, for the panel to stay above: the messaging list
 * bubble (`.msg-overlay-list-bubble`, 2019–2025) and the conversation bubbles, open or minimized.
 */
export const DOCKED_WINDOWS = `.msg-overlay-list-bubble, ${SEL.bubble}`;

const NOT_FOUND_TITLE = /^Profile Not Found \| LinkedIn$/;
/** The nav JSON key right before the viewer's activity link. */
const NAV_ME_MARKER = 'recent_activity_nav_all';
/** `(99+) Rob Cheung | LinkedIn` -> `Rob Cheung`. */
const TITLE_COUNT = /^\(\d+\+?\)\s*/;
const TITLE_SUFFIX = /\s*\|\s*LinkedIn\s*$/;
/** LinkedIn caps headlines at 220 characters; anything longer was not a headline alone. */
const MAX_HEADLINE = 220;
/** How far up from the name the headline's block may branch off (five levels in 2025). */
const MAX_HEADLINE_DEPTH = 6;

const NONE: LinkedinView = { kind: 'none' };

/** What the page shows: a profile, an open messaging thread, or nothing. Never throws. */
export function readLinkedin(doc: Document, url: string): LinkedinView {
  try {
    const location = new URL(url);
    if (!isLinkedinHost(location.hostname)) return NONE;
    const profilePath = profilePathFromUrl(location.pathname);
    // On a profile page the profile wins, even over an open message bubble.
    if (profilePath) return readProfile(doc, profilePath);
    return readMessaging(doc);
  } catch {
    return NONE;
  }
}

/** The signed-in user, as far as the page tells: name from the nav photo, path from the nav
 * JSON (vanity) or from a message URN (id-style). Empty when logged out. Never throws. */
export function readViewer(doc: Document): { name?: string; path?: string } {
  try {
    const { name, vanity, id } = viewerIdentity(doc, doc);
    const path = vanity ?? id;
    return { ...(name ? { name } : {}), ...(path ? { path } : {}) };
  } catch {
    return {};
  }
}

// ---------------------------------------------------------------------------------------------
// Profile

function readProfile(doc: Document, urlPath: string): LinkedinView {
  const scope = mainOf(doc);
  if (NOT_FOUND_TITLE.test(doc.title.trim()) || scope.querySelector(SEL.notFound)) return NONE;
  if (isOwnProfile(doc, scope, urlPath)) return NONE;

  const link = contactInfoLink(scope, urlPath);
  if (link === 'other') {
    // The top card still shows the previous profile while the app loads the new one.
    return { kind: 'unreadable', reason: 'the top card shows a different profile than the URL' };
  }
  const near = link ? nearestHeading(link.element, scope) : undefined;
  const heading = near?.heading ?? outsideContent(scope, SEL.nameByEra)[0];
  const name = (heading && clean(heading.textContent)) || (link ? nameFromTitle(doc) : '');
  if (!name) {
    return {
      kind: 'unreadable',
      reason: 'profile URL, but neither the contact-info link nor a name heading matched',
    };
  }
  const card = near?.card ?? heading?.closest(SEL.topCard) ?? scope;
  const headline = heading ? readHeadline(heading, card) : undefined;
  const path = link?.path ?? urlPath;
  return { kind: 'profile', person: { path, name, ...(headline ? { headline } : {}) } };
}

function isOwnProfile(doc: Document, scope: Element, urlPath: string): boolean {
  // `/in/me/` is LinkedIn's alias for the viewer's own profile.
  if (urlPath === '/in/me' || outsideContent(scope, SEL.ownProfileEdit).length > 0) return true;
  const vanity = viewerVanity(doc);
  return vanity !== undefined && vanity === urlPath;
}

/** The top-card contact-info link for this profile; 'other' when it names someone else. An
 * id-style URL (`/in/ACoA…`) shows a vanity link for the same person: take the vanity path. */
function contactInfoLink(
  scope: Element,
  urlPath: string,
): { element: Element; path: string } | 'other' | undefined {
  let other = false;
  for (const element of outsideContent(scope, SEL.contactInfoLink)) {
    const path = personPathFromHref(element.getAttribute('href'));
    if (!path) continue;
    if (path === urlPath || isIdPath(urlPath)) return { element, path };
    other = true;
  }
  return other ? 'other' : undefined;
}

/** The name heading closest to `link`: walk up until an ancestor holds a heading above the
 * link; prefer its first `h1` (the name in every era up to 2025), else its first `h2` (2026).
 * The ancestor found is the top card, which bounds the headline search. */
function nearestHeading(
  link: Element,
  scope: Element,
): { heading: Element; card: Element } | undefined {
  for (let card = link.parentElement; card; card = card.parentElement) {
    let firstH2: Element | undefined;
    for (const h of outsideContent(card, SEL.heading)) {
      if (!precedes(h, link) || !clean(h.textContent)) continue;
      if (h.tagName === 'H1') return { heading: h, card };
      firstH2 ??= h;
    }
    if (firstH2) return { heading: firstH2, card };
    if (card === scope) return undefined;
  }
  return undefined;
}

function readHeadline(heading: Element, card: Element): string | undefined {
  let block: Element | undefined;
  for (const el of outsideContent(card, SEL.headlineByEra)) {
    if (precedes(heading, el) && clean(el.textContent)) {
      block = el;
      break;
    }
  }
  block ??= nextTextBlock(heading, card);
  const text = block ? clean(block.textContent) : '';
  return text ? text.slice(0, MAX_HEADLINE) : undefined;
}

/** Structural fallback for scrambled classes: the headline is the first block after the name's
 * line. Inline siblings (connection degree, pronouns, verified badge) share that line, so
 * `span`s are skipped, as are blocks holding controls or headings (sign-in modals). */
function nextTextBlock(heading: Element, card: Element): Element | undefined {
  let el: Element | null = heading;
  for (let depth = 0; el && el !== card && depth < MAX_HEADLINE_DEPTH; depth++) {
    for (let sib = el.nextElementSibling; sib; sib = sib.nextElementSibling) {
      if (sib.tagName === 'SPAN' || sib.matches(SEL.control)) continue;
      if (sib.querySelector(SEL.holdsControlOrHeading)) continue;
      if (clean(sib.textContent)) return sib;
    }
    el = el.parentElement;
  }
  return undefined;
}

function nameFromTitle(doc: Document): string {
  return clean(doc.title).replace(TITLE_COUNT, '').replace(TITLE_SUFFIX, '');
}

// ---------------------------------------------------------------------------------------------
// Messaging

function readMessaging(doc: Document): LinkedinView {
  const thread = fullPageThread(doc) ?? openBubble(doc);
  if (!thread) return NONE;
  const participants = threadParticipants(doc, thread);
  return participants.length ? { kind: 'messaging', participants } : NONE;
}

function fullPageThread(doc: Document): Element | undefined {
  const scope = mainOf(doc);
  return (
    scope.querySelector(SEL.thread) ?? (scope.querySelector(SEL.threadTitle) ? scope : undefined)
  );
}

/** The expanded overlay bubble: the focused one when several are open, else the first. */
function openBubble(doc: Document): Element | undefined {
  const overlay = doc.querySelector(SEL.overlay) ?? doc;
  const open = [...overlay.querySelectorAll(SEL.bubble)].filter(
    (b) => !b.matches(SEL.minimizedBubble),
  );
  const active = doc.activeElement;
  return open.find((b) => active && b.contains(active)) ?? open[0];
}

/** The people in the thread other than the viewer: the title bar's profile links, or, when the
 * title bar names nobody (group threads), the authors of others' messages. */
function threadParticipants(doc: Document, thread: Element): LinkedinPerson[] {
  const viewer = viewerIdentity(doc, thread);
  const people = new Map<string, LinkedinPerson>();
  const add = (path: string | undefined, name: string): void => {
    if (!path || !name || people.has(path) || isViewer(viewer, path, name)) return;
    people.set(path, { path, name });
  };

  for (const link of titleLinks(thread)) {
    add(
      personPathFromHref(link.getAttribute('href')),
      clean(link.querySelector(SEL.titleName)?.textContent) ||
        clean(link.closest(SEL.titleName)?.textContent) ||
        clean(link.textContent),
    );
  }
  if (people.size > 0) return [...people.values()];

  for (const item of outsideContent(thread, SEL.otherMessage)) {
    // The author's avatar and name head the item; links in the message text are content.
    const link = outsideContent(item, SEL.personLink)[0];
    if (!link) continue;
    add(
      personPathFromHref(link.getAttribute('href')),
      clean(outsideContent(item, SEL.authorName)[0]?.textContent) ||
        clean(outsideContent(item, SEL.authorPhoto)[0]?.getAttribute('alt')),
    );
  }
  return [...people.values()];
}

function titleLinks(thread: Element): Element[] {
  const bar = outsideContent(thread, SEL.titleBar)[0];
  if (bar) return outsideContent(bar, SEL.personLink);
  const around = thread.querySelector(SEL.threadTitle)?.closest(SEL.personLink);
  return around ? [around] : [];
}

// ---------------------------------------------------------------------------------------------
// Viewer

interface ViewerIdentity {
  name?: string;
  vanity?: string;
  id?: string;
}

/** `urnScope` limits the `data-event-urn` lookup (the open thread when there is one). */
function viewerIdentity(doc: Document, urnScope: ParentNode): ViewerIdentity {
  const name = decodeStrayEntities(clean(doc.querySelector(SEL.viewerPhoto)?.getAttribute('alt')));
  const urn = urnScope.querySelector(SEL.eventUrn)?.getAttribute('data-event-urn') ?? '';
  const idMatch = /urn:li:fsd?_profile:([A-Za-z0-9_-]+)/.exec(urn);
  return {
    name: name || undefined,
    vanity: viewerVanity(doc),
    id: idMatch?.[1] ? normalizeLinkedinPath(`/in/${idMatch[1]}`) : undefined,
  };
}

function viewerVanity(doc: Document): string | undefined {
  for (const child of doc.body.children) {
    if (child.localName !== SEL.embeddedJsonTag) continue;
    const text = child.textContent ?? '';
    const at = text.indexOf(NAV_ME_MARKER);
    if (at < 0) continue;
    const match = /\/in\/([^/"?#\\]+)\/recent-activity/.exec(text.slice(at, at + 400));
    return match?.[1] ? slugToPath(match[1]) : undefined;
  }
  return undefined;
}

/** By path; by name only when the viewer's id-style path is unknown, since namesakes exist. */
function isViewer(viewer: ViewerIdentity, path: string, name: string): boolean {
  if (path === viewer.vanity || path === viewer.id) return true;
  return viewer.id === undefined && viewer.name !== undefined && viewer.name === name;
}

// ---------------------------------------------------------------------------------------------
// Helpers

function isLinkedinHost(hostname: string): boolean {
  // Country subdomains (se., de., …) serve the same profiles.
  return hostname === 'linkedin.com' || hostname.endsWith('.linkedin.com');
}

/** `/in/<slug>` when the URL shows a profile's main page, with or without an overlay open over
 * it (`overlay/…`, 2018 `detail/…`, own-profile `edit/…`). Sub-pages such as
 * `recent-activity/` have no top card and are not read as a profile. */
function profilePathFromUrl(pathname: string): string | undefined {
  const match = /^\/in\/([^/]+)\/?(?:(?:overlay|detail|edit)\/.*)?$/.exec(pathname);
  return match?.[1] ? slugToPath(match[1]) : undefined;
}

/** Profile path from a link (absolute or relative, any LinkedIn subdomain). */
function personPathFromHref(href: string | null): string | undefined {
  if (!href) return undefined;
  let url: URL;
  try {
    url = new URL(href, 'https://www.linkedin.com');
  } catch {
    return undefined;
  }
  if (!isLinkedinHost(url.hostname)) return undefined;
  const match = /^\/in\/([^/]+)/.exec(url.pathname);
  return match?.[1] ? slugToPath(match[1]) : undefined;
}

function slugToPath(rawSlug: string): string | undefined {
  let slug: string;
  try {
    slug = decodeURIComponent(rawSlug);
  } catch {
    slug = rawSlug;
  }
  // A decoded slug must still be one path segment, as the model's LinkedinPathSchema requires.
  if (!/^[^/?#\s]{1,200}$/u.test(slug)) return undefined;
  return normalizeLinkedinPath(`/in/${slug}`);
}

function isIdPath(path: string): boolean {
  return path.startsWith('/in/ACoA');
}

/** Matches of `selector` in `scope` that are not inside content (`SEL.content`) within it. */
function outsideContent(scope: Element, selector: string): Element[] {
  return [...scope.querySelectorAll(selector)].filter((el) => {
    const content = el.closest(SEL.content);
    return content === null || !scope.contains(content);
  });
}

function mainOf(doc: Document): Element {
  return doc.querySelector(SEL.main) ?? doc.body;
}

function precedes(a: Node, b: Node): boolean {
  return (a.compareDocumentPosition(b) & a.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

function clean(text: string | null | undefined): string {
  return text ? text.replace(/\s+/g, ' ').trim() : '';
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };

/** The 2018 nav photo's `alt` was escaped twice (`O&#39;Boyle`); decode what is left. */
function decodeStrayEntities(text: string): string {
  return text
    .replace(/&#(\d{1,7});/g, (ref: string, code: string) =>
      Number(code) <= 0x10ffff ? String.fromCodePoint(Number(code)) : ref,
    )
    .replace(/&(amp|quot|apos|lt|gt);/g, (_, name: string) => ENTITIES[name] ?? '');
}
