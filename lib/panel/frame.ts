import { browser } from 'wxt/browser';
import { getDb } from '../db/database';
import { HOSTS } from '../hosts/registry';
import { createActions, type PanelActions } from './actions';
import { createAfterSend, type AfterSend } from './after-send';
import { loadCollapsed } from './collapsed-storage';
import type { Layout } from '../messages';
import { linkToPage } from './page-link';
import { connectPanel, type PanelPort } from './panel-port';
import { createPanelStore, type PanelStore } from './store';
import { followViews } from './views-feed';

const CLOCK_MS = 60_000;

export interface PanelFrameParts {
  store: PanelStore;
  actions: PanelActions;
  port: PanelPort;
  afterSend: AfterSend;
}

/**
 * Wires the panel frame: its store, its actions on the database, its port to the background,
 * the after-send prompt, the clock, and the ways the drawer closes (Escape, or a click
 * outside, which takes the focus away from the frame).
 */
export function startPanelFrame(signal: AbortSignal): PanelFrameParts {
  const store = createPanelStore();
  const db = getDb();
  // Opened now, while the frame waits to hear who is on screen, not by the first query.
  db.open().catch((e: unknown) => console.debug('Last Impression: database not opened', e));
  const feed = followViews(store, db, signal);
  const actions = createActions({
    db,
    store,
    site: () => store.getState().site ?? 'gmail',
    defaultChannel: () => HOSTS[store.getState().site ?? 'gmail'].channels[0] ?? 'other',
    setTimeout: (fn, ms) => {
      const timer = setTimeout(fn, ms);
      signal.addEventListener('abort', () => clearTimeout(timer));
    },
  });
  const afterSend = createAfterSend({ signal });
  // Firefox lost the framed panel to the direct link (its journeys never found the frame), so
  // there the screen keeps coming through the background alone.
  const tabId = import.meta.env.FIREFOX
    ? Promise.resolve(undefined)
    : browser.tabs
        .getCurrent()
        .then((tab) => tab?.id)
        .catch(() => undefined);
  const link = linkToPage(
    signal,
    tabId,
    (tab, name, frameId) => browser.tabs.connect(tab, { name, frameId }),
    (message) => feed.show(message.site, message.screen),
  );
  const connection = connectPanel(
    signal,
    (name) => browser.runtime.connect({ name }),
    (message) => {
      if (message.type === 'screen') {
        // Once the content script speaks to the frame directly, the background's copy of the
        // same news arrives later and may be older.
        if (!link.linked) feed.show(message.site, message.screen);
        return;
      }
      if (message.type === 'sent') {
        afterSend.offer(message.site, message.sent);
        return;
      }
      const { shown } = store.getState();
      if (shown) void actions.log(shown, message.outcome);
    },
    (token) => link.offer(token),
  );
  // While a prompt is open the frame needs its slot even where the page shows nobody (the
  // thread list after a compose closed): every layout report says so.
  let lastLayout: Layout | null = null;
  const port: PanelPort = {
    layout(next) {
      lastLayout = next;
      const prompt = afterSend.store.getState().prompt !== null;
      connection.layout(prompt ? { ...next, prompt } : next);
    },
  };
  const unsubscribe = afterSend.store.subscribe(() => lastLayout && port.layout(lastLayout));
  signal.addEventListener('abort', unsubscribe);
  void loadCollapsed().then((collapsed) => {
    if (!signal.aborted) store.getState().setCollapsed(collapsed);
  });
  const clock = setInterval(() => store.getState().tick(Date.now()), CLOCK_MS);
  signal.addEventListener('abort', () => clearInterval(clock));
  const close = () => store.setState({ drawerOpen: false, tipOpen: false });
  window.addEventListener('keydown', (event) => event.key === 'Escape' && close(), { signal });
  window.addEventListener('blur', close, { signal });
  return { store, actions, port, afterSend };
}
