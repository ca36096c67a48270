// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { composeSendButton, composeSubject, composeWindows } from '../../lib/hosts/gmail';

const PAGES = path.resolve(__dirname, 'pages/gmail');

function page(name: string, url: string): Document {
  return new JSDOM(readFileSync(path.join(PAGES, name), 'utf8'), { url }).window.document;
}

describe('Gmail reader: the compose Send button and subject (after-send prompt)', () => {
  const doc = page(
    'compose-send-toolbar.html',
    'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmbfTfVnPbVvVvRwPbJq',
  );
  const windows = composeWindows(doc);

  it('finds each compose window: the inline reply and the floating new message', () => {
    expect(windows.map((w) => w.id)).toEqual(['inline-reply', 'window-new']);
  });

  it('finds Send in each, not the "more send options" arrow, whatever the UI language', () => {
    expect(windows.map((w) => composeSendButton(w)?.id)).toEqual(['reply-send', 'compose-send']);
  });

  it('reads a new message subject from its field, and a reply subject from its form', () => {
    expect(composeSubject(windows[1]!)).toBe('Proposal for Q3 & beyond');
    expect(composeSubject(windows[0]!)).toBe('Re: Shipment & invoice #42');
  });

  it('finds no Send button in the older compose pages without a toolbar, and says nothing', () => {
    const older = page(
      'compose-floating-chips.html',
      'https://mail.google.com/mail/u/0/#inbox?compose=CllgCJvkXQdFMfcgzQXJWDsKmxVb',
    );
    const roots = composeWindows(older);
    expect(roots.length).toBeGreaterThan(0);
    expect(roots.map((r) => composeSendButton(r))).toEqual(roots.map(() => null));
    expect(composeSubject(roots[0]!)).toBe('Proposal');
  });
});
