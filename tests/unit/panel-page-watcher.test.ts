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

  it('follows hash changes and stops when invalidated', async () => {
    const { changes, owner } = setup();
    document.querySelector('#who')!.remove();
    await settle();
    expect(changes.at(-1)).toBe('nobody');
    owner.invalidate();
    document.body.replaceChildren(person('eve@example.com'));
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await settle();
    expect(changes.at(-1)).toBe('nobody');
  });
});
