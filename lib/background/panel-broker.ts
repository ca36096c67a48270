import * as v from 'valibot';
import {
  MAY_SEND,
  PageMessageSchema,
  PanelMessageSchema,
  type Screen,
  type SiteId,
  type ToPageMessage,
  type ToPanelMessage,
} from '../messaging';
import type { SenderRole } from './sender';

/** The part of a runtime port the broker uses; tests pass fakes. */
export interface BrokerPort {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(cb: (message: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void };
}

/** Panel frames one tab may hold open; a page script may embed decoy copies. */
const MAX_PANELS = 4;
/**
 * Tokens one frame may offer: a page script can post forged ones into the real frame before
 * the content script's arrives, but cannot guess a random UUID in a few tries.
 */
export const MAX_TOKENS = 8;

interface PanelEntry {
  port: BrokerPort;
  tokens: string[];
}

interface TabState {
  page?: BrokerPort;
  site?: SiteId;
  /** The token the content script gave the one frame it made. */
  token?: string;
  screen?: Screen;
  /** Every panel frame open in the tab: the content script's own, and any decoys. */
  panels: PanelEntry[];
}

export interface RefusedMessage {
  role: SenderRole['role'];
  type: string;
}

function send(port: BrokerPort | undefined, message: ToPanelMessage | ToPageMessage): void {
  try {
    port?.postMessage(message);
  } catch {
    // The other end went away; its disconnect handler tidies up.
  }
}

function typeOf(raw: unknown): string {
  const type = (raw as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? type.slice(0, 40) : typeof raw;
}

function mayPass(role: 'li-page' | 'li-panel', type: string): boolean {
  return (MAY_SEND[role] as readonly string[]).includes(type);
}

/**
 * Pairs each tab's content script with the one panel frame it made, and relays between them:
 * who is on screen goes to that frame only, the frame's layout back to the content script.
 * The content script names its frame by a token it posted into that frame alone; a copy of the
 * panel page that a page script embeds never has it and hears nothing.
 * Every message is checked against the sender's role (`MAY_SEND`) and its schema.
 */
export function createPanelBroker(onRefused: (refused: RefusedMessage) => void = () => {}) {
  const tabs = new Map<number, TabState>();
  const stateOf = (tabId: number): TabState => {
    let state = tabs.get(tabId);
    if (!state) {
      state = { panels: [] };
      tabs.set(tabId, state);
    }
    return state;
  };
  const tidy = (tabId: number, state: TabState) => {
    if (!state.page && state.panels.length === 0) tabs.delete(tabId);
  };
  const pairedPanel = (state: TabState): BrokerPort | undefined => {
    const { token } = state;
    return token === undefined
      ? undefined
      : state.panels.find((p) => p.tokens.includes(token))?.port;
  };
  const pushScreen = (state: TabState) => {
    const panel = pairedPanel(state);
    if (panel && state.site && state.screen) {
      send(panel, { type: 'screen', site: state.site, screen: state.screen });
    }
  };
  const refuse = (role: SenderRole['role'], raw: unknown) => onRefused({ role, type: typeOf(raw) });

  function connectPage(port: BrokerPort, tabId: number, site: SiteId): void {
    const state = stateOf(tabId);
    // A newer copy of the content script (after an update, or a restart) takes over the tab.
    const old = state.page;
    Object.assign(state, { page: port, site, token: undefined, screen: undefined });
    if (old && old !== port) {
      try {
        old.disconnect();
      } catch {
        // Already gone.
      }
    }
    port.onMessage.addListener((raw) => {
      const parsed = v.safeParse(PageMessageSchema, raw);
      if (!parsed.success || !mayPass('li-page', parsed.output.type)) return refuse('page', raw);
      if (state.page !== port) return;
      const message = parsed.output;
      if (message.type === 'frame') state.token = message.token;
      else state.screen = message.screen;
      pushScreen(state);
    });
    port.onDisconnect.addListener(() => {
      if (state.page !== port) return;
      Object.assign(state, { page: undefined, token: undefined, screen: undefined });
      tidy(tabId, state);
    });
  }

  function connectPanel(port: BrokerPort, tabId: number): void {
    const state = stateOf(tabId);
    const entry: PanelEntry = { port, tokens: [] };
    state.panels.push(entry);
    while (state.panels.length > MAX_PANELS) {
      const dropped = state.panels.shift();
      try {
        dropped?.port.disconnect();
      } catch {
        // Already gone.
      }
    }
    port.onMessage.addListener((raw) => {
      const parsed = v.safeParse(PanelMessageSchema, raw);
      if (!parsed.success || !mayPass('li-panel', parsed.output.type)) return refuse('panel', raw);
      const message = parsed.output;
      if (message.type === 'pair') {
        if (entry.tokens.length >= MAX_TOKENS) return refuse('panel', raw);
        entry.tokens.push(message.token);
        if (message.token === state.token) pushScreen(state);
        return;
      }
      // Only the paired frame may shape the content script's slot.
      if (pairedPanel(state) !== port) return;
      send(state.page, { type: 'layout', layout: message.layout });
    });
    port.onDisconnect.addListener(() => {
      state.panels = state.panels.filter((p) => p !== entry);
      tidy(tabId, state);
    });
  }

  return {
    connect(port: BrokerPort, role: SenderRole): void {
      if (role.role === 'page') connectPage(port, role.tabId, role.site);
      else connectPanel(port, role.tabId);
    },
    /** Sends to the panel the content script of `tabId` made; false when there is none. */
    toPanel(tabId: number, message: ToPanelMessage): boolean {
      const state = tabs.get(tabId);
      const panel = state && pairedPanel(state);
      if (!panel) return false;
      send(panel, message);
      return true;
    },
  };
}

export type PanelBroker = ReturnType<typeof createPanelBroker>;
