import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createIframeUi } from 'wxt/utils/content-script-ui/iframe';
import type { HostDefinition, HostReading } from '../hosts/site';
import { HELLO_MESSAGE, PAIR_MESSAGE, type PairMessage, type Screen } from '../messages';
import { linkFrame } from './frame-port';
import { createFrameSlot } from './frame-slot';
import { connectPage } from './page-port';
import { watchPage } from './page-watcher';
import { watchSends } from './send-watch';

/** How often the panel comes back after the page removes its frame, per page load. */
export const MAX_REMOUNTS = 5;
/** How often the panel comes back after its context is ended by a forged start event. */
export const MAX_RESTARTS = 5;

/** Equal keys mean the frame would draw the same thing, so DOM churn sends nothing. */
export function screenKey(screen: Screen): string {
  if (screen.kind === 'none') return 'none';
  if (screen.kind === 'unreadable') return `unreadable:${screen.reason}`;
  return JSON.stringify([
    screen.people.map((p) => [p.key, p.name ?? '', p.headline ?? '', p.publicPath ?? '']),
    screen.composing ?? false,
    screen.pageUrl ?? '',
  ]);
}

/** Never lets a reader's surprise reach the host page: a throw becomes the "can't read" note. */
function safeRead(host: HostDefinition): HostReading {
  try {
    return host.read(document, location.href);
  } catch (e) {
    console.debug('Last Impression: page not read', e);
    return { screen: { kind: 'unreadable', reason: 'reader failed' }, place: null };
  }
}

function extensionAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}

/**
 * Wires one site's content script: the page watcher reads the host page once per animation
 * frame of changes, the port tells the background who is on screen, what the rep sent and which
 * frame is ours, the frame's own port (once it shows its token) hears who is on screen first
 * hand, and the frame is laid over a slot in the host's flow. No React, no database, no
 * valibot.
 */
function startPanel(ctx: ContentScriptContext, host: HostDefinition): void {
  let remounts = 0;
  const ui = createIframeUi(ctx, {
    page: '/panel.html',
    position: 'inline',
    // Outside <body>: hosts (and tests) replace the body's content on navigation, and a host
    // re-rendering a thread would otherwise reload the frame.
    anchor: document.documentElement,
    append: 'last',
    onMount: (wrapper, iframe) => {
      // The frame's origin: the document's top left corner (frame-slot.ts lays it from here).
      wrapper.style.cssText =
        'display:block;position:absolute;top:0;left:0;width:0;height:0;margin:0;padding:0;border:0';
      iframe.title = 'Last Impression';
    },
  });
  const { iframe, wrapper } = ui;
  const slot = createFrameSlot(ctx, document, iframe);
  // The frame's navigation starts now, before the ports and listeners below: nothing it sends
  // can arrive before this task ends, and its load is most of the first panel's time.
  ui.mount();
  // Set while the frame holds an after-send prompt: it keeps a slot where nobody is on screen.
  let prompting = false;
  let readSoon: () => void = () => {};
  const port = connectPage(
    ctx,
    (name) => browser.runtime.connect({ name }),
    (layout) => {
      slot.setLayout(layout);
      if (prompting !== Boolean(layout.prompt)) {
        prompting = Boolean(layout.prompt);
        readSoon();
      }
    },
  );
  // Names our frame to the background by a token posted into that frame alone, at the
  // extension's origin: the page cannot read it, so a copy of the panel it embeds gets nothing.
  const token = crypto.randomUUID();
  port.frame(token);
  const link = linkFrame({
    owner: ctx,
    site: host.site,
    token,
    extensionId: browser.runtime.id,
    onConnect: (listener) => {
      browser.runtime.onConnect.addListener(listener);
      return () => browser.runtime.onConnect.removeListener(listener);
    },
  });
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
  const giveToken = () => {
    const message: PairMessage = { type: PAIR_MESSAGE, token };
    try {
      iframe.contentWindow?.postMessage(message, extensionOrigin);
    } catch (e) {
      console.debug('Last Impression: frame not paired', e);
    }
  };
  // The frame asks as soon as its script runs; its load event, tens of milliseconds later, is
  // the fallback. A page script can post a hello too, but not from our frame's window at the
  // extension's origin (a page that navigates our frame elsewhere loses that origin).
  ctx.addEventListener(window, 'message', (event: MessageEvent) => {
    const data: unknown = event.data;
    if (event.source !== iframe.contentWindow || event.origin !== extensionOrigin) return;
    if (typeof data === 'object' && data !== null && 'type' in data && data.type === HELLO_MESSAGE)
      giveToken();
  });
  ctx.addEventListener(iframe, 'load', giveToken);

  const frameGone = () => !wrapper.isConnected || iframe.parentElement !== wrapper;
  const checkSends = host.sends
    ? watchSends({
        owner: ctx,
        doc: document,
        reader: host.sends,
        pageUrl: () => location.href,
        onSent: (sent) => port.sent(sent),
      })
    : () => {};
  const placeFor = (reading: HostReading) => {
    if (reading.screen.kind !== 'none') return reading.place;
    return prompting ? (host.promptPlace?.(document) ?? null) : null;
  };
  readSoon = watchPage<HostReading>({
    owner: ctx,
    doc: document,
    attributes: host.watchAttributes,
    read: () => safeRead(host),
    keyOf: (reading) => screenKey(reading.screen),
    onChange: (reading) => {
      link.screen(reading.screen);
      port.screen(reading.screen);
    },
    afterRead: (reading) => {
      if (frameGone() && remounts < MAX_REMOUNTS) {
        remounts += 1;
        ui.remove();
        wrapper.append(iframe);
        ui.mount();
      }
      slot.place(placeFor(reading));
      checkSends();
    },
  });
}

/**
 * Calls `start` as soon as the page has its <body>: the script runs before the page is parsed,
 * so the panel's frame loads while the host page does, and the frame still lands after the body
 * in the document, which at an equal stacking level draws it over the host's own layers (a
 * Gmail compose window) rather than under them. Moving it there later would reload it.
 */
function whenBody(owner: ContentScriptContext, start: () => void): void {
  if (document.body) return start();
  const observer = new MutationObserver(() => {
    if (!document.body) return;
    observer.disconnect();
    if (owner.isValid) start();
  });
  observer.observe(document, { childList: true, subtree: true });
  owner.onInvalidated(() => observer.disconnect());
}

/**
 * Runs the panel, and brings it back when a page script ends its context by replaying WXT's
 * "content script started" event: on the next page change, at most MAX_RESTARTS times. An
 * extension update ends the context too, but then the old script has no extension to talk to
 * and stays ended.
 */
export function runPanel(ctx: ContentScriptContext, name: string, host: HostDefinition): void {
  let restarts = 0;
  const run = (context: ContentScriptContext) => {
    whenBody(context, () => {
      try {
        startPanel(context, host);
      } catch (e) {
        // Nothing may throw into the host page; a panel that failed to mount is only a missing panel.
        console.debug('Last Impression: panel not mounted', e);
      }
    });
    context.onInvalidated(() => armRestart());
  };
  const armRestart = () => {
    if (restarts >= MAX_RESTARTS || !extensionAlive()) return;
    const observer = new MutationObserver(() => go());
    const stop = () => {
      observer.disconnect();
      window.removeEventListener('hashchange', go);
      window.removeEventListener('popstate', go);
    };
    function go() {
      stop();
      if (!extensionAlive()) return;
      restarts += 1;
      run(new ContentScriptContext(name, { noScriptStartedPostMessage: true }));
    }
    observer.observe(document.documentElement, { childList: true, subtree: true });
    window.addEventListener('hashchange', go);
    window.addEventListener('popstate', go);
  };
  run(ctx);
}
