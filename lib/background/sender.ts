import type { Browser } from 'wxt/browser';

export const CONTENT_HOSTS = new Set(['mail.google.com', 'www.linkedin.com']);

/**
 * Only this extension's pages and its content scripts on the two host sites may talk to the
 * background; with no `externally_connectable`, web pages cannot reach it at all, and this
 * check also refuses other extensions.
 */
export function isTrustedSender(
  sender: Browser.runtime.MessageSender,
  extensionId: string,
  extensionOrigin: string,
): boolean {
  if (sender.id !== extensionId) return false;
  const url = sender.url ?? '';
  if (url.startsWith(extensionOrigin)) return true;
  if (!sender.tab) return false;
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'https:' && CONTENT_HOSTS.has(hostname);
  } catch {
    return false;
  }
}
