import * as v from 'valibot';
import type { Browser } from 'wxt/browser';
import {
  FRAME_PORT,
  ToPanelMessageSchema,
  type FrameMessage,
  type ToFrameMessage,
} from '../messaging';

type Port = Pick<Browser.runtime.Port, 'postMessage' | 'disconnect' | 'onMessage' | 'onDisconnect'>;

/** The content scripts run in the tab's top frame only (the manifest's default). */
const CONTENT_SCRIPT_FRAME = 0;

export interface PageLink {
  /** A token posted into this frame: offered to the tab's content script on a port of its own. */
  offer(token: string): void;
  /** True while the content script that made this frame tells it who is on screen first hand. */
  readonly linked: boolean;
}

/**
 * The frame's own port to the content script of its tab (`tabs.connect`: no page script can
 * open or answer it). The frame offers each token it was posted; the content script closes the
 * port unless the token is the one it gave this frame, and otherwise sends who is on screen on
 * it, one hop instead of two through the background. Checked again here, like every message
 * read from a page.
 */
export function linkToPage(
  signal: AbortSignal,
  tabId: Promise<number | undefined>,
  connect: (tabId: number, name: string, frameId: number) => Port,
  onScreen: (message: ToFrameMessage) => void,
): PageLink {
  let linked: Port | null = null;
  const open: Port[] = [];

  const offer = (tab: number, token: string) => {
    if (signal.aborted) return;
    let port: Port;
    try {
      port = connect(tab, FRAME_PORT, CONTENT_SCRIPT_FRAME);
    } catch (e) {
      console.debug('Last Impression: no port to the page', e);
      return;
    }
    open.push(port);
    port.onMessage.addListener((raw: unknown) => {
      const parsed = v.safeParse(ToPanelMessageSchema, raw);
      if (!parsed.success || parsed.output.type !== 'screen') return;
      linked = port;
      onScreen(parsed.output);
    });
    port.onDisconnect.addListener(() => {
      if (linked === port) linked = null;
      const at = open.indexOf(port);
      if (at >= 0) open.splice(at, 1);
    });
    const message: FrameMessage = { type: 'pair', token };
    try {
      port.postMessage(message);
    } catch (e) {
      console.debug('Last Impression: token not offered', e);
    }
  };

  signal.addEventListener('abort', () => {
    for (const port of open.splice(0)) {
      try {
        port.disconnect();
      } catch {
        // Already gone.
      }
    }
  });

  return {
    offer(token) {
      void tabId.then((tab) => tab !== undefined && offer(tab, token));
    },
    get linked() {
      return linked !== null;
    },
  };
}
