import type { Owner } from '../../lib/page/owner';

/** A stand-in for WXT's content-script ctx: real (or fake) timers, and an invalidate switch. */
export function fakeOwner() {
  const listeners: (() => void)[] = [];
  const owner = {
    isValid: true,
    setTimeout: (fn: () => void, ms?: number) => setTimeout(fn, ms) as unknown as number,
    requestAnimationFrame: (fn: () => void) => setTimeout(fn, 16) as unknown as number,
    onInvalidated(cb: () => void) {
      listeners.push(cb);
      return () => undefined;
    },
    addEventListener(
      target: EventTarget,
      type: string,
      handler: () => void,
      options?: AddEventListenerOptions,
    ) {
      target.addEventListener(type, handler, options);
    },
    invalidate() {
      owner.isValid = false;
      for (const cb of listeners) cb();
    },
  };
  return owner satisfies Owner;
}
