import { useEffect, useRef, type CSSProperties, type KeyboardEvent } from 'react';
import { currentPerson } from '@/lib/panel/store';
import { ContactCard } from './ContactCard';
import { usePanel, usePanelState } from './panel-context';

/** The docked panel: a small tab when collapsed, the current contact when open. */
export function Panel() {
  const { actions, site } = usePanel();
  const screen = usePanelState((s) => s.screen);
  const collapsed = usePanelState((s) => s.collapsed);
  const bottom = usePanelState((s) => s.bottomInset);
  const person = usePanelState(currentPerson);
  const tabRef = useRef<HTMLButtonElement>(null);
  const focusTab = useRef(false);

  // Escape hands focus to the tab it collapsed into, so the keyboard user is not stranded.
  useEffect(() => {
    if (collapsed && focusTab.current) tabRef.current?.focus();
    focusTab.current = false;
  }, [collapsed]);

  const style = {
    '--li-top': `${site.insets.top}px`,
    '--li-right': `${site.insets.right}px`,
    '--li-bottom': `${bottom + 8}px`,
  } as CSSProperties;

  if (screen.kind === 'none') {
    return <aside className="li-panel" data-testid="li-panel" data-state="empty" hidden />;
  }

  if (collapsed) {
    return (
      <aside className="li-panel li-panel-collapsed" data-testid="li-panel" style={style}>
        <button
          ref={tabRef}
          type="button"
          className="li-tab"
          aria-expanded="false"
          onClick={() => actions.setCollapsed(false)}
        >
          Last Impression
        </button>
      </aside>
    );
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    focusTab.current = true;
    actions.setCollapsed(true);
  };

  return (
    <aside
      className="li-panel"
      data-testid="li-panel"
      aria-label="Last Impression"
      style={style}
      onKeyDown={onKeyDown}
    >
      <header className="li-panel-head">
        <span className="li-brand">Last Impression</span>
        <button
          type="button"
          className="li-icon-button"
          aria-expanded="true"
          aria-label="Collapse panel"
          title="Collapse (Esc)"
          onClick={() => actions.setCollapsed(true)}
        >
          ›
        </button>
      </header>
      {screen.kind === 'unreadable' ? (
        <p className="li-unreadable" role="note">
          {site.unreadableNote}
        </p>
      ) : (
        person && <ContactCard person={person} />
      )}
    </aside>
  );
}
