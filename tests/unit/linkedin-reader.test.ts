// @vitest-environment jsdom
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { DOCKED_WINDOWS, readLinkedin, readViewer } from '../../lib/hosts/linkedin';
import { announceSkip, HAVE_SHARED_FIXTURES, sharedFixture } from '../support/shared-fixtures';

/*
 * Real saved LinkedIn pages (../shared/fixtures, read in place, never copied) pin the reader to
 * what LinkedIn actually served; the small pages built below reproduce the facts in
 * ../shared/HOSTS.md that no saved page shows (2026 `h2` names, group threads, open bubbles).
 */

announceSkip(__filename);
/** Saved-page blocks: skipped, saying why, in a clone without ../shared. */
const savedPage = describe.skipIf(!HAVE_SHARED_FIXTURES);

function fixture(file: string, url: string): Document {
  return new JSDOM(sharedFixture(file), { url }).window.document;
}

function page(html: string, url: string): Document {
  return new JSDOM(html, { url }).window.document;
}

/** Parses a fixture once for its `describe` block: the files are up to 1.5 MB. */
function loadOnce(file: string, url: string): () => Document {
  let doc: Document | undefined;
  beforeAll(() => {
    doc = fixture(file, url);
  });
  return () => {
    if (!doc) throw new Error(`${file} was not loaded`);
    return doc;
  };
}

savedPage('brocc-linkedin-profile-1 (logged in, April 2025, scrambled classes)', () => {
  const url = 'https://www.linkedin.com/in/robertkcheung/';
  const doc = loadOnce('brocc-linkedin-profile-1.html', url);

  it('reads the profile from the h1 nearest the contact-info link', () => {
    // The name's h1 has a scrambled class, so h1.text-heading-xlarge does not match it.
    expect(doc().querySelector('h1.text-heading-xlarge')).toBeNull();
    expect(readLinkedin(doc(), url)).toEqual({
      kind: 'profile',
      person: { path: '/in/robertkcheung', name: 'Rob Cheung', headline: 'Co-Founder ꩜Substrate' },
    });
  });

  it('names the viewer from the nav photo and the nav JSON, not the first publicIdentifier', () => {
    expect(readViewer(doc())).toEqual({ name: 'Ben Guo', path: '/in/bgdotjpg' });
  });

  it('does not report the minimized bubble (Kristine McCarthy) on any page', () => {
    expect(doc().querySelector('.msg-overlay-conversation-bubble--is-minimized')).not.toBeNull();
    expect(readLinkedin(doc(), 'https://www.linkedin.com/feed/')).toEqual({ kind: 'none' });
  });

  it('finds the docked messaging windows the panel must stay above, the minimized one too', () => {
    const docked = [...doc().querySelectorAll(DOCKED_WINDOWS)];
    expect(docked.length).toBeGreaterThanOrEqual(2);
    expect(docked.some((el) => el.textContent?.includes('Kristine McCarthy'))).toBe(true);
  });
});

savedPage('brocc-linkedin-messaging-1 (full-page thread, April 2025)', () => {
  const url = 'https://www.linkedin.com/messaging/thread/2-ZDEyNzA0/';
  const doc = loadOnce('brocc-linkedin-messaging-1.html', url);

  it('reads exactly the other participant, by id-style path', () => {
    expect(readLinkedin(doc(), url)).toEqual({
      kind: 'messaging',
      participants: [{ path: '/in/ACoAACaYEUABb_2KMpm9ek35YObF-a13apHwjas', name: 'Talha Khan' }],
    });
  });

  it('never reports the viewer, who authors messages in the same thread', () => {
    const view = readLinkedin(doc(), url);
    const names = view.kind === 'messaging' ? view.participants.map((p) => p.name) : [];
    expect(names).not.toContain('Ben Guo');
    expect(readViewer(doc()).name).toBe('Ben Guo');
  });
});

savedPage('scoutr-linkedin-profile-1 (logged in, July 2024, body only)', () => {
  const url = 'https://www.linkedin.com/in/eduardo-alvarez-nowak/';
  const doc = loadOnce('scoutr-linkedin-profile-1.html', url);

  it('reads name and headline', () => {
    expect(readLinkedin(doc(), url)).toEqual({
      kind: 'profile',
      person: {
        path: '/in/eduardo-alvarez-nowak',
        name: 'Eduardo Alvarez Nowak',
        headline: 'Tech Education Lead, Tech Expert & Frontend Dev at Novare Potential',
      },
    });
  });

  it('names the viewer, whose publicIdentifier also appears in the page JSON', () => {
    expect(readViewer(doc())).toEqual({
      name: 'Novare Potential',
      path: '/in/novare-potential-7975a4243',
    });
  });
});

savedPage('scoutr-linkedin-public-profile-1 (logged out, country subdomain)', () => {
  const url = 'https://se.linkedin.com/in/eduardo-alvarez-nowak';
  const doc = loadOnce('scoutr-linkedin-public-profile-1.html', url);

  it('reads the same person as on www, without a contact-info link', () => {
    expect(readLinkedin(doc(), url)).toEqual({
      kind: 'profile',
      person: {
        path: '/in/eduardo-alvarez-nowak',
        name: 'Eduardo Alvarez Nowak',
        headline: 'Tech Education Lead, Tech Expert & Frontend Dev at Novare Potential',
      },
    });
  });

  it('has no viewer', () => {
    expect(readViewer(doc())).toEqual({});
  });
});

savedPage('scoutr-linkedin-profile-notfound-negative-1', () => {
  const url = 'https://www.linkedin.com/in/ivanahmadfatoni/';
  const doc = loadOnce('scoutr-linkedin-profile-notfound-negative-1.html', url);

  it('is no contact, never "An exact match…"', () => {
    expect(readLinkedin(doc(), url)).toEqual({ kind: 'none' });
  });
});

savedPage('austinoboyle-linkedin-profile-2018-1 (own profile, 2018 layout, body only)', () => {
  const url = 'https://www.linkedin.com/in/austinoboyle/';
  const doc = loadOnce('austinoboyle-linkedin-profile-2018-1.html', url);

  it('is the viewer’s own profile, so no contact', () => {
    expect(readLinkedin(doc(), url)).toEqual({ kind: 'none' });
  });

  it('names the viewer from the 2018 nav photo, whose alt was escaped twice', () => {
    expect(readViewer(doc()).name).toBe("Austin O'Boyle");
  });

  it('reads the 2018 top card past the edit card’s second h1 once the edit controls are gone', () => {
    // A copy without edit controls stands for someone else viewing this 2018 profile.
    const copy = doc().cloneNode(true) as Document;
    for (const edit of copy.querySelectorAll('a[href*="/edit/"]')) edit.remove();
    expect(copy.querySelectorAll('h1')).toHaveLength(2);
    expect(readLinkedin(copy, url)).toEqual({
      kind: 'profile',
      person: {
        path: '/in/austinoboyle',
        name: "Austin O'Boyle",
        headline: 'Software Developer | Pythonista | Mathematical Physics Student',
      },
    });
  });
});

describe('hand-built pages', () => {
  it('2026 profile: h2 name, scrambled classes, unrelated h1 elsewhere', () => {
    // HOSTS.md: the name is the heading nearest the contact-info link; in 2026 sometimes an h2.
    const url = 'https://www.linkedin.com/in/jane-doe-2026/';
    const doc = page(
      `<title>(3) Jane Doe | LinkedIn</title>
      <header><h1 class="Qx0">0 notifications</h1></header>
      <main class="kJx9">
        <section class="aB3xQ">
          <div class="Qp7">
            <a href="/in/jane-doe-2026/overlay/about-this-profile/" class="x1">
              <h2 class="rT5">Jane   Doe</h2>
            </a>
            <span class="m2">· 2nd</span>
          </div>
          <div class="Vb8">  Head of Growth
            at Acme </div>
          <div class="Lc4"><span>Berlin</span>
            <a href="/in/jane-doe-2026/overlay/contact-info/">Contact info</a></div>
        </section>
        <section class="aB3xQ"><h2 class="Zr">About</h2><p>Hello</p></section>
      </main>`,
      url,
    );
    expect(readLinkedin(doc, url)).toEqual({
      kind: 'profile',
      person: { path: '/in/jane-doe-2026', name: 'Jane Doe', headline: 'Head of Growth at Acme' },
    });
  });

  it('falls back to document.title when the link is there but no heading is', () => {
    const url = 'https://www.linkedin.com/in/sam-lee/';
    const doc = page(
      `<title>(12) Sam Lee | LinkedIn</title>
      <main><div><a href="/in/sam-lee/overlay/contact-info/">Contact info</a></div></main>`,
      url,
    );
    expect(readLinkedin(doc, url)).toEqual({
      kind: 'profile',
      person: { path: '/in/sam-lee', name: 'Sam Lee' },
    });
  });

  it('decodes a URL-encoded slug', () => {
    const url = 'https://de.linkedin.com/in/j%C3%BCrgen-m/';
    const doc = page(
      `<main><section>
        <h1>Jürgen Müller</h1>
        <a href="/in/j%C3%BCrgen-m/overlay/contact-info/">Contact info</a>
      </section></main>`,
      url,
    );
    expect(readLinkedin(doc, url)).toEqual({
      kind: 'profile',
      person: { path: '/in/jürgen-m', name: 'Jürgen Müller' },
    });
  });

  it('says unreadable when a profile URL matches no top card', () => {
    const url = 'https://www.linkedin.com/in/someone/';
    const doc = page('<title>LinkedIn</title><main><div>Loading…</div></main>', url);
    expect(readLinkedin(doc, url)).toMatchObject({ kind: 'unreadable' });
  });

  it('says unreadable while the top card still shows the previous profile', () => {
    // LinkedIn changes the URL by pushState before it replaces the top card.
    const url = 'https://www.linkedin.com/in/next-person/';
    const doc = page(
      `<main><section><h1>Previous Person</h1>
        <a href="/in/previous-person/overlay/contact-info/">Contact info</a></section></main>`,
      url,
    );
    expect(readLinkedin(doc, url)).toMatchObject({ kind: 'unreadable' });
  });

  it('treats a profile with edit controls as the viewer’s own', () => {
    const url = 'https://www.linkedin.com/in/me-myself/';
    const doc = page(
      `<main><section><h1>Me Myself</h1>
        <a href="/in/me-myself/edit/forms/intro/new/">Edit intro</a>
        <a href="/in/me-myself/overlay/contact-info/">Contact info</a></section></main>`,
      url,
    );
    expect(readLinkedin(doc, url)).toEqual({ kind: 'none' });
  });

  it('reads nothing on the feed or off LinkedIn', () => {
    const doc = page(
      '<main><h1>Feed</h1><h2>Jane Doe</h2></main>',
      'https://www.linkedin.com/feed/',
    );
    expect(readLinkedin(doc, 'https://www.linkedin.com/feed/')).toEqual({ kind: 'none' });
    expect(readLinkedin(doc, 'https://example.com/in/jane/')).toEqual({ kind: 'none' });
    expect(readLinkedin(doc, 'not a url')).toEqual({ kind: 'none' });
  });

  it('reads a group thread from the authors of others’ messages, viewer excluded', () => {
    // HOSTS.md: the viewer's id is in every data-event-urn; group titles carry no profile link.
    const viewerUrn = 'urn:li:msg_message:(urn:li:fsd_profile:ACoAAViewer0,2-xyz)';
    const message = (who: string, name: string, other: boolean): string =>
      `<li><div class="msg-s-event-listitem${other ? ' msg-s-event-listitem--other' : ''}"
          data-event-urn="${viewerUrn}">
        <a href="https://www.linkedin.com/in/${who}"><img alt="${name}"></a>
        <span class="msg-s-message-group__name">${name}</span><p>hi</p></div></li>`;
    const url = 'https://www.linkedin.com/messaging/thread/2-xyz/';
    const doc = page(
      `<img class="global-nav__me-photo" alt="Vera Viewer">
      <main><div class="msg-thread">
        <div class="msg-title-bar"><h2 id="thread-detail-jump-target"
          class="msg-entity-lockup__entity-title">Ada Lovelace, Grace Hopper</h2></div>
        <ul>
          ${message('ACoAAAda1', 'Ada Lovelace', true)}
          ${message('ACoAAViewer0', 'Vera Viewer', false)}
          ${message('ACoAAGrace2', 'Grace Hopper', true)}
          ${message('ACoAAAda1', 'Ada Lovelace', true)}
        </ul>
      </div></main>`,
      url,
    );
    expect(readLinkedin(doc, url)).toEqual({
      kind: 'messaging',
      participants: [
        { path: '/in/ACoAAAda1', name: 'Ada Lovelace' },
        { path: '/in/ACoAAGrace2', name: 'Grace Hopper' },
      ],
    });
    expect(readViewer(doc)).toEqual({ name: 'Vera Viewer', path: '/in/ACoAAViewer0' });
  });

  it('excludes the viewer when the title bar links every member', () => {
    const url = 'https://www.linkedin.com/messaging/thread/2-abc/';
    const doc = page(
      `<main><div class="msg-thread">
        <div class="msg-title-bar">
          <a href="/in/ACoAAViewer0"><span class="msg-entity-lockup__entity-title">Vera</span></a>
          <a href="/in/ada-l/"><span class="msg-entity-lockup__entity-title">Ada</span></a>
          <a href="/in/grace-h/"><span class="msg-entity-lockup__entity-title">Grace</span></a>
        </div>
        <div class="msg-s-event-listitem"
          data-event-urn="urn:li:msg_message:(urn:li:fsd_profile:ACoAAViewer0,2-abc)"></div>
      </div></main>`,
      url,
    );
    expect(readLinkedin(doc, url)).toEqual({
      kind: 'messaging',
      participants: [
        { path: '/in/ada-l', name: 'Ada' },
        { path: '/in/grace-h', name: 'Grace' },
      ],
    });
  });

  describe('overlay bubbles', () => {
    const bubble = (minimized: boolean): string =>
      `<div class="msg-convo-wrapper msg-overlay-conversation-bubble${
        minimized ? ' msg-overlay-conversation-bubble--is-minimized' : ''
      }">
        <header class="msg-overlay-conversation-bubble-header">
          <h2 class="msg-overlay-bubble-header__title">
            <a href="/in/kim-park/"><span>Kim Park</span></a></h2>
        </header></div>`;
    const profile = `<main><section><h1>Rob Cheung</h1>
      <a href="/in/robertkcheung/overlay/contact-info/">Contact info</a></section></main>`;

    it('reads an open bubble when no profile is open', () => {
      const url = 'https://www.linkedin.com/feed/';
      expect(readLinkedin(page(`<main></main>${bubble(false)}`, url), url)).toEqual({
        kind: 'messaging',
        participants: [{ path: '/in/kim-park', name: 'Kim Park' }],
      });
    });

    it('ignores a minimized bubble', () => {
      const url = 'https://www.linkedin.com/feed/';
      expect(readLinkedin(page(`<main></main>${bubble(true)}`, url), url)).toEqual({
        kind: 'none',
      });
    });

    it('lets the profile win over an open bubble on a profile page', () => {
      const url = 'https://www.linkedin.com/in/robertkcheung/';
      expect(readLinkedin(page(`${profile}${bubble(false)}`, url), url)).toEqual({
        kind: 'profile',
        person: { path: '/in/robertkcheung', name: 'Rob Cheung' },
      });
    });
  });
});
