import { StrictMode, useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';
import { useStore } from 'zustand';
import { HOSTS } from '@/lib/hosts/registry';
import { firstPerson } from '@/lib/panel/choose';
import { saveCollapsed } from '@/lib/panel/collapsed-storage';
import type { PanelFrameParts } from '@/lib/panel/frame';
import type { PanelPort } from '@/lib/panel/panel-port';
import { peopleOf } from '@/lib/panel/store';
import { Drawer } from './Drawer';
import { GoodwillTip } from './GoodwillTip';
import { InlineBar } from './InlineBar';
import { PanelContext, type PanelContextValue } from './panel-context';
import { useViews } from './use-views';

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

function Panel({ store, actions, port }: PanelFrameParts) {
  const site = useStore(store, (s) => s.site);
  const screen = useStore(store, (s) => s.screen);
  const selectedKey = useStore(store, (s) => s.selectedKey);
  const collapsed = useStore(store, (s) => s.collapsed);
  const drawerOpen = useStore(store, (s) => s.drawerOpen);
  const tipOpen = useStore(store, (s) => s.tipOpen);
  const now = useStore(store, (s) => s.now);
  const host = site ? HOSTS[site] : null;
  const people = peopleOf(screen);
  const views = useViews(people);
  const loaded = views !== undefined && people.every((p) => p.key in views);
  const drawerId = useId();
  const bar = useRef<HTMLDivElement>(null);
  const overlay = useRef<HTMLDivElement>(null);

  // The first person is chosen once per screen, when the data is in, and then kept: logging
  // for the most urgent contact must not make the panel jump to someone else.
  useEffect(() => {
    if (selectedKey || !loaded || people.length === 0) return;
    const first = firstPerson(people, views, now);
    if (first) store.getState().select(first.key);
  }, [selectedKey, loaded, people, views, now, store]);

  const person = people.find((p) => p.key === selectedKey) ?? null;
  const view = person && loaded ? views[person.key] : undefined;
  useLayoutReport(port, bar, overlay);

  useEffect(() => {
    if (store.getState().shown !== person) store.setState({ shown: person });
  }, [store, person]);

  if (!host || screen.kind === 'none') {
    return <div className="li-panel" data-testid="li-panel" data-state="empty" hidden />;
  }

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
        <div ref={bar}>{content}</div>
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
