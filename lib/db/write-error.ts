/**
 * Words for a write the database refused, the same on every page (the dashboard today; the
 * panel can reuse them). Every operation in lib/db writes in one transaction, so a refused
 * write leaves nothing half-written; what the rep typed stays in the form that showed this.
 */

const KEPT = 'Nothing was saved, and what you typed is still here.';

/** Error names along Dexie's `inner` chain: Dexie wraps the IndexedDB DOMException. */
function names(error: unknown): string[] {
  const found: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const name = (current as { name?: unknown }).name;
    if (typeof name === 'string') found.push(name);
    current = (current as { inner?: unknown }).inner;
  }
  return found;
}

export type WriteFailure = 'quota' | 'closed' | 'other';

export function writeFailureKind(error: unknown): WriteFailure {
  const all = names(error);
  if (all.includes('QuotaExceededError')) return 'quota';
  if (all.some((n) => n === 'DatabaseClosedError' || n === 'InvalidStateError')) return 'closed';
  return 'other';
}

/** What went wrong and what to do, for a rep: one or two sentences. */
export function writeErrorReason(error: unknown): string {
  switch (writeFailureKind(error)) {
    case 'quota':
      return 'The browser refused to save: there is no storage space left for Last Impression on this device. Free some disk space, then try again.';
    case 'closed':
      return 'The database was closed (the extension may have been updated or the browser is closing). Reload this page, then try again.';
    case 'other': {
      const detail = error instanceof Error ? error.message : String(error);
      return `The database refused the change (${detail || 'no reason given'}).`;
    }
  }
}

/** For a form: the reason, and that the typed input is kept. */
export function writeErrorMessage(error: unknown): string {
  return `${writeErrorReason(error)} ${KEPT}`;
}
