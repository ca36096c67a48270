import type { Outcome } from './model';

/**
 * The runtime-messaging protocol between the content scripts, the panel's frame and the
 * background: names, constants and types, defined once. No valibot here, so the content scripts
 * can import it and stay small; `lib/messaging.ts` holds the schemas the background and the
 * frame validate with.
 *
 * Content script ⇄ background on a `PAGE_PORT`: the content script says who is on screen, that
 * the rep sent a message (to whom, about what) and which frame it made (by a token only that
 * frame was given); it hears only the frame's layout. It can read or change no contact.
 * Panel frame ⇄ background on a `PANEL_PORT`: the frame says its token and layout; it hears who
 * is on screen (only when its token is the content script's) and keyboard-shortcut logs.
 * Panel frame ⇄ its content script on a `FRAME_PORT` (`tabs.connect` from the frame, so no page
 * script can open or answer it): the frame offers its token; once the content script has checked
 * it, who is on screen goes straight to the frame, one hop instead of two through the background.
 * The frame reads and writes the database itself, through `lib/db`.
 */

export const PAGE_PORT = 'li-page';
export const PANEL_PORT = 'li-panel';
export const FRAME_PORT = 'li-frame';
/** The panel's extension page, relative to the extension's origin. */
export const PANEL_PAGE = 'panel.html';

/** Watching more people than this is pointless; the background refuses a longer list. */
export const MAX_PEOPLE = 20;
/** Layout is in CSS pixels; nothing sane is taller. */
export const MAX_LAYOUT_PX = 4000;

export type SiteId = 'gmail' | 'linkedin';

/** One identity seen on the page. */
export type PanelIdentity = { kind: 'email'; value: string } | { kind: 'linkedin'; value: string };

export interface Person {
  identity: PanelIdentity;
  /** The identity key the database indexes contacts by (`email:…`, `linkedin:/in/…`). */
  key: string;
  name?: string;
  headline?: string;
  /** LinkedIn: the public `/in/<slug>` when the page names the person by an id path too. */
  publicPath?: string;
}

/** The longest page address passed on; Gmail and LinkedIn addresses are far shorter. */
export const MAX_PAGE_URL = 2000;

/** What a host page shows, reduced to what the panel needs; every site's reader maps into it. */
export type Screen =
  | { kind: 'none' }
  | { kind: 'unreadable'; reason: string }
  | {
      kind: 'people';
      people: Person[];
      /** The people are the recipients of the message being written (a Gmail compose). */
      composing?: boolean;
      /** The page's address: a touch logged here remembers its Gmail account and thread. */
      pageUrl?: string;
    };

/**
 * A message the rep sent from the page (its Send button pressed, then its window closed): to
 * whom and about what, for the after-send prompt. Read from the page, so possibly forged: it can
 * only offer a prompt, never store anything.
 */
export interface Sent {
  people: Person[];
  subject: string;
  pageUrl?: string;
}

/** The frame's wanted size: the part shown unasked, and the whole while the drawer is open. */
export interface Layout {
  /** Height of the part that sits in the page's flow. */
  inline: number;
  /** Height of the frame; more than `inline` while the details drawer overlays the page. */
  total: number;
  /** The frame holds an after-send prompt: it needs a slot even where nobody is on screen. */
  prompt?: boolean;
}

/**
 * Content script → background. `frame` carries the pairing token the content script handed to
 * the frame it made (posted into that frame only, at the extension's origin): a copy of the
 * panel page a page script embeds never learns it.
 */
export type PageMessage =
  | { type: 'frame'; token: string }
  | { type: 'screen'; screen: Screen }
  | { type: 'sent'; sent: Sent };

/** Panel frame → background. */
export type PanelMessage = { type: 'pair'; token: string } | { type: 'layout'; layout: Layout };

/**
 * Panel frame → its parent window, as soon as its script runs: asks for the token (below) before
 * the frame's load event, which waits for every resource. Carries nothing; the content script
 * answers only a message whose source is its own frame's window at the extension's origin.
 */
export const HELLO_MESSAGE = 'li-hello';
export interface HelloMessage {
  type: typeof HELLO_MESSAGE;
}

/** Content script → its own frame, through `postMessage` at the extension's origin. */
export const PAIR_MESSAGE = 'li-pair';
export interface PairMessage {
  type: typeof PAIR_MESSAGE;
  token: string;
}

/** Panel frame → its content script, on a `FRAME_PORT`: the token it was given. */
export interface FrameMessage {
  type: 'pair';
  token: string;
}

/** Content script → its own frame, on a `FRAME_PORT` once the frame's token checked out. */
export interface ToFrameMessage {
  type: 'screen';
  site: SiteId;
  screen: Screen;
}

/** Background → panel frame. */
export type ToPanelMessage =
  | { type: 'screen'; site: SiteId; screen: Screen }
  | { type: 'sent'; site: SiteId; sent: Sent }
  | { type: 'log'; outcome: Outcome };

/** Background → content script. */
export type ToPageMessage = { type: 'layout'; layout: Layout };

/** Which port may carry which message type; the background refuses the rest. */
export const MAY_SEND = {
  [PAGE_PORT]: ['frame', 'screen', 'sent'],
  [PANEL_PORT]: ['pair', 'layout'],
} as const satisfies Record<string, readonly (PageMessage | PanelMessage)['type'][]>;
