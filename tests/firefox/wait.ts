/** How long a journey waits for Firefox to show something: generous, the machine is shared. */
export const WAIT_MS = 60_000;

/**
 * Polls `read` until `accept` holds and returns the last value read; throws with that value
 * otherwise. Reads that throw (a frame mid-navigation) count as "not yet".
 */
export async function until<T>(
  what: string,
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeout = WAIT_MS,
): Promise<T> {
  const end = Date.now() + timeout;
  let last: T | undefined;
  let error: unknown;
  for (;;) {
    try {
      last = await read();
      error = undefined;
      if (accept(last)) return last;
    } catch (e) {
      error = e;
    }
    if (Date.now() > end) {
      const seen = error ? `error ${String(error)}` : JSON.stringify(last);
      throw new Error(`Timed out waiting for ${what}; last seen: ${seen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** Waits until `read` gives exactly `expected`. */
export function untilEqual<T>(what: string, read: () => Promise<T>, expected: T): Promise<T> {
  return until(what, read, (value) => JSON.stringify(value) === JSON.stringify(expected));
}
