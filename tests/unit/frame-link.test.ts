import { describe, expect, it } from 'vitest';
import { FRAME_PORT, type Screen, type ToFrameMessage } from '../../lib/messages';
import { linkFrame } from '../../lib/page/frame-port';
import type { Owner } from '../../lib/page/owner';
import { linkToPage } from '../../lib/panel/page-link';
import { fakePort } from '../support/fake-port';

const TOKEN = '6f1c2f8e-3b7a-4d2b-9c1e-0a5b6c7d8e9f';
const FORGED = '11111111-2222-4333-8444-555555555555';
const EXTENSION = 'our-extension-id';
const ADA: Screen = {
  kind: 'people',
  people: [{ identity: { kind: 'email', value: 'ada@example.com' }, key: 'email:ada@example.com' }],
};
const GRACE: Screen = {
  kind: 'people',
  people: [
    { identity: { kind: 'email', value: 'grace@example.com' }, key: 'email:grace@example.com' },
  ],
};

function fakeOwner() {
  const ends: (() => void)[] = [];
  const owner: Owner & { end(): void } = {
    isValid: true,
    setTimeout: () => 0,
    requestAnimationFrame: () => 0,
    onInvalidated: (cb) => {
      ends.push(cb);
      return () => undefined;
    },
    addEventListener: () => undefined,
    end() {
      (owner as { isValid: boolean }).isValid = false;
      for (const cb of ends) cb();
    },
  };
  return owner;
}

function contentScript() {
  const owner = fakeOwner();
  let listener: ((port: ReturnType<typeof fakePort>) => void) | null = null;
  const link = linkFrame({
    owner,
    site: 'gmail',
    token: TOKEN,
    extensionId: EXTENSION,
    onConnect: (l) => {
      listener = l as never;
      return () => (listener = null);
    },
  });
  const connect = (port: ReturnType<typeof fakePort>) => listener?.(port);
  return { owner, link, connect, listening: () => listener !== null };
}

describe('the frame hears who is on screen from its own content script, one hop', () => {
  it('the frame holding the token hears the screen now and every change after', () => {
    const cs = contentScript();
    cs.link.screen(ADA);
    const frame = fakePort(FRAME_PORT, EXTENSION);
    cs.connect(frame);
    expect(frame.sent).toEqual([]);
    frame.deliver({ type: 'pair', token: TOKEN });
    cs.link.screen(GRACE);
    expect(frame.sent).toEqual([
      { type: 'screen', site: 'gmail', screen: ADA },
      { type: 'screen', site: 'gmail', screen: GRACE },
    ] satisfies ToFrameMessage[]);
  });

  it('a copy of the panel with a forged token is closed unheard, and cannot try again', () => {
    const cs = contentScript();
    cs.link.screen(ADA);
    const decoy = fakePort(FRAME_PORT, EXTENSION);
    cs.connect(decoy);
    decoy.deliver({ type: 'pair', token: FORGED });
    decoy.deliver({ type: 'pair', token: TOKEN });
    cs.link.screen(GRACE);
    expect(decoy.disconnected).toBe(true);
    expect(decoy.sent).toEqual([]);
  });

  it('refuses what is not a pairing offer, and ports from anyone but this extension', () => {
    const cs = contentScript();
    cs.link.screen(ADA);
    for (const offer of [null, 'pair', { type: 'pair' }, { type: 'screen', token: TOKEN }]) {
      const port = fakePort(FRAME_PORT, EXTENSION);
      cs.connect(port);
      port.deliver(offer);
      expect(port.disconnected).toBe(true);
      expect(port.sent).toEqual([]);
    }
    const stranger = fakePort(FRAME_PORT, 'another-extension');
    cs.connect(stranger);
    stranger.deliver({ type: 'pair', token: TOKEN });
    expect(stranger.sent).toEqual([]);
    expect(stranger.disconnected).toBe(true);
  });

  it('a newer port of the frame (after it reloaded) replaces the old one; the end closes it', () => {
    const cs = contentScript();
    cs.link.screen(ADA);
    const first = fakePort(FRAME_PORT, EXTENSION);
    cs.connect(first);
    first.deliver({ type: 'pair', token: TOKEN });
    const second = fakePort(FRAME_PORT, EXTENSION);
    cs.connect(second);
    second.deliver({ type: 'pair', token: TOKEN });
    expect(first.disconnected).toBe(true);
    cs.owner.end();
    expect(second.disconnected).toBe(true);
    expect(cs.listening()).toBe(false);
  });

  it('the frame offers each token on a port of its own, to the top frame of its tab', async () => {
    const ports: {
      tab: number;
      name: string;
      frameId: number;
      port: ReturnType<typeof fakePort>;
    }[] = [];
    const heard: ToFrameMessage[] = [];
    const lifetime = new AbortController();
    const link = linkToPage(
      lifetime.signal,
      Promise.resolve(7),
      (tab, name, frameId) => {
        const port = fakePort(name);
        ports.push({ tab, name, frameId, port });
        return port;
      },
      (m) => heard.push(m),
    );
    link.offer(FORGED);
    link.offer(TOKEN);
    await Promise.resolve();
    await Promise.resolve();
    expect(ports.map((p) => [p.tab, p.name, p.frameId, p.port.sent])).toEqual([
      [7, FRAME_PORT, 0, [{ type: 'pair', token: FORGED }]],
      [7, FRAME_PORT, 0, [{ type: 'pair', token: TOKEN }]],
    ]);
    expect(link.linked).toBe(false);
    // What the content script says is checked again: a forged screen is dropped.
    ports[1]!.port.deliver({
      type: 'screen',
      site: 'gmail',
      screen: { kind: 'people', people: [] },
    });
    expect(link.linked).toBe(false);
    ports[1]!.port.deliver({ type: 'screen', site: 'gmail', screen: ADA });
    expect(link.linked).toBe(true);
    expect(heard).toEqual([{ type: 'screen', site: 'gmail', screen: ADA }]);
    ports[1]!.port.close();
    expect(link.linked).toBe(false);
    lifetime.abort();
    expect(ports[0]!.port.disconnected).toBe(true);
  });
});
