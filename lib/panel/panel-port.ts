import * as v from 'valibot';
import type { Browser } from 'wxt/browser';
import {
  HELLO_MESSAGE,
  PairMessageSchema,
  PANEL_PORT,
  type HelloMessage,
  ToPanelMessageSchema,
  type Layout,
  type PanelMessage,
  type ToPanelMessage,
} from '../messaging';

const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 5000;

type Port = Pick<Browser.runtime.Port, 'postMessage' | 'disconnect' | 'onMessage' | 'onDisconnect'>;

export interface PanelPort {
  /** The frame's wanted size; remembered and re-sent after every reconnect. */
  layout(layout: Layout): void;
}

/** Tokens this frame passes on; the background accepts as many (MAX_TOKENS). */
const MAX_TOKENS = 8;

/**
 * The frame's port to the background. It hears who is on screen only if it is the frame the
 * content script made (it holds the token the content script posted into it); a copy of this
 * page embedded by anyone else hears nothing. Messages are
 * checked again here: what is on screen was read from a page that may have forged it.
 */
export function connectPanel(
  signal: AbortSignal,
  connect: (name: string) => Port,
  onMessage: (message: ToPanelMessage) => void,
  onToken: (token: string) => void = () => {},
): PanelPort {
  let port: Port | null = null;
  let last: Layout | null = null;
  const tokens: string[] = [];
  let retryMs = FIRST_RETRY_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const postOne = (message: PanelMessage) => {
    try {
      port?.postMessage(message);
    } catch (e) {
      console.debug('Last Impression: message not sent', e);
    }
  };
  const post = () => {
    for (const token of tokens) postOne({ type: 'pair', token });
    if (last) postOne({ type: 'layout', layout: last });
  };

  // The content script posts its token into this frame; so may the page, with forged ones,
  // which the background refuses. Only the parent window's messages are taken.
  window.addEventListener(
    'message',
    (event: MessageEvent) => {
      if (event.source !== window.parent || tokens.length >= MAX_TOKENS) return;
      const parsed = v.safeParse(PairMessageSchema, event.data);
      if (!parsed.success || tokens.includes(parsed.output.token)) return;
      tokens.push(parsed.output.token);
      postOne({ type: 'pair', token: parsed.output.token });
      onToken(parsed.output.token);
    },
    { signal },
  );

  // Asks the content script for the token now rather than at this frame's load event. Any
  // page script hears this hello, which carries nothing.
  const hello: HelloMessage = { type: HELLO_MESSAGE };
  window.parent.postMessage(hello, '*');

  const retry = () => {
    if (signal.aborted || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      open();
    }, retryMs);
    retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
  };

  const open = () => {
    if (signal.aborted) return;
    try {
      const next = connect(PANEL_PORT);
      next.onMessage.addListener((raw: unknown) => {
        const parsed = v.safeParse(ToPanelMessageSchema, raw);
        if (!parsed.success) return;
        retryMs = FIRST_RETRY_MS;
        onMessage(parsed.output);
      });
      next.onDisconnect.addListener(() => {
        if (port === next) port = null;
        retry();
      });
      port = next;
      post();
    } catch (e) {
      console.debug('Last Impression: panel port not open', e);
      port = null;
      retry();
    }
  };

  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    try {
      port?.disconnect();
    } catch {
      // Already gone.
    }
  });
  open();
  return {
    layout(next) {
      if (
        last &&
        last.inline === next.inline &&
        last.total === next.total &&
        Boolean(last.prompt) === Boolean(next.prompt)
      ) {
        return;
      }
      last = next;
      postOne({ type: 'layout', layout: next });
    },
  };
}
