import type { Channel } from '../model';
import type { Screen, SiteId } from '../messages';

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
