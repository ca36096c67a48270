import type { Browser } from 'wxt/browser';
import { describe, expect, it } from 'vitest';
import { senderRole } from '../../lib/background/sender';
import { PAGE_PORT, PANEL_PORT } from '../../lib/messages';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const tab = { id: 7, index: 0 } as Browser.tabs.Tab;
const GMAIL = 'https://mail.google.com/mail/u/0/#inbox';

const role = (name: string, sender: Browser.runtime.MessageSender) =>
  senderRole(name, sender, ID, ORIGIN);

describe('senderRole: who is at the other end of a port, as the browser says', () => {
  it('a content script: this extension, a Gmail or LinkedIn tab, the top frame', () => {
    expect(role(PAGE_PORT, { id: ID, url: GMAIL, tab, frameId: 0 })).toEqual({
      role: 'page',
      tabId: 7,
      site: 'gmail',
    });
    expect(
      role(PAGE_PORT, { id: ID, url: 'https://www.linkedin.com/in/ada/', tab, frameId: 0 }),
    ).toMatchObject({ role: 'page', site: 'linkedin' });
  });

  it('the panel: this extension’s panel page, framed in a tab', () => {
    const url = `${ORIGIN}panel.html`;
    expect(role(PANEL_PORT, { id: ID, url, tab, frameId: 3 })).toEqual({ role: 'panel', tabId: 7 });
  });

  it('refuses a page port from a sub-frame, another site, look-alike hosts or an extension page', () => {
    for (const url of [
      'https://example.com/',
      'https://mail.google.com.evil.example/',
      'http://mail.google.com/mail/u/0/',
      'https://linkedin.com/in/someone',
      `${ORIGIN}panel.html`,
      `${ORIGIN}dashboard.html`,
      'not a url',
    ]) {
      expect(role(PAGE_PORT, { id: ID, url, tab, frameId: 0 }), url).toBeNull();
    }
    expect(role(PAGE_PORT, { id: ID, url: GMAIL, tab, frameId: 2 })).toBeNull();
    expect(role(PAGE_PORT, { id: ID, url: GMAIL, frameId: 0 })).toBeNull();
  });

  it('refuses a panel port from a content script, another page, a top-level tab or no tab', () => {
    expect(role(PANEL_PORT, { id: ID, url: GMAIL, tab, frameId: 0 })).toBeNull();
    expect(role(PANEL_PORT, { id: ID, url: GMAIL, tab, frameId: 3 })).toBeNull();
    expect(
      role(PANEL_PORT, { id: ID, url: `${ORIGIN}dashboard.html`, tab, frameId: 3 }),
    ).toBeNull();
    expect(role(PANEL_PORT, { id: ID, url: `${ORIGIN}panel.html`, tab, frameId: 0 })).toBeNull();
    expect(role(PANEL_PORT, { id: ID, url: `${ORIGIN}panel.html`, frameId: 3 })).toBeNull();
  });

  it('refuses other extensions, unknown port names and missing senders', () => {
    const other = 'ponmlkjihgfedcbaponmlkjihgfedcba';
    expect(role(PAGE_PORT, { id: other, url: GMAIL, tab, frameId: 0 })).toBeNull();
    expect(
      role(PANEL_PORT, {
        id: other,
        url: `chrome-extension://${other}/panel.html`,
        tab,
        frameId: 3,
      }),
    ).toBeNull();
    expect(role('li-live', { id: ID, url: GMAIL, tab, frameId: 0 })).toBeNull();
    expect(senderRole(PAGE_PORT, undefined, ID, ORIGIN)).toBeNull();
  });
});
