// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { activeComposeRoot, composePanelAnchor } from '../../lib/hosts/gmail';

// Hand-built pages (tests/unit/pages/gmail); each one's header comment lists the facts it holds.
const PAGES = path.resolve(__dirname, 'pages/gmail');
const THREAD_URL = 'https://mail.google.com/mail/u/1/#inbox/FMfcgzQXJWDsKmbfTfVnPbVvVvRwPbJq';
const COMPOSE_URL = 'https://mail.google.com/mail/u/0/#inbox?compose=CllgCJvkXQdFMfcgzQXJWDsKmxVb';

function page(name: string, url: string): Document {
  return new JSDOM(readFileSync(path.join(PAGES, name), 'utf8'), { url }).window.document;
}

function byId(doc: Document, id: string): Element {
  const el = doc.getElementById(id);
  if (!el) throw new Error(`page changed: no #${id}`);
  return el;
}

describe('Gmail compose: where the panel goes', () => {
  it('right above the bottom bar table (tr.btC in table.IZ), never inside the table', () => {
    const doc = page('compose-send-toolbar.html', THREAD_URL);
    for (const id of ['inline-reply', 'window-new']) {
      const place = composePanelAnchor(byId(doc, id));
      expect(place?.where).toBe('before');
      expect(place?.anchor.tagName).toBe('TABLE');
      expect(place?.anchor.classList.contains('IZ')).toBe(true);
      expect(byId(doc, id).contains(place!.anchor)).toBe(true);
    }
  });

  it('a bar that is no table row is its own anchor; no bar: the end of the form', () => {
    const doc = page('compose-send-toolbar.html', THREAD_URL);
    const root = byId(doc, 'window-new');
    const bar = root.querySelector('.btC')!;
    const div = doc.createElement('div');
    div.className = 'btC';
    root.querySelector('table.IZ')!.replaceWith(div);
    expect(composePanelAnchor(root)).toEqual({ anchor: div, where: 'before' });
    div.remove();
    expect(bar.isConnected).toBe(false);
    expect(composePanelAnchor(root)).toEqual({
      anchor: root.querySelector('form'),
      where: 'append',
    });
  });

  it('several windows: the one holding the focus, else the last opened', () => {
    const doc = page('compose-floating-chips.html', COMPOSE_URL);
    expect(activeComposeRoot(doc)?.id).toBe('window-jana');
    (byId(doc, 'ivan-to-input') as HTMLInputElement).focus();
    expect(activeComposeRoot(doc)?.id).toBe('window-ivan');
  });

  it('a full-screen compose wins over a minimised window', () => {
    const doc = page('compose-full-screen.html', COMPOSE_URL);
    expect(activeComposeRoot(doc)?.matches('body > .aSs > .aSt')).toBe(true);
  });
});
