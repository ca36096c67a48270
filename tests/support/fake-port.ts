/**
 * A runtime port whose other end is the test: `deliver` plays a message from the other end,
 * `close` its disconnect, and `sent` holds what the code under test posted. Its listener lists
 * are typed `never` so it stands in for WXT's `runtime.Port` and the broker's port alike.
 */
export function fakePort(name = '', senderId?: string) {
  const listeners: ((m: unknown) => void)[] = [];
  const gone: (() => void)[] = [];
  const port = {
    name,
    sender: senderId === undefined ? undefined : { id: senderId },
    sent: [] as unknown[],
    disconnected: false,
    postMessage(m: unknown) {
      port.sent.push(m);
    },
    disconnect() {
      port.disconnected = true;
    },
    onMessage: { addListener: (cb: (m: unknown) => void) => listeners.push(cb) } as never,
    onDisconnect: { addListener: (cb: () => void) => gone.push(cb) } as never,
    deliver(m: unknown) {
      for (const cb of listeners) cb(m);
    },
    close() {
      for (const cb of gone) cb();
    },
  };
  return port;
}
