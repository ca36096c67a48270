import type { Channel } from '../model';
import type { Screen, Sent, SiteId } from '../messages';

/** Where the panel's slot goes in the host page's flow, relative to `anchor`. */
export interface PanelPlace {
  anchor: Element;
  where: 'before' | 'after' | 'prepend' | 'append';
}

/** One read of a host page: who is on screen, and where the panel belongs. */
export interface HostReading {
  screen: Screen;
  /** Null when nothing should show, or the page offers no place the panel fits. */
  place: PanelPlace | null;
}

/** How a site sends a message the rep wrote, for the after-send prompt. */
export interface SendReader {
  /**
   * The message window a trusted press sends: `target` is what was clicked (or had the focus on
   * Enter / Space), or, for `send-shortcut` (Ctrl+Enter, ⌘+Enter), where the keys were pressed.
   */
  windowOf(target: Element, key: 'press' | 'send-shortcut'): Element | null;
  /** To whom and about what, read when Send is pressed; null when it names nobody. */
  read(window: Element): Omit<Sent, 'pageUrl'> | null;
  /** False once the window has closed (removed or hidden): the message went. */
  isOpen(window: Element): boolean;
}

/**
 * Everything the extension knows about one host site. Adding a site (Outlook on the web, say)
 * means one file like `gmail-site.ts`, an entry in `registry.ts` and one content script.
 */
export interface HostDefinition {
  site: SiteId;
  /** Content-script match patterns; the manifest's host permissions say the same. */
  matches: string[];
  /** Pure: Document + URL → what is on screen and where the panel goes. */
  read(doc: Document, url: string): HostReading;
  /** Attributes whose change can change the reading (besides child-list changes). */
  watchAttributes: string[];
  /** The channels offered, the default first. */
  channels: readonly Channel[];
  unreadableNote: string;
  /** Offer "Link to an existing contact" and "Add contact" for someone not stored yet. */
  offersLinking: boolean;
  /** Sites where the rep sends messages from the page: how a send is seen. */
  sends?: SendReader;
  /** Where an after-send prompt goes when the page shows nobody (the message window closed). */
  promptPlace?(doc: Document): PanelPlace | null;
}

/** The first candidate the user can see; in a document without layout (tests), the first. */
export function firstShown(candidates: Iterable<Element>): Element | undefined {
  let first: Element | undefined;
  for (const el of candidates) {
    first ??= el;
    if (el.getClientRects().length > 0) return el;
  }
  return first;
}
