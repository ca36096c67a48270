/** The part of WXT's ContentScriptContext the panel needs; tests pass a small fake. */
export interface Owner {
  readonly isValid: boolean;
  setTimeout(handler: () => void, timeout?: number): number;
  setInterval(handler: () => void, timeout?: number): number;
  onInvalidated(cb: () => void): () => void;
}
