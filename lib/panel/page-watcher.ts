import type { Owner } from './owner';

/** How soon after a burst of DOM changes the page is read again. */
export const SETTLE_MS = 40;

export interface PageWatchOptions<T> {
  owner: Owner & {
    addEventListener(target: EventTarget, type: string, handler: () => void): void;
  };
  doc: Document;
  read: () => T;
  keyOf: (value: T) => string;
  onChange: (value: T) => void;
  /** Runs after every read, changed or not (layout that moves without the contact changing). */
  afterRead?: () => void;
}

/**
 * Re-reads the page after navigation and DOM changes, at most once per SETTLE_MS, and reports
 * only when the result's key differs: Gmail mutates constantly, and most mutations change
 * nothing the panel shows.
 */
export function watchPage<T>(options: PageWatchOptions<T>): void {
  const { owner, doc, read, keyOf, onChange, afterRead } = options;
  let lastKey: string | null = null;
  let pending = false;

  const readNow = () => {
    pending = false;
    if (!owner.isValid) return;
    const value = read();
    const key = keyOf(value);
    if (key !== lastKey) {
      lastKey = key;
      onChange(value);
    }
    afterRead?.();
  };

  const schedule = () => {
    if (pending) return;
    pending = true;
    owner.setTimeout(readNow, SETTLE_MS);
  };

  const win = doc.defaultView;
  if (win) {
    owner.addEventListener(win, 'wxt:locationchange', schedule);
    owner.addEventListener(win, 'hashchange', schedule);
    owner.addEventListener(win, 'popstate', schedule);
    owner.addEventListener(win, 'resize', schedule);
  }
  // The whole document, not just body: a site (or a test) may swap <body> itself.
  const observer = new MutationObserver(schedule);
  observer.observe(doc.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['email', 'data-hovercard-id', 'value', 'href', 'class', 'aria-hidden'],
  });
  owner.onInvalidated(() => observer.disconnect());
  readNow();
}
