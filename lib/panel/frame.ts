import { browser } from 'wxt/browser';
import { getDb } from '../db/database';
import { HOSTS } from '../hosts/registry';
import { createActions, type PanelActions } from './actions';
import { loadCollapsed } from './collapsed-storage';
import { connectPanel, type PanelPort } from './panel-port';
import { createPanelStore, type PanelStore } from './store';

const CLOCK_MS = 60_000;

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
  const actions = createActions({
    db: getDb(),
    store,
    site: () => store.getState().site ?? 'gmail',
    defaultChannel: () => HOSTS[store.getState().site ?? 'gmail'].channels[0] ?? 'other',
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
