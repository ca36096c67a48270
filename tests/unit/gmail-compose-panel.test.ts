// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
  activeComposeRoot,
  composeOf,
  composeOfSendButton,
  composePanelAnchor,
  readCompose,
} from '../../lib/hosts/gmail';
import { GMAIL_HOST } from '../../lib/hosts/gmail-site';

// Hand-built pages (tests/unit/pages/gmail); each one's header comment lists the facts it holds.
const PAGES = path.resolve(__dirname, 'pages/gmail');
const THREAD_URL = 'https://mail.google.com/mail/u/1/#inbox/FMfcgzQXJWDsKmbfTfVnPbVvVvRwPbJq';
const COMPOSE_URL = 'https://mail.google.com/mail/u/0/#inbox?compose=CllgCJvkXQdFMfcgzQXJWDsKmxVb';

function page(name: string, url: string): Document {
  return new JSDOM(readFileSync(path.join(PAGES, name), 'utf8'), { url }).window.document;
}

/** A To field with recipient chips, as Gmail has held them since October 2021. */
function toField(doc: Document, people: { email: string; name: string }[]): Element {
  const field = doc.createElement('div');
  field.setAttribute('name', 'to');
  for (const p of people) {
    const chip = doc.createElement('div');
    chip.setAttribute('role', 'option');
    chip.setAttribute('data-hovercard-id', p.email);
    chip.setAttribute('data-name', p.name);
    field.append(chip);
  }
  return field;
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

  it('the host reading says the rep is writing, gives the page address and the compose place', () => {
    const doc = page('compose-send-toolbar.html', THREAD_URL);
    const reply = byId(doc, 'inline-reply');
    const form = reply.querySelector('form')!;
    form.prepend(toField(doc, [{ email: 'ada@example.com', name: 'Ada Lovelace' }]));
    // Two windows are open and the floating one (the last) has no recipient yet: the reply is
    // the active one once it holds the focus.
    (byId(doc, 'reply-send') as HTMLElement).focus();
    const reading = GMAIL_HOST.read(doc, THREAD_URL);
    expect(reading.screen).toEqual({
      kind: 'people',
      people: [
        {
          identity: { kind: 'email', value: 'ada@example.com' },
          key: 'email:ada@example.com',
          name: 'Ada Lovelace',
        },
      ],
      composing: true,
      pageUrl: THREAD_URL,
    });
    expect(reading.place).toEqual({
      anchor: reply.querySelector('table.IZ'),
      where: 'before',
    });
  });

  it('a thread reading is not composing and carries its address', () => {
    const doc = page('thread-full-page-2023.html', THREAD_URL);
    const { screen } = GMAIL_HOST.read(doc, THREAD_URL);
    expect(screen.kind).toBe('people');
    if (screen.kind !== 'people') return;
    expect(screen.composing).toBeUndefined();
    expect(screen.pageUrl).toBe(THREAD_URL);
  });
});

describe('Gmail compose: what a Send press reads', () => {
  const doc = page('compose-send-toolbar.html', THREAD_URL);

  it('a press inside Send names its window; the "more send options" arrow names none', () => {
    const send = byId(doc, 'compose-send');
    expect(composeOfSendButton(send)?.id).toBe('window-new');
    const arrow = send.parentElement!.querySelector('[aria-haspopup]')!;
    expect(composeOfSendButton(arrow)).toBeNull();
    expect(composeOfSendButton(doc.querySelector('[aria-label="Formatting options"]')!)).toBeNull();
    expect(composeOfSendButton(doc.body)).toBeNull();
  });

  it('the send shortcut names the window the keys were pressed in', () => {
    const body = byId(doc, 'window-new').querySelector('[role=textbox]')!;
    expect(composeOf(body)?.id).toBe('window-new');
    expect(composeOf(doc.querySelector('h2')!)).toBeNull();
  });

  it('reads recipients and subject of the window; a reply subject from its form', () => {
    const reply = byId(doc, 'inline-reply');
    expect(readCompose(reply)).toEqual({ recipients: [], subject: 'Re: Shipment & invoice #42' });
  });

  it('the host send reader gives people and subject, or nothing without a recipient', () => {
    const sends = GMAIL_HOST.sends!;
    const win = byId(doc, 'window-new');
    expect(sends.read(win)).toBeNull();
    win.querySelector('form')!.prepend(
      toField(doc, [
        { email: 'Grace@Navy.mil', name: 'Grace Hopper' },
        { email: 'ben@example.com', name: 'Ben' },
      ]),
    );
    expect(sends.read(win)).toEqual({
      people: [
        {
          identity: { kind: 'email', value: 'grace@navy.mil' },
          key: 'email:grace@navy.mil',
          name: 'Grace Hopper',
        },
      ],
      subject: 'Proposal for Q3 & beyond',
    });
    expect(sends.windowOf(byId(doc, 'compose-send'), 'press')).toBe(win);
  });
});
