// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { watchPage } from '../../lib/page/page-watcher';
import { fakeOwner } from '../support/panel-owner';

function person(email: string): HTMLElement {
  const span = document.createElement('span');
  span.id = 'who';
  span.setAttribute('email', email);
  return span;
}

// The fake owner's animation frame is a 16 ms timer.
const settle = () => new Promise((resolve) => setTimeout(resolve, 60));

describe('page watcher', () => {
  function setup() {
    const app = document.createElement('div');
    app.id = 'app';
    app.append(person('ada@example.com'));
    document.body.replaceChildren(app);
    const owner = fakeOwner();
    const changes: string[] = [];
    let reads = 0;
    watchPage({
      owner,
      doc: document,
      attributes: ['email'],
      read: () => {
        reads += 1;
        return document.querySelector('#who')?.getAttribute('email') ?? 'nobody';
      },
      keyOf: (who) => who,
      onChange: (who) => changes.push(who),
    });
    return { owner, changes, reads: () => reads };
  }

  it('reports what is on screen at once', () => {
    const { changes, owner } = setup();
    expect(changes).toEqual(['ada@example.com']);
    owner.invalidate();
  });

  it('reads once after a burst of mutations and reports only a real change', async () => {
    const { changes, reads, owner } = setup();
    const before = reads();
    for (let i = 0; i < 50; i++)
      document.querySelector('#app')!.append(document.createElement('i'));
    await settle();
    expect(reads() - before).toBe(1);
    expect(changes).toEqual(['ada@example.com']);

    document.querySelector('#who')!.setAttribute('email', 'grace@navy.mil');
    await settle();
    expect(changes).toEqual(['ada@example.com', 'grace@navy.mil']);
    owner.invalidate();
  });

  /** A watcher whose reader reads only the hash: Gmail names the open thread there. */
  function watchHash() {
    history.replaceState(null, '', '#inbox');
    const owner = fakeOwner();
    const seen: string[] = [];
    watchPage({
      owner,
      doc: document,
      attributes: [],
      read: () => location.hash,
      keyOf: (hash) => hash,
      onChange: (hash) => seen.push(hash),
    });
    return { owner, seen };
  }

  it('reads a change after a quiet frame at once, not a frame later', async () => {
    const { changes, owner } = setup();
    await settle();
    document.querySelector('#who')!.setAttribute('email', 'grace@navy.mil');
    // The mutation observer's callback, then the read: microtasks, no timer.
    await Promise.resolve();
    await Promise.resolve();
    expect(changes).toEqual(['ada@example.com', 'grace@navy.mil']);
    owner.invalidate();
  });

  it('reads changes right after a read on the next frame only, once for them all', async () => {
    const { changes, reads, owner } = setup();
    await settle();
    document.querySelector('#who')!.setAttribute('email', 'grace@navy.mil');
    await Promise.resolve();
    await Promise.resolve();
    const afterFirst = reads();
    document.querySelector('#who')!.setAttribute('email', 'alan@example.com');
    await Promise.resolve();
    document.querySelector('#who')!.setAttribute('email', 'edsger@example.com');
    await Promise.resolve();
    await Promise.resolve();
    expect(reads()).toBe(afterFirst);
    expect(changes.at(-1)).toBe('grace@navy.mil');
    await settle();
    expect(reads()).toBe(afterFirst + 1);
    expect(changes).toEqual(['ada@example.com', 'grace@navy.mil', 'edsger@example.com']);
    owner.invalidate();
  });

  it('reads an address change after the address has changed', async () => {
    const { owner, seen } = watchHash();
    await settle();
    // WXT's location event fires from the Navigation API's `navigate`, before the address
    // changes; a read inside that event would see the old one and then wait a frame.
    window.dispatchEvent(new Event('wxt:locationchange'));
    history.replaceState(null, '', '#inbox/FMfcgzQXJWDsKmTHqGvNbDqjLtZ');
    await Promise.resolve();
    expect(seen).toEqual(['#inbox', '#inbox/FMfcgzQXJWDsKmTHqGvNbDqjLtZ']);
    owner.invalidate();
  });

  it('follows hash changes: a new thread in the hash is read with no DOM change at all', async () => {
    const { owner, seen } = watchHash();
    expect(seen).toEqual(['#inbox']);

    const fired = new Promise((resolve) =>
      window.addEventListener('hashchange', resolve, { once: true }),
    );
    location.hash = '#inbox/FMfcgzQXJWDsKmTHqGvNbDqjLtZ';
    await fired;
    await settle();
    expect(seen).toEqual(['#inbox', '#inbox/FMfcgzQXJWDsKmTHqGvNbDqjLtZ']);
    owner.invalidate();
  });

  it('stops when invalidated: neither a mutation nor a hash change is read after', async () => {
    const { changes, owner, reads } = setup();
    document.querySelector('#who')!.remove();
    await settle();
    expect(changes.at(-1)).toBe('nobody');
    owner.invalidate();
    const before = reads();
    document.body.replaceChildren(person('eve@example.com'));
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await settle();
    expect(changes.at(-1)).toBe('nobody');
    expect(reads()).toBe(before);
  });
});
