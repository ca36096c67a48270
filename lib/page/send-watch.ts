import type { SendReader } from '../hosts/site';
import type { Sent } from '../messages';
import type { Owner } from './owner';

/**
 * A Send press counts only if its window closes this soon after: a refused send (no
 * recipient, an attachment still uploading) leaves the window open, and nothing went.
 */
export const SEND_CLOSE_MS = 20_000;

interface Pending {
  sent: Omit<Sent, 'pageUrl'>;
  pageUrl: string;
  at: number;
}

export interface SendWatchOptions {
  owner: Owner;
  doc: Document;
  reader: SendReader;
  /** Where the page is when Send is pressed; the window may close onto another address. */
  pageUrl: () => string;
  onSent: (sent: Sent) => void;
  now?: () => number;
  /** Whether the browser made the event; unit tests, which cannot make one, stand in. */
  trusted?: (event: Event) => boolean;
}

/**
 * Sees the rep send a message from the page: a trusted press on a window's Send (a click, Enter
 * or Space on the button, or the send shortcut in the window), then that window closing. The
 * press is read at once (recipients and subject vanish with the window); the closing is checked
 * after every page read, which the window's removal triggers. Synthetic events, which any page
 * script can dispatch, are ignored: a page can at most forge the DOM a real press reads, and a
 * send only ever offers a prompt. Answers the check to run after each page read.
 */
export function watchSends(options: SendWatchOptions): () => void {
  const { owner, doc, reader, pageUrl, onSent, now = Date.now } = options;
  const trusted = options.trusted ?? ((event: Event) => event.isTrusted);
  const pending = new Map<Element, Pending>();
  const win = doc.defaultView;

  const press = (target: EventTarget | null, key: 'press' | 'send-shortcut') => {
    if (!(target instanceof Element)) return;
    try {
      const window = reader.windowOf(target, key);
      const sent = window && reader.read(window);
      if (window && sent) pending.set(window, { sent, pageUrl: pageUrl(), at: now() });
    } catch (e) {
      console.debug('Last Impression: send not read', e);
    }
  };

  if (win) {
    owner.addEventListener(
      win,
      'click',
      (event) => {
        if (trusted(event)) press(event.target, 'press');
      },
      { capture: true, passive: true },
    );
    owner.addEventListener(
      win,
      'keydown',
      (event) => {
        if (!trusted(event) || !('key' in event) || (event as KeyboardEvent).repeat) return;
        const { key, ctrlKey, metaKey } = event as KeyboardEvent;
        if (key === 'Enter' && (ctrlKey || metaKey)) {
          press(event.target, 'send-shortcut');
        } else if (key === 'Enter' || key === ' ') {
          press(event.target, 'press');
        }
      },
      { capture: true, passive: true },
    );
  }

  return () => {
    if (pending.size === 0) return;
    const at = now();
    for (const [window, p] of pending) {
      let open: boolean;
      try {
        open = reader.isOpen(window);
      } catch {
        open = true;
      }
      if (!open) {
        pending.delete(window);
        onSent({ ...p.sent, ...(p.pageUrl ? { pageUrl: p.pageUrl } : {}) });
      } else if (at - p.at > SEND_CLOSE_MS) {
        pending.delete(window);
      }
    }
  };
}
