/** The part of WXT's ContentScriptContext the page side needs; tests pass a small fake. */
export interface Owner {
  readonly isValid: boolean;
  setTimeout(handler: () => void, timeout?: number): number;
  requestAnimationFrame(callback: () => void): number;
  onInvalidated(cb: () => void): () => void;
  addEventListener(
    target: EventTarget,
    type: string,
    handler: () => void,
    options?: AddEventListenerOptions,
  ): void;
}
