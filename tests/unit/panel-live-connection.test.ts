import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectLive, LIVE_PORT_NAME } from '../../lib/panel/live-connection';
import { LIVE_PORT } from '../../lib/messaging';
import { fakeOwner } from '../support/panel-owner';

/** A port the test can feed and break, like the one a stopped service worker closes. */
function fakePort() {
  const onMessage: ((m: unknown) => void)[] = [];
  const onDisconnect: (() => void)[] = [];
  const sent: unknown[] = [];
  return {
    sent,
    disconnected: false,
    postMessage: (m: unknown) => sent.push(m),
    disconnect() {
      this.disconnected = true;
    },
    onMessage: { addListener: (l: (m: unknown) => void) => onMessage.push(l) },
    onDisconnect: { addListener: (l: () => void) => onDisconnect.push(l) },
    deliver: (m: unknown) => onMessage.forEach((l) => l(m)),
    drop: () => onDisconnect.forEach((l) => l()),
  };
}

describe('live connection', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(console, 'debug').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  const ada = { kind: 'email', value: 'ada@example.com' } as const;

  function setup() {
    const owner = fakeOwner();
    const ports: ReturnType<typeof fakePort>[] = [];
    const names: string[] = [];
    const received: unknown[] = [];
    const live = connectLive(
      owner,
      (name) => {
        names.push(name);
        const port = fakePort();
        ports.push(port);
        return port as never;
      },
      (views) => received.push(views),
    );
    return { owner, ports, names, received, live };
  }

  it('uses the background port name and sends what is on screen', () => {
    const { ports, names, live } = setup();
    expect(names).toEqual([LIVE_PORT]);
    expect(LIVE_PORT_NAME).toBe(LIVE_PORT);
    live.watch([ada]);
    expect(ports[0]!.sent.at(-1)).toEqual({ type: 'watch', identities: [ada] });
  });

  it('passes views on and ignores anything else', () => {
    const { ports, received } = setup();
    ports[0]!.deliver({ type: 'views', views: { 'email:ada@example.com': null } });
    ports[0]!.deliver({ type: 'other' });
    ports[0]!.deliver('views');
    expect(received).toEqual([{ 'email:ada@example.com': null }]);
  });

  it('reconnects after the worker drops the port and watches the same people again', () => {
    const { ports, live } = setup();
    live.watch([ada]);
    ports[0]!.drop();
    expect(ports).toHaveLength(1);
    vi.advanceTimersByTime(1000);
    expect(ports).toHaveLength(2);
    expect(ports[1]!.sent).toEqual([{ type: 'watch', identities: [ada] }]);
  });

  it('keeps retrying, more slowly, while the extension cannot be reached', () => {
    const owner = fakeOwner();
    let attempts = 0;
    connectLive(
      owner,
      () => {
        attempts += 1;
        throw new Error('Extension context invalidated.');
      },
      () => undefined,
    );
    vi.advanceTimersByTime(1000);
    const early = attempts;
    vi.advanceTimersByTime(1000);
    expect(attempts - early).toBeLessThan(early);
    expect(attempts).toBeGreaterThan(2);
  });

  it('closes the port and stops reconnecting when the content script is invalidated', () => {
    const { owner, ports } = setup();
    owner.invalidate();
    expect(ports[0]!.disconnected).toBe(true);
    ports[0]!.drop();
    vi.advanceTimersByTime(10_000);
    expect(ports).toHaveLength(1);
  });
});
