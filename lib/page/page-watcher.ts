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
 * Re-reads the page after navigation and DOM changes, at most once per animation frame, and
 * reports only when the result's key differs: Gmail mutates constantly, and most mutations
 * change nothing the panel shows. The first change after a frame with no read is read at once
 * (a thread switch reaches the panel without waiting up to a frame for it); changes after that
 * read wait for the next frame, so a burst costs one read per frame. Holds no site knowledge:
 * the host definition says what to read and which attributes matter. Answers a function that
 * asks for a read.
 */
export function watchPage<T>(options: PageWatchOptions<T>): () => void {
  const { owner, doc, attributes, read, keyOf, onChange, afterRead } = options;
  let lastKey: string | null = null;
  let pending = false;
  // A read ran and no animation frame has passed since.
  let readThisFrame = false;

  const readNow = () => {
    if (!pending) return;
    pending = false;
    if (!owner.isValid) return;
    if (!readThisFrame) {
      readThisFrame = true;
      owner.requestAnimationFrame(() => (readThisFrame = false));
    }
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
    if (!readThisFrame) {
      // After the task that made the change, not inside it: WXT's location event fires from
      // the Navigation API's \`navigate\`, before the address has changed.
      queueMicrotask(readNow);
      return;
    }
    owner.requestAnimationFrame(readNow);
    owner.setTimeout(readNow, HIDDEN_TAB_MS);
  };

  const win = doc.defaultView;
  if (win) {
    for (const type of ['wxt:locationchange', 'hashchange', 'popstate']) {
      owner.addEventListener(win, type, schedule);
    }
  }
  // Moving the focus changes no DOM, but can change what a reader reports (with several
  // message windows open, the one being typed in).
  owner.addEventListener(doc, 'focusin', schedule, { capture: true, passive: true });
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
