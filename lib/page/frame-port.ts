import type { Browser } from 'wxt/browser';
import { FRAME_PORT, type Screen, type SiteId, type ToFrameMessage } from '../messages';
import type { Owner } from './owner';

type Port = Pick<
  Browser.runtime.Port,
  'name' | 'sender' | 'postMessage' | 'disconnect' | 'onMessage' | 'onDisconnect'
>;

export interface FrameLink {
  /** Who is on screen: sent to the frame once paired, and again on every change. */
  screen(screen: Screen): void;
}

export interface FrameLinkOptions {
  owner: Owner;
  site: SiteId;
  /** The token posted into the one frame this script made. */
  token: string;
  /** This extension's id: only its own pages can `tabs.connect` here, checked all the same. */
  extensionId: string;
  /** Subscribes to `runtime.onConnect`; answers the unsubscribe. */
  onConnect: (listener: (port: Port) => void) => () => void;
}

/** The frame's first message, checked by hand: valibot stays out of the content scripts. */
function offeredToken(message: unknown): string | null {
  if (typeof message !== 'object' || message === null) return null;
  const { type, token } = message as { type?: unknown; token?: unknown };
  return type === 'pair' && typeof token === 'string' ? token : null;
}

/**
 * Answers the panel frame's own port: who is on screen goes to it directly, not through the
 * background, once it has shown the token this script gave the frame it made. A copy of the
 * panel page that a page script embeds never has the token: its port is closed unheard. The
 * frame sends nothing else here; the background still pairs it for layout, sends and shortcuts.
 */
export function linkFrame({
  owner,
  site,
  token,
  extensionId,
  onConnect,
}: FrameLinkOptions): FrameLink {
  let paired: Port | null = null;
  let current: Screen | null = null;

  const post = (port: Port | null) => {
    if (!port || !current) return;
    const message: ToFrameMessage = { type: 'screen', site, screen: current };
    try {
      port.postMessage(message);
    } catch (e) {
      console.debug('Last Impression: frame not told', e);
    }
  };
  const close = (port: Port) => {
    try {
      port.disconnect();
    } catch {
      // Already gone.
    }
  };

  const stop = onConnect((port) => {
    if (port.name !== FRAME_PORT) return;
    if (port.sender?.id !== extensionId || !owner.isValid) return close(port);
    let checked = false;
    port.onMessage.addListener((message: unknown) => {
      // One offer per port: a wrong token is not tried again on the same port.
      if (checked) return;
      checked = true;
      if (offeredToken(message) !== token) return close(port);
      if (paired && paired !== port) close(paired);
      paired = port;
      post(port);
    });
    port.onDisconnect.addListener(() => {
      if (paired === port) paired = null;
    });
  });

  owner.onInvalidated(() => {
    stop();
    if (paired) close(paired);
    paired = null;
  });

  return {
    screen(next) {
      current = next;
      post(paired);
    },
  };
}
