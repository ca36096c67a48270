// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { DOCKED_WINDOWS, readGmail, readSignedInUser, type GmailView } from '../../lib/hosts/gmail';
import {
  announceSkip,
  HAVE_SHARED_FIXTURES,
  SHARED_FIXTURES,
  SHARED_FIXTURES_SKIP,
} from '../support/shared-fixtures';

// Every page under pages/gmail/ is hand-built from ../shared/HOSTS.md (no public Gmail
// thread or compose page exists); each page's header comment lists the facts it reproduces.
const PAGES = path.resolve(__dirname, 'pages/gmail');

const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmxVbBvlLRPFcBvRmrkm';
const INBOX_URL = 'https://mail.google.com/mail/u/0/#inbox';
const COMPOSE_URL = 'https://mail.google.com/mail/u/0/#inbox?compose=CllgCJvkXQdFMfcgzQXJWDsKmxVb';
const USER = 'ben.carter@acme-consulting.com';

function load(file: string, url: string): Document {
  return new JSDOM(readFileSync(file, 'utf8'), { url }).window.document;
}

function page(name: string, url: string): Document {
  return load(path.join(PAGES, name), url);
}

function emails(view: GmailView): string[] {
  if (view.kind === 'thread') return view.participants.map((p) => p.email);
  if (view.kind === 'compose') return view.recipients.map((p) => p.email);
  return [];
}

announceSkip(__filename);

describe.skipIf(!HAVE_SHARED_FIXTURES)(`real saved page (${SHARED_FIXTURES_SKIP})`, () => {
  it('InboxSDK 2014 thread list: no contact although rows carry [email]; user from name="me"', () => {
    const doc = load(path.join(SHARED_FIXTURES, 'inboxsdk-gmail-inbox-negative-1.html'), INBOX_URL);
    expect(readGmail(doc, INBOX_URL)).toEqual({ kind: 'none' });
    expect(readSignedInUser(doc)).toBe('streak.web.test.1@gmail.com');
  });
});

describe('thread view', () => {
  it('full-page thread, 2023+ layout ([role=main] .g.id .a98.iY, .adn[data-message-id], td.gF span.gD, .hb span.g2)', () => {
    const doc = page('thread-full-page-2023.html', THREAD_URL);
    expect(readGmail(doc, THREAD_URL)).toEqual({
      kind: 'thread',
      threadId: '18c2f0b9a1d4e7c5',
      participants: [{ email: 'alice.moreau@northwind.example', name: 'Alice Moreau' }],
    });
  });

  it('a full-page thread container counts only when the URL names a thread (list URL: none)', () => {
    const doc = page('thread-full-page-2023.html', INBOX_URL);
    expect(readGmail(doc, INBOX_URL)).toEqual({ kind: 'none' });
  });

  it('older full-page thread (table.Bs > tr, div.adn.ads, collapsed message keeps its sender), Workspace title', () => {
    const url = 'https://mail.google.com/mail/u/0/#all/16e7d8c9b0a1f2e3';
    const expected: GmailView = {
      kind: 'thread',
      // The heading of that era has no data-legacy-thread-id: the id comes from the URL.
      threadId: '16e7d8c9b0a1f2e3',
      participants: [
        { email: 'olga.ivanova@globex.example', name: 'Olga Ivanova' },
        { email: 'peter.hall@globex.example', name: 'Peter Hall' },
      ],
    };
    const doc = page('thread-legacy-table-bs.html', url);
    expect(readSignedInUser(doc)).toBe(USER);
    // As parsed from HTML: the parser put the row in a <tbody>.
    expect(doc.querySelector('table.Bs > tbody > tr')).not.toBeNull();
    expect(readGmail(doc, url)).toEqual(expected);

    // As Gmail builds it with DOM calls: the row is the table's own child.
    const table = doc.querySelector('table.Bs');
    const tbody = table?.querySelector(':scope > tbody');
    const row = tbody?.querySelector(':scope > tr');
    if (!table || !tbody || !row) throw new Error('page changed');
    table.replaceChild(row, tbody);
    expect(doc.querySelector('table.Bs > tr')).not.toBeNull();
    expect(readGmail(doc, url)).toEqual(expected);
  });

  it('reading pane in a 2025 Workspace page: only .ao9 .a98.iY matches, URL stays #inbox', () => {
    const doc = page('reading-pane-2025-workspace.html', INBOX_URL);
    // The page reproduces the fact: the full-page paths find nothing.
    expect(doc.querySelector('[role=main] .g.id .a98.iY')).toBeNull();
    expect(doc.querySelector('table.Bs')).toBeNull();
    expect(readSignedInUser(doc)).toBe(USER);
    const view = readGmail(doc, INBOX_URL);
    expect(view).toEqual({
      kind: 'thread',
      threadId: '1965a1b2c3d4e5f6',
      participants: [{ email: 'hiro.tanaka@fabrikam.example', name: 'Hiro Tanaka' }],
    });
    expect(readGmail(doc, THREAD_URL)).toEqual(view);
  });

  it('inbox rows beside a reading pane do not leak into the participants', () => {
    const doc = page('reading-pane-rows-leak.html', THREAD_URL);
    const view = readGmail(doc, THREAD_URL);
    expect(emails(view)).toEqual(['sam.lee@umbrella.example', 'tara.singh@umbrella.example']);
    expect(readGmail(doc, INBOX_URL)).toEqual(view);
  });

  it('several participants: latest other sender first, then senders by recency, then recipients; user excluded; lower-cased', () => {
    const url = 'https://mail.google.com/mail/u/0/#search/budget/FMfcgzQXJWDsKmxVbBvlLRPFcBvRmrkm';
    const doc = page('thread-several-participants.html', url);
    expect(readGmail(doc, url)).toEqual({
      kind: 'thread',
      threadId: '18d7b3c2a1f0e9d8',
      participants: [
        { email: 'dave@fabrikam.example', name: 'Dave Okafor' },
        { email: 'carol.ng@northwind.example', name: 'Carol Ng' },
        { email: 'erin.li@contoso.example', name: 'Erin Li' },
      ],
    });
  });

  it('URL names a thread but no container matches (markup changed): unreadable', () => {
    const url = 'https://mail.google.com/mail/u/0/#label/Clients/FMfcgzQXJWDsKmxVbBvlLRPFcBvRmrkm';
    const view = readGmail(page('thread-url-no-container.html', url), url);
    expect(view.kind).toBe('unreadable');
  });

  it('a container and heading with no message that matches: unreadable, not an empty thread', () => {
    const doc = page('thread-full-page-2023.html', THREAD_URL);
    for (const message of doc.querySelectorAll('.adn')) message.className = 'zz9';
    expect(readGmail(doc, THREAD_URL).kind).toBe('unreadable');
  });
});

describe('thread list', () => {
  it.each([
    ['#inbox'],
    ['#inbox/p2'],
    ['#search/from%3Ayara'],
    ['#search/averyveryverylongqueryword'],
    ['#label/Clients'],
    ['#settings/forwardingandpop'],
  ])('rows carry [email] but no thread is open at %s: none', (hash) => {
    const url = `https://mail.google.com/mail/u/0/${hash}`;
    const doc = page('thread-list-2024.html', url);
    expect(doc.querySelectorAll('tr.zA [email]').length).toBeGreaterThan(0);
    expect(readGmail(doc, url)).toEqual({ kind: 'none' });
  });

  it.each([
    ['#inbox/FMfcgzQXJWDsKmxVbBvlLRPFcBvRmrkm'],
    ['#sent/FMfcgzQXJWDsKmxVbBvlLRPFcBvRmrkm'],
    ['#all/16e7d8c9b0a1f2e3'],
    ['#search/from%3Ayara/FMfcgzQXJWDsKmxVbBvlLRPFcBvRmrkm'],
    ['#label/Clients/FMfcgzQXJWDsKmxVbBvlLRPFcBvRmrkm'],
    ['#inbox/FMfcgzQXJWDsKmxVbBvlLRPFcBvRmrkm?compose=new'],
  ])('%s names a thread: with only the list on the page, unreadable', (hash) => {
    const url = `https://mail.google.com/mail/u/0/${hash}`;
    expect(readGmail(page('thread-list-2024.html', url), url).kind).toBe('unreadable');
  });
});

describe('compose', () => {
  it('floating windows with chips: the last opened, to then cc then bcc, user excluded, deduped', () => {
    const doc = page('compose-floating-chips.html', COMPOSE_URL);
    expect(readGmail(doc, COMPOSE_URL)).toEqual({
      kind: 'compose',
      recipients: [
        { email: 'jana.novak@globex.example', name: 'Jana Novak' },
        // The Bcc chip names Kofi; the Cc chip had an empty name.
        { email: 'kofi.mensah@initech.example', name: 'Kofi Mensah' },
        // Gmail repeats the address as the name when it knows none.
        { email: 'lena.fischer@umbrella.example' },
      ],
    });
  });

  it('floating windows: the focused window wins over the last opened', () => {
    const doc = page('compose-floating-chips.html', COMPOSE_URL);
    const input = doc.getElementById('ivan-to-input');
    if (!input) throw new Error('page changed');
    input.focus();
    expect(readGmail(doc, COMPOSE_URL)).toEqual({
      kind: 'compose',
      recipients: [{ email: 'ivan.petrov@globex.example', name: 'Ivan Petrov' }],
    });
  });

  it('older UI: hidden inputs "Name <email>", several per input, quoted comma; typed text ignored', () => {
    const url = 'https://mail.google.com/mail/u/0/#inbox?compose=new';
    expect(readGmail(page('compose-legacy-hidden-inputs.html', url), url)).toEqual({
      kind: 'compose',
      recipients: [
        { email: 'anna.smith@initech.example', name: 'Smith, Anna' },
        { email: 'bob.lee@initech.example', name: 'Bob Lee' },
        { email: 'carol@umbrella.example' },
        { email: 'dan@umbrella.example' },
      ],
    });
  });

  it('full-screen compose (body > .aSs > .aSt) wins over a minimised window; user from the account button', () => {
    const doc = page('compose-full-screen.html', COMPOSE_URL);
    expect(readSignedInUser(doc)).toBe(USER);
    expect(readGmail(doc, COMPOSE_URL)).toEqual({
      kind: 'compose',
      recipients: [{ email: 'victor.hugo@northwind.example', name: 'Victor Hugo' }],
    });
  });

  it('inline reply in a thread (.ip .M9) with recipients: compose, even though a thread is open', () => {
    const doc = page('thread-inline-reply.html', THREAD_URL);
    expect(readGmail(doc, THREAD_URL)).toEqual({
      kind: 'compose',
      recipients: [
        { email: 'mira.jensen@fabrikam.example', name: 'Mira Jensen' },
        { email: 'noah.weiss@contoso.example', name: 'Noah Weiss' },
      ],
    });
  });

  it('inline reply with no recipients yet: falls back to the thread', () => {
    const doc = page('thread-inline-reply.html', THREAD_URL);
    for (const chip of doc.querySelectorAll('.M9 [role=option]')) chip.remove();
    expect(readGmail(doc, THREAD_URL)).toEqual({
      kind: 'thread',
      threadId: '1922aa33bb44cc55',
      participants: [
        { email: 'mira.jensen@fabrikam.example', name: 'Mira Jensen' },
        { email: 'otto.berg@fabrikam.example', name: 'Otto Berg' },
      ],
    });
  });
});

describe('signed-in user', () => {
  function withTitle(title: string): Document {
    const doc = new JSDOM('<!doctype html><title></title>').window.document;
    doc.title = title;
    return doc;
  }

  it.each([
    ['Inbox (14) - Ben@X.com - Gmail', 'ben@x.com'],
    ['Inbox (3) - ben@company.com - Company Mail', 'ben@company.com'],
    ['Intro - dana@y.com - ben@x.com - Gmail', 'ben@x.com'],
    ['Gmail', undefined],
  ])('title %j -> %s', (title, user) => {
    expect(readSignedInUser(withTitle(title))).toBe(user);
  });
});

describe.skipIf(!HAVE_SHARED_FIXTURES)(`a large page (${SHARED_FIXTURES_SKIP})`, () => {
  // Its speed is the benchmark's (npm run bench: the reader on a 3 MB page in Chromium); here,
  // only that hundreds of list rows carrying [email] never leak into the answer.
  it('of list rows gives no contact, and the thread appended to it gives the thread', () => {
    const bodyOf = (html: string) =>
      html.slice(html.indexOf('<body>') + 6, html.indexOf('</body>'));
    const rows = bodyOf(
      readFileSync(path.join(SHARED_FIXTURES, 'inboxsdk-gmail-inbox-negative-1.html'), 'utf8'),
    );
    let body = '';
    while (body.length < 600_000) body += rows;
    const html = `<!doctype html><title>Budget - ${USER} - Gmail</title><body>${body}</body>`;
    const doc = new JSDOM(html, { url: THREAD_URL }).window.document;

    expect(readGmail(doc, THREAD_URL).kind).toBe('unreadable');
    expect(readGmail(doc, INBOX_URL)).toEqual({ kind: 'none' });

    const thread = page('thread-several-participants.html', THREAD_URL).body;
    doc.body.append(...[...thread.children].map((child) => doc.importNode(child, true)));
    expect(emails(readGmail(doc, THREAD_URL))[0]).toBe('dave@fabrikam.example');
    expect(emails(readGmail(doc, THREAD_URL))).toEqual(
      emails(readGmail(page('thread-several-participants.html', THREAD_URL), THREAD_URL)),
    );
  });
});

describe('docked windows', () => {
  it('are the floating compose windows, which the panel stays above', () => {
    const doc = page('compose-floating-chips.html', COMPOSE_URL);
    const docked = [...doc.querySelectorAll(DOCKED_WINDOWS)];
    expect(docked.filter((el) => el.querySelector('form'))).toHaveLength(2);
    expect(
      page('thread-full-page-2023.html', THREAD_URL).querySelectorAll(DOCKED_WINDOWS),
    ).toHaveLength(0);
  });
});

describe('never throws', () => {
  it('returns none for a broken document or URL', () => {
    expect(readGmail(null as unknown as Document, THREAD_URL)).toEqual({ kind: 'none' });
    expect(readGmail(new JSDOM('').window.document, 'not a url')).toEqual({ kind: 'none' });
  });
});
