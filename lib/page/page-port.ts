import type { Browser } from 'wxt/browser';
import { MAX_LAYOUT_PX, PAGE_PORT, type Layout, type PageMessage, type Screen } from '../messages';
import type { Owner } from './owner';

const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 5000;

type Port = Pick<Browser.runtime.Port, 'postMessage' | 'disconnect' | 'onMessage' | 'onDisconnect'>;

export interface PagePort {
  /** The token given to the panel's frame; remembered and re-sent after every reconnect. */
  frame(token: string): void;
  /** Who is on screen; remembered and re-sent after every reconnect. */
  screen(screen: Screen): void;
}

/** Checked by hand: valibot stays out of the content scripts. */
export function layoutOf(message: unknown): Layout | null {
  if (typeof message !== 'object' || message === null) return null;
  const { type, layout } = message as { type?: unknown; layout?: unknown };
  if (type !== 'layout' || typeof layout !== 'object' || layout === null) return null;
  const { inline, total } = layout as { inline?: unknown; total?: unknown };
  const px = (n: unknown): n is number =>
    typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= MAX_LAYOUT_PX;
  return px(inline) && px(total) ? { inline, total: Math.max(inline, total) } : null;
}

/**
 * Keeps the content script's port to the background open. An MV3 service worker is stopped
 * when idle, which closes the port: reconnecting (with backoff) wakes it and says again which
 * frame is ours and who is on screen. It hears only the frame's layout, never a contact.
 */
export function connectPage(
  owner: Owner,
  connect: (name: string) => Port,
  onLayout: (layout: Layout) => void,
): PagePort {
  let port: Port | null = null;
  let token: string | null = null;
  let screen: Screen | null = null;
  let retryMs = FIRST_RETRY_MS;
  let retryPending = false;

  const post = (message: PageMessage) => {
    try {
      port?.postMessage(message);
    } catch (e) {
      console.debug('Last Impression: message not sent', e);
    }
  };
  const sendAll = () => {
    if (token !== null) post({ type: 'frame', token });
    if (screen) post({ type: 'screen', screen });
  };

  const scheduleRetry = () => {
    if (retryPending || !owner.isValid) return;
    retryPending = true;
    owner.setTimeout(() => {
      retryPending = false;
      open();
    }, retryMs);
    retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
  };

  const open = () => {
    if (!owner.isValid) return;
    try {
      const next = connect(PAGE_PORT);
      next.onMessage.addListener((message: unknown) => {
        const layout = layoutOf(message);
        if (!layout) return;
        retryMs = FIRST_RETRY_MS;
        onLayout(layout);
      });
      next.onDisconnect.addListener(() => {
        if (port === next) port = null;
        scheduleRetry();
      });
      port = next;
      sendAll();
    } catch (e) {
      // The extension was reloaded or updated under this page: nothing left to talk to yet.
      console.debug('Last Impression: port not open', e);
      port = null;
      scheduleRetry();
    }
  };

  owner.onInvalidated(() => {
    const last = port;
    port = null;
    try {
      last?.disconnect();
    } catch {
      // Already gone with the old extension context.
    }
  });

  open();
  return {
    frame(next) {
      token = next;
      post({ type: 'frame', token: next });
    },
    screen(next) {
      screen = next;
      post({ type: 'screen', screen: next });
    },
  };
}
