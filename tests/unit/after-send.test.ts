// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SendReader } from '../../lib/hosts/site';
import type { Person, Sent } from '../../lib/messages';
import { AFTER_SEND_MS, createAfterSend } from '../../lib/panel/after-send';
import { SEND_CLOSE_MS, watchSends } from '../../lib/page/send-watch';
import { fakeOwner } from '../support/panel-owner';

const ADA: Person = {
  identity: { kind: 'email', value: 'ada@example.com' },
  key: 'email:ada@example.com',
  name: 'Ada Lovelace',
};
const GRACE: Person = {
  identity: { kind: 'email', value: 'grace@navy.mil' },
  key: 'email:grace@navy.mil',
};
const PAGE = 'https://mail.google.com/mail/u/1/#inbox/FMfcgzQXJWDsKmbfTfVnPbVvVvRwPbJq';

describe('send watcher: a trusted Send press, then the window closing', () => {
  let clock = 1_000;
  function setup(trusted = true) {
    const win = document.createElement('div');
    win.id = 'win';
    const send = document.createElement('button');
    send.id = 'send';
    const body = document.createElement('div');
    body.id = 'body';
    win.append(send, body);
    document.body.replaceChildren(win);
    const reader: SendReader = {
      windowOf: (target, key) =>
        key === 'send-shortcut' ? target.closest('#win') : target.closest('#send') && win,
      read: () => ({ people: [ADA], subject: 'Proposal' }),
      isOpen: (w) => w.isConnected,
    };
    const sent: Sent[] = [];
    const owner = fakeOwner();
    const check = watchSends({
      owner,
      doc: document,
      reader,
      pageUrl: () => PAGE,
      onSent: (s) => sent.push(s),
      now: () => clock,
      trusted: () => trusted,
    });
    return { win, sent, check, owner };
  }

  it('says once who the message went to, with its subject and page, after the window closed', () => {
    const { win, sent, check } = setup();
    document.getElementById('send')!.click();
    check();
    expect(sent).toEqual([]);
    win.remove();
    check();
    check();
    expect(sent).toEqual([{ people: [ADA], subject: 'Proposal', pageUrl: PAGE }]);
  });

  it('Ctrl+Enter in the window counts as a press; plain typing does not', () => {
    const { win, sent, check } = setup();
    const body = document.getElementById('body')!;
    body.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    win.remove();
    check();
    expect(sent).toEqual([]);
    document.body.append(win);
    body.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }),
    );
    win.remove();
    check();
    expect(sent).toHaveLength(1);
  });

  it('a window closed without Send (discarded) says nothing; nor does Send on a window that stays', () => {
    const { win, sent, check } = setup();
    win.remove();
    check();
    expect(sent).toEqual([]);
    document.body.append(win);
    document.getElementById('send')!.click();
    clock += SEND_CLOSE_MS + 1;
    check();
    win.remove();
    check();
    expect(sent).toEqual([]);
  });

  it('ignores events the browser did not make: a page script forging a click on Send', () => {
    const { win, sent, check } = setup(false);
    document.getElementById('send')!.click();
    win.remove();
    check();
    expect(sent).toEqual([]);
  });
});

describe('after-send prompt: offered for two minutes, owned by the frame', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('names the first recipient, counts the others, carries subject and page', () => {
    const part = createAfterSend({ signal: new AbortController().signal, now: () => 5 });
    part.offer('gmail', { people: [ADA, GRACE], subject: 'Proposal', pageUrl: PAGE });
    expect(part.store.getState().prompt).toEqual({
      id: 1,
      site: 'gmail',
      person: ADA,
      others: 1,
      subject: 'Proposal',
      pageUrl: PAGE,
      until: 5 + AFTER_SEND_MS,
    });
  });

  it('goes away by itself after two minutes, and when ended', () => {
    const part = createAfterSend({ signal: new AbortController().signal });
    part.offer('gmail', { people: [ADA], subject: 'a' });
    vi.advanceTimersByTime(AFTER_SEND_MS - 1);
    expect(part.store.getState().prompt).not.toBeNull();
    vi.advanceTimersByTime(1);
    expect(part.store.getState().prompt).toBeNull();

    part.offer('gmail', { people: [ADA], subject: 'b' });
    part.end(part.store.getState().prompt!.id);
    expect(part.store.getState().prompt).toBeNull();
  });

  it("a newer send replaces the prompt; the older one's timer never ends the newer", () => {
    const part = createAfterSend({ signal: new AbortController().signal });
    part.offer('gmail', { people: [ADA], subject: 'first' });
    vi.advanceTimersByTime(AFTER_SEND_MS / 2);
    part.offer('gmail', { people: [GRACE], subject: 'second' });
    vi.advanceTimersByTime(AFTER_SEND_MS / 2 + 1);
    expect(part.store.getState().prompt?.subject).toBe('second');
    part.end(1);
    expect(part.store.getState().prompt?.subject).toBe('second');
  });

  it('leaves no timer behind once the frame is gone', () => {
    const controller = new AbortController();
    const part = createAfterSend({ signal: controller.signal });
    part.offer('gmail', { people: [ADA], subject: 'a' });
    controller.abort();
    expect(vi.getTimerCount()).toBe(0);
    part.offer('gmail', { people: [ADA], subject: 'b' });
    expect(vi.getTimerCount()).toBe(0);
  });
});
