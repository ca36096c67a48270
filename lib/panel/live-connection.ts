import type { Browser } from 'wxt/browser';
import type { ContactView } from '@/lib/messaging';
import type { Owner } from './owner';
import type { PanelIdentity } from './screen';

// Must equal LIVE_PORT in lib/messaging.ts; importing the value would bundle valibot.
export const LIVE_PORT_NAME = 'li-live';

const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 5000;

type Port = Pick<Browser.runtime.Port, 'postMessage' | 'disconnect' | 'onMessage' | 'onDisconnect'>;

export interface LiveConnection {
  /** Names the identities on screen; remembered and re-sent after every reconnect. */
  watch(identities: PanelIdentity[]): void;
}

function viewsOf(message: unknown): Record<string, ContactView | null> | null {
  if (typeof message !== 'object' || message === null) return null;
  const { type, views } = message as { type?: unknown; views?: unknown };
  if (type !== 'views' || typeof views !== 'object' || views === null) return null;
  return views as Record<string, ContactView | null>;
}

/**
 * Keeps a port to the background open. An MV3 service worker is stopped when idle or by the
 * browser, which closes the port: reconnecting (with backoff) wakes it and re-sends the watch.
 */
export function connectLive(
  owner: Owner,
  connect: (name: string) => Port,
  onViews: (views: Record<string, ContactView | null>) => void,
): LiveConnection {
  let port: Port | null = null;
  let watched: PanelIdentity[] = [];
  let retryMs = FIRST_RETRY_MS;
  let retryPending = false;

  const send = () => {
    try {
      port?.postMessage({ type: 'watch', identities: watched });
    } catch (e) {
      console.debug('Last Impression: watch not sent', e);
    }
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
      const next = connect(LIVE_PORT_NAME);
      next.onMessage.addListener((message: unknown) => {
        const views = viewsOf(message);
        if (!views) return;
        retryMs = FIRST_RETRY_MS;
        onViews(views);
      });
      next.onDisconnect.addListener(() => {
        if (port === next) port = null;
        scheduleRetry();
      });
      port = next;
      send();
    } catch (e) {
      // The extension was reloaded or updated under this page: nothing left to talk to yet.
      console.debug('Last Impression: live port not open', e);
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
    watch(identities) {
      watched = identities;
      send();
    },
  };
}
