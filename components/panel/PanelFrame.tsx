import { StrictMode, useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';
import { useStore } from 'zustand';
import { HOSTS } from '@/lib/hosts/registry';
import { saveCollapsed } from '@/lib/panel/collapsed-storage';
import type { PanelFrameParts } from '@/lib/panel/frame';
import type { PanelPort } from '@/lib/panel/panel-port';
import { peopleOf } from '@/lib/panel/store';
import { AfterSend } from './AfterSend';
import { ComposeWarningLine } from './ComposeWarningLine';
import { Drawer } from './Drawer';
import { GoodwillTip } from './GoodwillTip';
import { InlineBar } from './InlineBar';
import { PanelContext, type PanelContextValue } from './panel-context';

/** Reports the frame's wanted size whenever the inline bar or the overlay changes size. */
function useLayoutReport(
  port: PanelPort,
  bar: RefObject<HTMLElement | null>,
  overlay: RefObject<HTMLElement | null>,
) {
  useEffect(() => {
    const report = () => {
      const inline = Math.ceil(bar.current?.getBoundingClientRect().height ?? 0);
      const extra = Math.ceil(overlay.current?.getBoundingClientRect().height ?? 0);
      port.layout({ inline, total: inline + extra });
    };
    const observer = new ResizeObserver(report);
    observer.observe(document.body);
    if (bar.current) observer.observe(bar.current);
    if (overlay.current) observer.observe(overlay.current);
    report();
    return () => observer.disconnect();
  });
}

function Panel({ store, actions, port, afterSend }: PanelFrameParts) {
  const prompt = useStore(afterSend.store, (s) => s.prompt);
  const site = useStore(store, (s) => s.site);
  const screen = useStore(store, (s) => s.screen);
  const selectedKey = useStore(store, (s) => s.selectedKey);
  const collapsed = useStore(store, (s) => s.collapsed);
  const drawerOpen = useStore(store, (s) => s.drawerOpen);
  const tipOpen = useStore(store, (s) => s.tipOpen);
  const views = useStore(store, (s) => s.views);
  const host = site ? HOSTS[site] : null;
  const people = peopleOf(screen);
  const loaded = views !== undefined && people.every((p) => p.key in views);
  const drawerId = useId();
  const bar = useRef<HTMLDivElement>(null);
  const overlay = useRef<HTMLDivElement>(null);

  const person = people.find((p) => p.key === selectedKey) ?? null;
  const view = person && loaded ? views[person.key] : undefined;
  useLayoutReport(port, bar, overlay);

  useEffect(() => {
    if (store.getState().shown !== person) store.setState({ shown: person });
  }, [store, person]);

  // A panel the rep hid stays hidden: the prompt is part of it.
  const asked = prompt && !collapsed && (
    <AfterSend key={prompt.id} {...{ prompt, afterSend, actions, store }} />
  );
  if (!host || screen.kind === 'none') {
    return (
      <div
        className="li-panel"
        data-testid="li-panel"
        data-state={asked ? 'prompt' : 'empty'}
        hidden={!asked}
      >
        <div ref={bar}>{asked}</div>
      </div>
    );
  }
  // While the rep writes, the compose's own contact comes first; the prompt waits its turn.
  const composing = screen.kind === 'people' && screen.composing === true;

  let content: ReactNode;
  if (collapsed) {
    content = (
      <div className="li-bar li-bar-collapsed">
        <button
          type="button"
          className="li-show"
          aria-expanded="false"
          onClick={() => {
            store.getState().setCollapsed(false);
            saveCollapsed(false);
          }}
        >
          Last Impression{person?.name ? ` · ${person.name}` : ''} — Show
        </button>
      </div>
    );
  } else if (screen.kind === 'unreadable') {
    content = (
      <p className="li-bar li-unreadable" role="note">
        {host.unreadableNote}
      </p>
    );
  } else if (!person) {
    content = (
      <p className="li-bar li-muted" aria-busy="true">
        Loading…
      </p>
    );
  } else {
    content = <InlineBar drawerId={drawerId} />;
  }

  const value: PanelContextValue = { store, actions, host, person, view, views };
  return (
    <PanelContext.Provider value={value}>
      <div className="li-panel" data-testid="li-panel">
        <div ref={bar}>
          {composing && <ComposeWarningLine />}
          {asked && !composing ? asked : content}
        </div>
        <div ref={overlay} className="li-overlay">
          {!collapsed && person && tipOpen && <GoodwillTip view={view ?? null} />}
          {!collapsed && person && drawerOpen && <Drawer id={drawerId} />}
        </div>
      </div>
    </PanelContext.Provider>
  );
}

/** The panel frame: an extension page the content script lays over a slot in the host page. */
export function PanelFrame(props: PanelFrameParts) {
  return (
    <StrictMode>
      <Panel {...props} />
    </StrictMode>
  );
}
