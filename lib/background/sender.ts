import type { Browser } from 'wxt/browser';
import { PANEL_PAGE, PAGE_PORT, PANEL_PORT, type SiteId } from '../messages';

export const CONTENT_HOSTS: ReadonlyMap<string, SiteId> = new Map([
  ['mail.google.com', 'gmail'],
  ['www.linkedin.com', 'linkedin'],
]);

/** Who is at the other end of a port, as far as the browser (not the sender) says. */
export type SenderRole =
  /** This extension's content script in the top frame of a Gmail or LinkedIn tab. */
  | { role: 'page'; tabId: number; site: SiteId }
  /** This extension's panel page, framed inside a tab. */
  | { role: 'panel'; tabId: number };

export function hostSite(url: string | undefined): SiteId | undefined {
  if (!url) return undefined;
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'https:' ? CONTENT_HOSTS.get(hostname) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks a port against the role its name claims. With no `externally_connectable`, web pages
 * cannot open a port at all; this also refuses other extensions, content scripts posing as the
 * panel, extension pages posing as a content script, and content scripts in sub-frames.
 */
export function senderRole(
  portName: string,
  sender: Browser.runtime.MessageSender | undefined,
  extensionId: string,
  extensionOrigin: string,
): SenderRole | null {
  if (!sender || sender.id !== extensionId) return null;
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return null;
  const url = sender.url ?? '';
  if (portName === PAGE_PORT) {
    const site = hostSite(url);
    if (!site || sender.frameId !== 0 || url.startsWith(extensionOrigin)) return null;
    return { role: 'page', tabId, site };
  }
  if (portName === PANEL_PORT) {
    const page = new URL(PANEL_PAGE, extensionOrigin).href;
    if (!(url === page || url.startsWith(`${page}?`) || url.startsWith(`${page}#`))) return null;
    // A framed page, never a tab of its own.
    if (sender.frameId === undefined || sender.frameId <= 0) return null;
    return { role: 'panel', tabId };
  }
  return null;
}
