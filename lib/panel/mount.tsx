import { createRoot, type Root } from 'react-dom/client';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { PanelApp } from '@/components/panel/PanelApp';
import { request } from '@/lib/messaging-client';
import { createActions } from './actions';
import { bottomInset } from './bottom-inset';
import { loadCollapsed, saveCollapsed } from './collapsed-storage';
import { connectLive } from './live-connection';
import { watchPage } from './page-watcher';
import { screenKey, type Screen, type SiteConfig } from './screen';
import { shortcutOutcome } from './shortcut-message';
import { createPanelStore } from './store';

const CLOCK_MS = 60_000;

/** Never lets a reader's surprise reach the host page: a throw becomes the "can't read" note. */
function safeRead(read: (doc: Document, url: string) => Screen): Screen {
  try {
    return read(document, location.href);
  } catch (e) {
    console.debug('Last Impression: page not read', e);
    return { kind: 'unreadable', reason: 'reader failed' };
  }
}

/**
 * Wires one site's panel: the page watcher feeds the store, the store names what to watch on
 * the live port, the port feeds views back, and the shadow-root UI draws the store.
 */
export async function mountPanel(
  ctx: ContentScriptContext,
  site: SiteConfig,
  read: (doc: Document, url: string) => Screen,
): Promise<void> {
  const store = createPanelStore(site.channels[0] ?? 'other');
  const actions = createActions({ store, site, owner: ctx, send: request, saveCollapsed });
  const live = connectLive(
    ctx,
    (name) => browser.runtime.connect({ name }),
    (views) => store.getState().setViews(views),
  );
  store.subscribe((state, prev) => {
    if (state.screen === prev.screen) return;
    live.watch(state.screen.kind === 'people' ? state.screen.people.map((p) => p.identity) : []);
  });

  const ui = await createShadowRootUi<Root>(ctx, {
    name: 'last-impression-panel',
    position: 'inline',
    // Outside <body>: hosts (and tests) replace the body's content on navigation.
    anchor: 'html',
    append: 'last',
    // Keys typed in the note must not trigger the host's own shortcuts.
    isolateEvents: true,
    onMount: (container) => {
      const root = createRoot(container);
      root.render(<PanelApp store={store} actions={actions} site={site} />);
      return root;
    },
    onRemove: (root) => root?.unmount(),
  });
  ui.mount();

  void loadCollapsed().then((collapsed) => store.getState().setCollapsed(collapsed));
  watchPage({
    owner: ctx,
    doc: document,
    read: () => safeRead(read),
    keyOf: screenKey,
    onChange: (screen) => store.getState().setScreen(screen),
    afterRead: () =>
      store.getState().setBottomInset(bottomInset(document, site.bottomWindows, site.insets.right)),
  });
  ctx.setInterval(() => store.getState().tick(Date.now()), CLOCK_MS);

  const onMessage = (message: unknown) => {
    const outcome = shortcutOutcome(message);
    if (outcome) void actions.log(outcome);
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}
