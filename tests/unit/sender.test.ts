import type { Browser } from 'wxt/browser';
import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../lib/background/sender';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const tab = { id: 7, index: 0 } as Browser.tabs.Tab;

const trusted = (sender: Browser.runtime.MessageSender) => isTrustedSender(sender, ID, ORIGIN);

describe('isTrustedSender', () => {
  it('accepts this extension’s own pages, with or without a tab', () => {
    expect(trusted({ id: ID, url: `${ORIGIN}dashboard.html` })).toBe(true);
    expect(trusted({ id: ID, url: `${ORIGIN}popup.html#today` })).toBe(true);
    // An extension page framed inside Gmail (an iframe panel) reports Gmail's tab.
    expect(trusted({ id: ID, url: `${ORIGIN}panel.html`, tab })).toBe(true);
  });

  it('accepts its content scripts on Gmail and LinkedIn tabs', () => {
    expect(trusted({ id: ID, url: 'https://mail.google.com/mail/u/0/#inbox', tab })).toBe(true);
    expect(trusted({ id: ID, url: 'https://www.linkedin.com/in/robertkcheung/', tab })).toBe(true);
    expect(trusted({ id: ID, url: 'https://www.linkedin.com/messaging/thread/1/', tab })).toBe(
      true,
    );
  });

  it('refuses other extensions, even from a trusted-looking page', () => {
    const other = 'ponmlkjihgfedcbaponmlkjihgfedcba';
    expect(trusted({ id: other, url: `chrome-extension://${other}/x.html` })).toBe(false);
    expect(trusted({ id: other, url: `${ORIGIN}dashboard.html` })).toBe(false);
    expect(trusted({ id: other, url: 'https://mail.google.com/mail/u/0/', tab })).toBe(false);
    expect(trusted({ url: `${ORIGIN}dashboard.html` })).toBe(false);
  });

  it('refuses content scripts on other sites and look-alike hosts', () => {
    for (const url of [
      'https://example.com/',
      'https://mail.google.com.evil.example/',
      'https://evil.example/?https://mail.google.com/',
      'https://linkedin.com/in/someone',
      'https://google.com/mail',
      'http://mail.google.com/mail/u/0/',
      'not a url',
    ]) {
      expect(trusted({ id: ID, url, tab }), url).toBe(false);
    }
    expect(trusted({ id: ID, tab })).toBe(false);
  });

  it('refuses senders without a tab that are not extension pages', () => {
    expect(trusted({ id: ID, url: 'https://mail.google.com/mail/u/0/' })).toBe(false);
    expect(trusted({ id: ID, url: 'https://www.linkedin.com/feed/' })).toBe(false);
    expect(trusted({ id: ID })).toBe(false);
  });
});
