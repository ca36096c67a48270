import { browser } from 'wxt/browser';
import { getDb } from '../db/database';
import { HOSTS } from '../hosts/registry';
import { createActions, type PanelActions } from './actions';
import { loadCollapsed } from './collapsed-storage';
import { connectPanel, type PanelPort } from './panel-port';
import { createPanelStore, type PanelStore } from './store';

const CLOCK_MS = 60_000;

/**
 * The address of the tab this frame is in, as the browser reports it (host permissions let it
 * read Gmail's and LinkedIn's), re-read whenever the content script says the screen changed.
 * A log stores it so Write to opens Gmail in the account the rep used with the contact.
 */
function trackTabUrl() {
  let url: string | undefined;
  let asked = 0;
  return {
    url: () => url,
    refresh() {
      const ask = ++asked;
      Promise.resolve()
        .then(() => browser.tabs.getCurrent())
        .then(
          (tab) => {
            if (ask === asked) url = tab?.url;
          },
          (e: unknown) => console.debug('Last Impression: tab address not read', e),
        );
    },
  };
}

export interface PanelFrameParts {
  store: PanelStore;
  actions: PanelActions;
  port: PanelPort;
}

/**
 * Wires the panel frame: its store, its actions on the database, its port to the background,
 * the clock, and the ways the drawer closes (Escape, or a click outside, which takes the focus
 * away from the frame).
 */
export function startPanelFrame(signal: AbortSignal): PanelFrameParts {
  const store = createPanelStore();
  const tab = trackTabUrl();
  const actions = createActions({
    db: getDb(),
    store,
    site: () => store.getState().site ?? 'gmail',
    defaultChannel: () => HOSTS[store.getState().site ?? 'gmail'].channels[0] ?? 'other',
    pageUrl: tab.url,
    setTimeout: (fn, ms) => {
      const timer = setTimeout(fn, ms);
      signal.addEventListener('abort', () => clearTimeout(timer));
    },
  });
  const port = connectPanel(
    signal,
    (name) => browser.runtime.connect({ name }),
    (message) => {
      if (message.type === 'screen') {
        store.getState().setScreen(message.site, message.screen);
        tab.refresh();
        return;
      }
      const { shown } = store.getState();
      if (shown) void actions.log(shown, message.outcome);
    },
  );
  void loadCollapsed().then((collapsed) => {
    if (!signal.aborted) store.getState().setCollapsed(collapsed);
  });
  const clock = setInterval(() => store.getState().tick(Date.now()), CLOCK_MS);
  signal.addEventListener('abort', () => clearInterval(clock));
  const close = () => store.setState({ drawerOpen: false, tipOpen: false });
  window.addEventListener('keydown', (event) => event.key === 'Escape' && close(), { signal });
  window.addEventListener('blur', close, { signal });
  return { store, actions, port };
}
