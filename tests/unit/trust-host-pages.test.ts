// @vitest-environment jsdom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readGmail, type GmailView } from '../../lib/hosts/gmail';
import { readLinkedin, type LinkedinView } from '../../lib/hosts/linkedin';
import {
  composePage,
  fullPageThreadPage,
  INBOX_URL,
  readingPanePage,
  THREAD_URL,
  type Message,
} from '../support/gmail-pages';
import { announceSkip, HAVE_SHARED_FIXTURES, sharedFixture } from '../support/shared-fixtures';
import {
  gmailUrl,
  linkedinNonProfileUrl,
  linkedinUrl,
  tagSoup,
  truncateDom,
  truncateHtml,
} from '../support/random-pages';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
announceSkip(__filename);

/** The people a Gmail view names; empty for none and unreadable. */
function gmailPeople(view: GmailView): string[] {
  if (view.kind === 'thread') return view.participants.map((p) => p.email);
  if (view.kind === 'compose') return view.recipients.map((p) => p.email);
  return [];
}

function linkedinPeople(view: LinkedinView): string[] {
  if (view.kind === 'profile') return [view.person.path];
  if (view.kind === 'messaging') return view.participants.map((p) => p.path);
  return [];
}

const KINDS_GMAIL = ['none', 'unreadable', 'thread', 'compose'];
const KINDS_LINKEDIN = ['none', 'unreadable', 'profile', 'messaging'];

const CONVERSATION: Message[] = [
  { from: { email: 'ada@example.com', name: 'Ada Lovelace' }, to: [{ email: 'ben@example.com' }] },
  {
    from: { email: 'ben@example.com', name: 'Ben Carter' },
    to: [{ email: 'ada@example.com' }, { email: 'grace@navy.mil', name: 'Grace Hopper' }],
  },
  { from: { email: 'carol+ops@example.org', name: 'محمد' }, to: [{ email: 'ben@example.com' }] },
];
const ROWS = [{ email: 'list-row@example.com', name: 'Row Person' }];

/** Gmail pages with a known answer, and the URL each is served at. */
const GMAIL_PAGES = [
  {
    name: 'full-page thread',
    html: fullPageThreadPage('Quarterly <review>', CONVERSATION),
    url: THREAD_URL,
  },
  { name: 'reading pane', html: readingPanePage('Pane', CONVERSATION, ROWS), url: INBOX_URL },
  {
    name: 'compose',
    html: composePage([{ email: 'dora@example.com' }], [{ email: 'eve@example.com' }], ROWS),
    url: INBOX_URL,
  },
  ...(HAVE_SHARED_FIXTURES
    ? [
        {
          name: 'saved inbox (InboxSDK)',
          html: sharedFixture('inboxsdk-gmail-inbox-negative-1.html'),
          url: INBOX_URL,
        },
      ]
    : []),
];

/** Real saved LinkedIn pages (../shared/fixtures/README.md) and the URL each was saved at. */
const LINKEDIN_PAGES = [
  { file: 'brocc-linkedin-profile-1.html', url: 'https://www.linkedin.com/in/robertkcheung/' },
  {
    file: 'brocc-linkedin-messaging-1.html',
    url: 'https://www.linkedin.com/messaging/thread/2-ZDEyNzA0/',
  },
  {
    file: 'scoutr-linkedin-profile-1.html',
    url: 'https://www.linkedin.com/in/eduardo-alvarez-nowak/',
  },
  {
    file: 'scoutr-linkedin-public-profile-1.html',
    url: 'https://se.linkedin.com/in/eduardo-alvarez-nowak',
  },
  {
    file: 'scoutr-linkedin-profile-notfound-negative-1.html',
    url: 'https://www.linkedin.com/in/ivanahmadfatoni/',
  },
  {
    file: 'austinoboyle-linkedin-profile-2018-1.html',
    url: 'https://www.linkedin.com/in/austinoboyle/',
  },
];

describe("Host pages can't break it: the Gmail reader", () => {
  it("Host pages can't break it: readGmail never throws on 1,000 random Gmail-like pages", () => {
    fc.assert(
      fc.property(tagSoup('gmail', true), gmailUrl, (html, url) => {
        const view = readGmail(parse(html), url);
        expect(KINDS_GMAIL).toContain(view.kind);
        for (const email of gmailPeople(view)) expect(email).toBe(email.toLowerCase());
      }),
      { numRuns: 1000 },
    );
  });

  it("Host pages can't break it: readGmail finds no contact on 500 pages without a thread or compose window", () => {
    fc.assert(
      fc.property(tagSoup('gmail', false), gmailUrl, (html, url) => {
        expect(['none', 'unreadable']).toContain(readGmail(parse(html), url).kind);
      }),
      { numRuns: 500 },
    );
  });

  it("Host pages can't break it: readGmail on 1,000 truncated Gmail pages names nobody who is not on the full page", () => {
    const full = GMAIL_PAGES.map((p) => ({
      ...p,
      people: gmailPeople(readGmail(parse(p.html), p.url)),
    }));
    expect(full.find((p) => p.name === 'full-page thread')?.people).toContain('ada@example.com');
    fc.assert(
      fc.property(
        fc.constantFrom(...full),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (page, f) => {
          const view = readGmail(parse(truncateHtml(page.html, f)), page.url);
          expect(KINDS_GMAIL).toContain(view.kind);
          for (const email of gmailPeople(view)) expect(page.people).toContain(email);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("Host pages can't break it: the LinkedIn reader", () => {
  it("Host pages can't break it: readLinkedin never throws on 1,000 random LinkedIn-like pages", () => {
    fc.assert(
      fc.property(tagSoup('linkedin', true), linkedinUrl, (html, url) => {
        expect(KINDS_LINKEDIN).toContain(readLinkedin(parse(html), url).kind);
      }),
      { numRuns: 1000 },
    );
  });

  it("Host pages can't break it: readLinkedin finds no contact on 500 pages without a profile card or message thread", () => {
    fc.assert(
      fc.property(
        tagSoup('linkedin', false),
        fc.oneof(linkedinUrl, linkedinNonProfileUrl),
        (html, url) => {
          expect(['none', 'unreadable']).toContain(readLinkedin(parse(html), url).kind);
        },
      ),
      { numRuns: 500 },
    );
  });

  it.skipIf(!HAVE_SHARED_FIXTURES)(
    "Host pages can't break it: readLinkedin on truncated saved pages names nobody who is not on the full page",
    () => {
      let pages = 0;
      for (const { file, url } of LINKEDIN_PAGES) {
        const html = sharedFixture(file);
        const people = linkedinPeople(readLinkedin(parse(html), url));
        // Cut the text at random points (a page caught mid-load), re-parsed: a few per page.
        fc.assert(
          fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (f) => {
            const view = readLinkedin(parse(truncateHtml(html, f)), url);
            expect(KINDS_LINKEDIN, file).toContain(view.kind);
            for (const p of linkedinPeople(view)) expect(people, file).toContain(p);
            pages += 1;
          }),
          { numRuns: 4 },
        );
        // Cut the rendered tree at many points from one parse: the later part not yet rendered.
        fc.assert(
          fc.property(
            fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 20, maxLength: 20 }),
            (fractions) => {
              const doc = parse(html);
              for (const f of [...fractions].sort((a, b) => b - a)) {
                truncateDom(doc, f);
                const view = readLinkedin(doc, url);
                expect(KINDS_LINKEDIN, file).toContain(view.kind);
                for (const p of linkedinPeople(view)) expect(people, file).toContain(p);
                pages += 1;
              }
            },
          ),
          { numRuns: 2 },
        );
      }
      expect(pages).toBeGreaterThanOrEqual(LINKEDIN_PAGES.length * 44);
    },
  );
});
