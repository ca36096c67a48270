/**
 * Code that runs inside the measured pages and frames. A figure within one document is taken on
 * that document's own clock (performance.now(), whose zero is its navigation start). A figure
 * that starts in the host page and ends in the panel's extension frame (another process) is
 * taken on the shared wall clock, `performance.timeOrigin + performance.now()`; the bench
 * reports how far the two documents' clocks disagree.
 */

export interface BenchApi {
  /** First time each watched selector matched (ms since navigation start). */
  first: Record<string, number>;
  /** The first element matching `selector` in the document or any open shadow root. */
  q: (selector: string) => Element | null;
  /** Resolves with performance.now() at the first DOM change after which `test()` holds. */
  waitFor: (test: () => boolean, timeoutMs?: number) => Promise<number>;
  /** A wait started now and collected later, so a wait in the frame can be armed first. */
  pending?: Promise<number>;
}

export const FIRST_SELECTORS = [
  '[data-testid=li-last-impression]',
  '[data-testid=li-contact-row]',
  '[data-testid=li-nudge]',
  '[data-testid=li-panel]',
];

/**
 * Installed with addInitScript, before any page script or content script runs. Watches the
 * document and every open shadow root (the panel's), and checks the conditions after each
 * batch of mutations, so a figure ends at the DOM change itself, not at a polling tick.
 */
export function installWatcher(firstSelectors: string[]): void {
  const w = window as unknown as { __bench?: BenchApi };
  if (w.__bench) return;
  const roots = new Set<Document | ShadowRoot>([document]);
  const waits = new Set<{ test: () => boolean; resolve: (t: number) => void }>();
  const first: Record<string, number> = {};
  const options: MutationObserverInit = {
    childList: true,
    subtree: true,
    attributes: true,
    characterData: true,
  };
  const q = (selector: string) => {
    for (const root of roots) {
      const el = root.querySelector(selector);
      if (el) return el;
    }
    return null;
  };
  const check = () => {
    const now = performance.now();
    for (const s of firstSelectors) if (first[s] === undefined && q(s)) first[s] = now;
    for (const wait of waits) {
      if (wait.test()) {
        waits.delete(wait);
        wait.resolve(now);
      }
    }
  };
  const adopt = (node: Node) => {
    if (node instanceof Element && node.shadowRoot && !roots.has(node.shadowRoot)) {
      roots.add(node.shadowRoot);
      observer.observe(node.shadowRoot, options);
    }
  };
  const observer = new MutationObserver((records) => {
    for (const r of records) r.addedNodes.forEach(adopt);
    check();
  });
  observer.observe(document, options);
  w.__bench = {
    first,
    q,
    waitFor: (test, timeoutMs = 15_000) =>
      new Promise((resolve, reject) => {
        if (test()) {
          resolve(performance.now());
          return;
        }
        const wait = { test, resolve };
        waits.add(wait);
        setTimeout(() => {
          if (waits.delete(wait)) reject(new Error('timed out waiting for the page'));
        }, timeoutMs);
      }),
  };
}
