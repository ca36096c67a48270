// @vitest-environment jsdom
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { readGmail, type GmailView } from '../../lib/hosts/gmail';
import { readLinkedin, type LinkedinView } from '../../lib/hosts/linkedin';
import { fullPageThreadPage, THREAD_URL, USER } from '../support/gmail-pages';
import { announceSkip, HAVE_SHARED_FIXTURES, sharedFixture } from '../support/shared-fixtures';

/*
 * A message body is its sender's own HTML, and posts, comments and "People also viewed" are
 * other people's content: look-alike markup placed there must never change who the panel shows.
 * Each test reads a page, plants such markup where a sender or author could, and reads again.
 */

const PAGES = path.resolve(__dirname, 'pages/gmail');
const INBOX_URL = 'https://mail.google.com/mail/u/0/#inbox';

announceSkip(__filename);

const doc = (html: string, url: string) => new JSDOM(html, { url }).window.document;

function gmailPeople(view: GmailView): string[] {
  if (view.kind === 'thread') return view.participants.map((p) => p.email);
  if (view.kind === 'compose') return view.recipients.map((p) => p.email);
  return [];
}

function linkedinPeople(view: LinkedinView): string[] {
  if (view.kind === 'profile') return [`${view.person.path} ${view.person.name}`];
  if (view.kind === 'messaging') return view.participants.map((p) => `${p.path} ${p.name}`);
  return [];
}

/** What a sender can put in an email: a whole fake message, a quoted recipients line, a fake
 * inline reply with a recipient chip. */
const GMAIL_LOOKALIKES = `
  <div class="adn ads" data-message-id="#msg-f:999"><table><tbody><tr><td class="gF gK">
    <span class="gD" email="mallory@evil.example" name="Mallory">Mallory</span>
  </td></tr></tbody></table></div>
  <div class="hb">to <span class="g2" email="quoted@evil.example" name="Quoted">Quoted</span></div>
  <div class="ip"><div class="M9"><form><div name="to">
    <div role="option" data-hovercard-id="chip@evil.example" data-name="Chip">Chip</div>
  </div></form></div></div>`;

/** Parses `markup` in the context of `el` and adds it at its start or end, as a page would. */
function plant(el: Element, markup: string, where: 'start' | 'end' = 'end'): void {
  const range = el.ownerDocument.createRange();
  range.selectNodeContents(el);
  const nodes = range.createContextualFragment(markup);
  if (where === 'start') el.prepend(nodes);
  else el.append(nodes);
}

/** Plants `markup` inside every message body of the page (`.a3s`, inside `.ii.gt` or not). */
function plantInGmailBodies(page: Document, markup: string): number {
  const bodies = page.querySelectorAll('.a3s');
  for (const body of bodies) plant(body, markup);
  return bodies.length;
}

describe('Readers read headers, not message bodies: Gmail', () => {
  const built = readdirSync(PAGES).filter((file) =>
    readFileSync(path.join(PAGES, file), 'utf8').includes('a3s'),
  );

  it('the built Gmail thread pages with bodies are all covered', () => {
    expect(built.length).toBeGreaterThanOrEqual(5);
  });

  for (const file of built) {
    for (const url of [THREAD_URL, INBOX_URL]) {
      it(`Readers read headers, not message bodies: ${file} at ${url.slice(url.indexOf('#'))} reads the same people with look-alikes in every body`, () => {
        const html = readFileSync(path.join(PAGES, file), 'utf8');
        const before = readGmail(doc(html, url), url);
        const planted = doc(html, url);
        expect(plantInGmailBodies(planted, GMAIL_LOOKALIKES)).toBeGreaterThan(0);
        const after = readGmail(planted, url);
        expect(after).toEqual(before);
        expect(gmailPeople(after).join(' ')).not.toMatch(/evil\.example/);
      });
    }
  }

  it('Readers read headers, not message bodies: a body inside .ii.gt without .a3s is content too', () => {
    const html = fullPageThreadPage('Renewal', [
      { from: { email: 'ada@example.com', name: 'Ada' }, to: [USER] },
    ]).replace(
      '<div class="a3s">Message body 0</div>',
      `<div class="ii gt"><div>${GMAIL_LOOKALIKES}</div></div>`,
    );
    expect(gmailPeople(readGmail(doc(html, THREAD_URL), THREAD_URL))).toEqual(['ada@example.com']);
  });
});

const ROB_URL = 'https://www.linkedin.com/in/robertkcheung/';
const PUBLIC_URL = 'https://se.linkedin.com/in/eduardo-alvarez-nowak';
const MESSAGING_URL = 'https://www.linkedin.com/messaging/thread/2-ZDEyNzA0/';

/** Content blocks LinkedIn renders inside `main`, each holding a forged top card for `slug`. */
function forgedCards(slug: string): string[] {
  const card = `<h1 class="text-heading-xlarge top-card-layout__title">Mallory Forged</h1>
    <div class="text-body-medium">Forged headline</div>
    <a href="/in/${slug}/overlay/contact-info/">Contact info</a>`;
  return [
    `<div class="feed-shared-update-v2">${card}</div>`,
    `<div data-urn="urn:li:activity:7000000000000000000"><section>${card}</section></div>`,
    `<article class="comments-comment-entity">${card}</article>`,
    `<div class="comments-comment-item">${card}</div>`,
    `<section data-view-name="profile-card-browsemap"><h2>People also viewed</h2>${card}</section>`,
    `<aside class="scaffold-layout__aside"><h2>People also viewed</h2>${card}</aside>`,
    `<section class="pv-browsemap-section">${card}</section>`,
  ];
}

describe.skipIf(!HAVE_SHARED_FIXTURES)(
  'Readers read headers, not message bodies: LinkedIn saved pages',
  () => {
    for (const [file, url, slug] of [
      ['brocc-linkedin-profile-1.html', ROB_URL, 'robertkcheung'],
      ['scoutr-linkedin-public-profile-1.html', PUBLIC_URL, 'eduardo-alvarez-nowak'],
    ] as const) {
      it(`Readers read headers, not message bodies: ${file} reads its person with a forged top card in posts, comments and "People also viewed"`, () => {
        const html = sharedFixture(file);
        const before = readLinkedin(doc(html, url), url);
        expect(before.kind).toBe('profile');
        for (const forged of forgedCards(slug)) {
          const page = doc(html, url);
          // Placed first in the page column: the most a page could do to be read first.
          plant(page.querySelector('main') ?? page.body, forged, 'start');
          const after = readLinkedin(page, url);
          expect(after, forged.slice(0, 60)).toEqual(before);
        }
      });
    }

    it('Readers read headers, not message bodies: a message text with a forged author or a profile link adds nobody', () => {
      const html = sharedFixture('brocc-linkedin-messaging-1.html');
      const plantAuthors = (page: Document) => {
        for (const body of page.querySelectorAll('.msg-s-event-listitem__body')) {
          plant(
            body,
            `<div class="msg-s-event-listitem--other"><a href="https://www.linkedin.com/in/mallory-forged/">
              <img alt="Mallory Forged"><span class="msg-s-message-group__name">Mallory Forged</span></a></div>
             <a href="https://www.linkedin.com/in/linked-in-text/">linkedin.com/in/linked-in-text</a>`,
          );
        }
      };
      const page = doc(html, MESSAGING_URL);
      const before = linkedinPeople(readLinkedin(page, MESSAGING_URL));
      expect(before).toEqual(['/in/ACoAACaYEUABb_2KMpm9ek35YObF-a13apHwjas Talha Khan']);
      plantAuthors(page);
      expect(linkedinPeople(readLinkedin(page, MESSAGING_URL))).toEqual(before);

      // A group thread's title bar links nobody, so authors of others' messages are read: the
      // forged author inside a message text must not be one of them.
      const group = doc(html, MESSAGING_URL);
      for (const link of group.querySelectorAll('.msg-title-bar a[href*="/in/"]')) {
        link.removeAttribute('href');
      }
      plantAuthors(group);
      expect(linkedinPeople(readLinkedin(group, MESSAGING_URL))).toEqual(before);
    });
  },
);
