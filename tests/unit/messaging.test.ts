import { describe, expect, it } from 'vitest';
import { createPanelBroker, MAX_TOKENS } from '../../lib/background/panel-broker';
import { MAY_SEND, PAGE_PORT, PANEL_PORT, type Screen } from '../../lib/messaging';
import { fakePort } from '../support/fake-port';

const TOKEN = '6f1c2f8e-3b7a-4d2b-9c1e-0a5b6c7d8e9f';
const OTHER_TOKEN = '11111111-2222-4333-8444-555555555555';
const ADA: Screen = {
  kind: 'people',
  people: [
    {
      identity: { kind: 'email', value: 'ada@example.com' },
      key: 'email:ada@example.com',
      name: 'Ada Lovelace',
    },
  ],
};

function setup() {
  const refused: { role: string; type: string }[] = [];
  const broker = createPanelBroker((r) => refused.push(r));
  const page = fakePort();
  const panel = fakePort();
  broker.connect(page, { role: 'page', tabId: 7, site: 'gmail' });
  broker.connect(panel, { role: 'panel', tabId: 7 });
  return { broker, page, panel, refused };
}

describe('what each sender may ask: the broker checks every message against its port', () => {
  it('the table names exactly these messages per port', () => {
    expect(MAY_SEND).toEqual({
      [PAGE_PORT]: ['frame', 'screen', 'sent'],
      [PANEL_PORT]: ['pair', 'layout'],
    });
  });

  it('a send the content script saw goes once to the paired frame, and is kept nowhere', () => {
    const { page, panel } = setup();
    page.deliver({ type: 'frame', token: TOKEN });
    const sent = {
      people: ADA.kind === 'people' ? ADA.people : [],
      subject: 'Proposal',
      pageUrl: 'https://mail.google.com/mail/u/1/#inbox/FMfcgzQXJWDsKmbfTfVnPbVvVvRwPbJq',
    };
    page.deliver({ type: 'sent', sent });
    expect(panel.sent).toEqual([]);
    panel.deliver({ type: 'pair', token: TOKEN });
    // Paired after the send: the frame hears who is on screen, not an old send.
    expect(panel.sent).toEqual([]);
    page.deliver({ type: 'sent', sent });
    expect(panel.sent).toEqual([{ type: 'sent', site: 'gmail', sent }]);
  });

  it('refuses a forged send: from the frame, nobody named, a page address that is no https', () => {
    const { page, panel, refused } = setup();
    page.deliver({ type: 'frame', token: TOKEN });
    panel.deliver({ type: 'pair', token: TOKEN });
    const people = ADA.kind === 'people' ? ADA.people : [];
    panel.deliver({ type: 'sent', sent: { people, subject: 'x' } });
    page.deliver({ type: 'sent', sent: { people: [], subject: 'x' } });
    page.deliver({ type: 'sent', sent: { people, subject: 'x', pageUrl: 'javascript:alert(1)' } });
    page.deliver({ type: 'sent', sent: { people, subject: 'x'.repeat(501) } });
    expect(refused).toEqual([
      { role: 'panel', type: 'sent' },
      { role: 'page', type: 'sent' },
      { role: 'page', type: 'sent' },
      { role: 'page', type: 'sent' },
    ]);
    expect(panel.sent).toEqual([]);
  });

  it('who is on screen carries whether the rep is writing and the page address, checked', () => {
    const { page, panel, refused } = setup();
    page.deliver({ type: 'frame', token: TOKEN });
    panel.deliver({ type: 'pair', token: TOKEN });
    const people = ADA.kind === 'people' ? ADA.people : [];
    const pageUrl = 'https://mail.google.com/mail/u/2/#inbox/FMfcgzQXJWDsKmbfTfVnPbVvVvRwPbJq';
    page.deliver({ type: 'screen', screen: { kind: 'people', people, composing: true, pageUrl } });
    page.deliver({
      type: 'screen',
      screen: { kind: 'people', people, pageUrl: 'data:text/html,<b>x</b>' },
    });
    expect(panel.sent).toEqual([
      {
        type: 'screen',
        site: 'gmail',
        screen: { kind: 'people', people, composing: true, pageUrl },
      },
    ]);
    expect(refused).toEqual([{ role: 'page', type: 'screen' }]);
  });

  it('a content script says who is on screen; only the frame holding its token hears it', () => {
    const { broker, page, panel } = setup();
    const decoy = fakePort();
    broker.connect(decoy, { role: 'panel', tabId: 7 });
    page.deliver({ type: 'frame', token: TOKEN });
    page.deliver({ type: 'screen', screen: ADA });
    decoy.deliver({ type: 'pair', token: OTHER_TOKEN });
    expect(panel.sent).toEqual([]);
    panel.deliver({ type: 'pair', token: TOKEN });
    expect(panel.sent).toEqual([{ type: 'screen', site: 'gmail', screen: ADA }]);
    expect(decoy.sent).toEqual([]);
  });

  it('a frame in another tab never hears this tab, even with the right token', () => {
    const { broker, page } = setup();
    const elsewhere = fakePort();
    broker.connect(elsewhere, { role: 'panel', tabId: 8 });
    page.deliver({ type: 'frame', token: TOKEN });
    page.deliver({ type: 'screen', screen: ADA });
    elsewhere.deliver({ type: 'pair', token: TOKEN });
    expect(elsewhere.sent).toEqual([]);
  });

  it('the paired frame says its layout; the content script hears that and nothing else', () => {
    const { page, panel } = setup();
    page.deliver({ type: 'frame', token: TOKEN });
    panel.deliver({ type: 'pair', token: TOKEN });
    panel.deliver({ type: 'layout', layout: { inline: 58, total: 320 } });
    expect(page.sent).toEqual([{ type: 'layout', layout: { inline: 58, total: 320 } }]);
  });

  it('refuses layout from the content script (the wrong place)', () => {
    const { page, panel, refused } = setup();
    page.deliver({ type: 'layout', layout: { inline: 58, total: 58 } });
    expect(refused).toEqual([{ role: 'page', type: 'layout' }]);
    expect(panel.sent).toEqual([]);
  });

  it('refuses a pairing token from the content script (the wrong place)', () => {
    const { page, refused } = setup();
    page.deliver({ type: 'pair', token: TOKEN });
    expect(refused).toEqual([{ role: 'page', type: 'pair' }]);
  });

  it('refuses who-is-on-screen from the frame (the wrong place)', () => {
    const { page, panel, refused } = setup();
    page.deliver({ type: 'frame', token: TOKEN });
    panel.deliver({ type: 'pair', token: TOKEN });
    panel.deliver({ type: 'screen', screen: ADA });
    panel.deliver({ type: 'frame', token: TOKEN });
    expect(refused).toEqual([
      { role: 'panel', type: 'screen' },
      { role: 'panel', type: 'frame' },
    ]);
    expect(panel.sent).toEqual([]);
  });

  it('refuses every old data request from either port: a content script reads and changes no contact', () => {
    const { page, panel, refused } = setup();
    const requests = [
      { type: 'contact.get', identity: { kind: 'email', value: 'ada@example.com' } },
      { type: 'touch.log', input: { channel: 'email', outcome: 'negative', source: 'gmail' } },
      { type: 'touch.undo', touchId: TOKEN },
      { type: 'contact.search', query: 'a' },
      { type: 'contact.link', contactId: TOKEN, identity: { kind: 'linkedin', value: '/in/x' } },
      { type: 'contact.add', fields: { name: 'Mallory', emails: [], linkedin: [] } },
      { type: 'nudge.snooze', contactId: TOKEN, until: 0 },
      { type: 'watch', identities: [] },
    ];
    for (const r of requests) page.deliver(r);
    for (const r of requests) panel.deliver(r);
    expect(refused).toHaveLength(requests.length * 2);
    expect(page.sent).toEqual([]);
    expect(panel.sent).toEqual([]);
  });

  it('refuses a forged screen: bad identities, too many people, not plain data', () => {
    const { page, panel, refused } = setup();
    page.deliver({ type: 'frame', token: TOKEN });
    panel.deliver({ type: 'pair', token: TOKEN });
    const person = (value: string) => ({ identity: { kind: 'email', value }, key: 'x' });
    page.deliver({ type: 'screen', screen: { kind: 'people', people: [person('nope')] } });
    page.deliver({
      type: 'screen',
      screen: {
        kind: 'people',
        people: Array.from({ length: 21 }, (_, i) => person(`a${i}@x.io`)),
      },
    });
    page.deliver({ type: 'screen', screen: 'people' });
    page.deliver({ type: 'frame', token: 'not-a-uuid' });
    expect(refused).toHaveLength(4);
    expect(panel.sent).toEqual([]);
  });

  it('the key the frame is given is recomputed from the identity, never taken from the page', () => {
    const { page, panel } = setup();
    page.deliver({ type: 'frame', token: TOKEN });
    panel.deliver({ type: 'pair', token: TOKEN });
    page.deliver({
      type: 'screen',
      screen: {
        kind: 'people',
        people: [
          { identity: { kind: 'email', value: 'Ada@Example.com' }, key: 'email:victim@x.io' },
        ],
      },
    });
    expect(panel.sent).toEqual([
      {
        type: 'screen',
        site: 'gmail',
        screen: {
          kind: 'people',
          people: [
            { identity: { kind: 'email', value: 'ada@example.com' }, key: 'email:ada@example.com' },
          ],
        },
      },
    ]);
  });

  it('a frame may offer a few tokens (the page can post forged ones first), not endless guesses', () => {
    const { page, panel, refused } = setup();
    page.deliver({ type: 'frame', token: TOKEN });
    page.deliver({ type: 'screen', screen: ADA });
    for (let i = 0; i < MAX_TOKENS; i++) {
      panel.deliver({
        type: 'pair',
        token: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      });
    }
    panel.deliver({ type: 'pair', token: TOKEN });
    expect(panel.sent).toEqual([]);
    expect(refused).toEqual([{ role: 'panel', type: 'pair' }]);
  });

  it('a shortcut log goes to the paired frame only, and nowhere when there is none', () => {
    const { broker, page, panel } = setup();
    expect(broker.toPanel(7, { type: 'log', outcome: 'positive' })).toBe(false);
    page.deliver({ type: 'frame', token: TOKEN });
    panel.deliver({ type: 'pair', token: TOKEN });
    expect(broker.toPanel(7, { type: 'log', outcome: 'positive' })).toBe(true);
    expect(panel.sent).toEqual([{ type: 'log', outcome: 'positive' }]);
    page.close();
    expect(broker.toPanel(7, { type: 'log', outcome: 'neutral' })).toBe(false);
  });

  it('a restarted content script takes over the tab with a new token; the old frame goes quiet', () => {
    const { broker, page, panel } = setup();
    page.deliver({ type: 'frame', token: TOKEN });
    panel.deliver({ type: 'pair', token: TOKEN });
    const next = fakePort();
    broker.connect(next, { role: 'page', tabId: 7, site: 'gmail' });
    expect(page.disconnected).toBe(true);
    next.deliver({ type: 'frame', token: OTHER_TOKEN });
    next.deliver({ type: 'screen', screen: ADA });
    expect(panel.sent).toEqual([]);
  });
});
