import type { Owner } from './owner';

/** A hidden tab runs no animation frames; a read still happens this soon after a change. */
export const HIDDEN_TAB_MS = 250;

export interface PageWatchOptions<T> {
  owner: Owner;
  doc: Document;
  /** Attributes whose change can change the reading, besides child-list changes. */
  attributes: readonly string[];
  read: () => T;
  keyOf: (value: T) => string;
  onChange: (value: T) => void;
  /** Runs after every read, changed or not (layout that moves without the contact changing). */
  afterRead?: (value: T) => void;
}

/**
 * Re-reads the page after navigation and DOM changes, once per animation frame, and
 * reports only when the result's key differs: Gmail mutates constantly, and most mutations
 * change nothing the panel shows. Holds no site knowledge: the host definition says what to read
 * and which attributes matter. Answers a function that asks for a read on the next frame.
 */
export function watchPage<T>(options: PageWatchOptions<T>): () => void {
  const { owner, doc, attributes, read, keyOf, onChange, afterRead } = options;
  let lastKey: string | null = null;
  let pending = false;

  const readNow = () => {
    if (!pending) return;
    pending = false;
    if (!owner.isValid) return;
    const value = read();
    const key = keyOf(value);
    if (key !== lastKey) {
      lastKey = key;
      onChange(value);
    }
    afterRead?.(value);
  };

  const schedule = () => {
    if (pending) return;
    pending = true;
    owner.requestAnimationFrame(readNow);
    owner.setTimeout(readNow, HIDDEN_TAB_MS);
  };

  const win = doc.defaultView;
  if (win) {
    for (const type of ['wxt:locationchange', 'hashchange', 'popstate']) {
      owner.addEventListener(win, type, schedule);
    }
  }
  // The whole document, not just body: a site (or a test) may swap <body> itself.
  const observer = new MutationObserver(schedule);
  observer.observe(doc.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: [...attributes],
  });
  owner.onInvalidated(() => observer.disconnect());
  pending = true;
  readNow();
  return schedule;
}
