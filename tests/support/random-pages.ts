import fc from 'fast-check';

/**
 * Generated host pages for property tests of the readers (Trust promise 5): tag soup built
 * from the attributes and classes Gmail and LinkedIn really use, so the readers' selectors get
 * near-misses, plus truncations of real saved pages.
 */

export type Flavor = 'gmail' | 'linkedin';

const TAGS = [
  'div',
  'span',
  'h1',
  'h2',
  'a',
  'table',
  'tr',
  'td',
  'main',
  'section',
  'form',
  'input',
  'img',
  'code',
  'p',
  'aside',
  'button',
];

/** Classes and attributes that hold a page's structure; left out of "structureless" soup. */
const STRUCTURE: Record<Flavor, { classes: string[]; attrs: [string, fc.Arbitrary<string>][] }> = {
  gmail: {
    classes: ['hP', 'a98', 'iY', 'ao9', 'g', 'id', 'Bs', 'aSs', 'aSt', 'dw', 'ip', 'M9'],
    attrs: [
      ['data-legacy-thread-id', fc.stringMatching(/^[0-9a-f]{0,16}$/)],
      ['data-thread-perm-id', fc.string({ maxLength: 20 })],
      ['role', fc.constantFrom('main', 'dialog')],
    ],
  },
  linkedin: {
    classes: [
      'msg-thread',
      'msg-title-bar',
      'msg-overlay-conversation-bubble',
      'msg-overlay-conversation-bubble-header',
      'msg-overlay-bubble-header',
      'msg-s-event-listitem--other',
      'text-heading-xlarge',
      'top-card-layout__title',
      'pv-top-card-section__name',
      'fn',
    ],
    attrs: [
      ['id', fc.constantFrom('thread-detail-jump-target', 'msg-overlay')],
      ['href', fc.constantFrom('/in/someone/overlay/contact-info/', '/in/x/detail/contact-info/')],
      ['data-view-name', fc.constant('message-overlay-conversation-bubble-item')],
    ],
  },
};

/** People-shaped attributes: readers must not take these alone for a contact. */
const PEOPLE: Record<Flavor, { classes: string[]; attrs: [string, fc.Arbitrary<string>][] }> = {
  gmail: {
    classes: ['gD', 'g2', 'hb', 'gF', 'adn', 'ads', 'h7', 'zA', 'yW'],
    attrs: [
      ['email', fc.oneof(fc.emailAddress(), fc.string({ maxLength: 30 }))],
      ['data-hovercard-id', fc.oneof(fc.emailAddress(), fc.string({ maxLength: 30 }))],
      ['name', fc.oneof(fc.constantFrom('to', 'cc', 'bcc', 'me'), fc.string({ maxLength: 20 }))],
      ['data-name', fc.string({ maxLength: 20 })],
      ['data-message-id', fc.string({ maxLength: 20 })],
      ['type', fc.constantFrom('hidden', 'text')],
      [
        'value',
        fc.oneof(
          fc.emailAddress().map((e) => `Someone <${e}>`),
          fc.string(),
        ),
      ],
      ['role', fc.constantFrom('option', 'listitem', 'button')],
      ['aria-label', fc.string({ maxLength: 40 })],
    ],
  },
  linkedin: {
    classes: [
      'pv-top-card',
      'text-body-medium',
      'msg-entity-lockup__entity-title',
      'msg-s-message-group__name',
      'global-nav__me-photo',
      'artdeco-card',
      'ph5',
    ],
    attrs: [
      [
        'href',
        fc.oneof(
          fc.constantFrom('/in/ada/', '/in/ACoAAB12/', 'https://www.linkedin.com/in/x'),
          fc.string({ maxLength: 30 }),
        ),
      ],
      ['alt', fc.string({ maxLength: 20 })],
      ['data-event-urn', fc.string({ maxLength: 60 })],
      ['aria-label', fc.string({ maxLength: 40 })],
    ],
  },
};

const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('Ada Lovelace', 'me', '<', '&amp;', '</div>', '<!--', ']]>', '\u202E', '👩‍💻'),
);

function attributes(flavor: Flavor, structured: boolean): fc.Arbitrary<string> {
  const pools = structured ? [PEOPLE[flavor], STRUCTURE[flavor]] : [PEOPLE[flavor]];
  const classes = pools.flatMap((p) => p.classes);
  const attrs = pools.flatMap((p) => p.attrs);
  const one = fc.oneof(
    fc.subarray(classes, { maxLength: 4 }).map((c) => `class="${c.join(' ')}"`),
    ...attrs.map(([name, value]) => value.map((v) => `${name}="${escapeAttr(v)}"`)),
  );
  return fc.array(one, { maxLength: 4 }).map((list) => list.join(' '));
}

function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * Random markup in the host's vocabulary. `structured: false` leaves out every container a
 * reader needs to find a thread, compose window, profile card or message thread.
 */
export function tagSoup(flavor: Flavor, structured: boolean): fc.Arbitrary<string> {
  const tags = structured ? TAGS : TAGS.filter((t) => t !== 'h2' && t !== 'form' && t !== 'main');
  const { node } = fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      text,
      fc
        .tuple(
          fc.constantFrom(...tags),
          attributes(flavor, structured),
          fc.array(tie('node'), { maxLength: 5 }),
          fc.boolean(),
        )
        .map(([tag, attrs, children, closed]) => {
          const open = `<${tag}${attrs ? ` ${attrs}` : ''}>`;
          return `${open}${children.join('')}${closed ? `</${tag}>` : ''}`;
        }),
    ),
  }));
  return fc
    .tuple(fc.string({ maxLength: 40 }), fc.array(node, { maxLength: 6 }))
    .map(
      ([title, body]) =>
        `<html><head><title>${escapeAttr(title)}</title></head><body>${body.join('')}</body></html>`,
    );
}

/** Gmail addresses: lists, threads, searches, settings, junk. */
export const gmailUrl: fc.Arbitrary<string> = fc
  .oneof(
    fc.constantFrom('inbox', 'sent', 'settings/general', 'inbox/p2', 'compose=new', ''),
    fc.stringMatching(/^[A-Za-z0-9_-]{1,24}$/).map((id) => `inbox/${id}`),
    fc.stringMatching(/^[A-Za-z0-9_-]{1,24}$/).map((id) => `search/q/${id}`),
    fc.string({ maxLength: 30 }),
  )
  .map((hash) => `https://mail.google.com/mail/u/0/#${hash}`);

/** LinkedIn addresses: profiles (vanity and id-style), messaging, feed, junk. */
export const linkedinUrl: fc.Arbitrary<string> = fc
  .oneof(
    fc.constantFrom('/feed/', '/messaging/thread/2-abc/', '/in/me/', '/', '/company/acme/'),
    fc.stringMatching(/^[a-z0-9-]{1,30}$/).map((slug) => `/in/${slug}/`),
    fc.stringMatching(/^ACoA[A-Za-z0-9_-]{4,30}$/).map((id) => `/in/${id}`),
    fc.string({ maxLength: 30 }).map((s) => `/${encodeURIComponent(s)}`),
  )
  .map((path) => `https://www.linkedin.com${path}`);

/** LinkedIn addresses that are not a profile (so only a messaging thread could be a contact). */
export const linkedinNonProfileUrl: fc.Arbitrary<string> = fc
  .constantFrom('/feed/', '/messaging/thread/2-abc/', '/', '/company/acme/', '/jobs/')
  .map((path) => `https://www.linkedin.com${path}`);

/** `html` cut off after `fraction` of its characters, as a page caught mid-load. */
export function truncateHtml(html: string, fraction: number): string {
  return html.slice(0, Math.floor(html.length * fraction));
}

/**
 * Removes every node after the first `fraction` of the document's elements, in place: a page
 * whose later half has not rendered yet. Much cheaper than re-parsing a large page.
 */
export function truncateDom(doc: Document, fraction: number): void {
  const all = doc.body ? [...doc.body.querySelectorAll('*')] : [];
  const keep = Math.floor(all.length * fraction);
  const cut = all[keep];
  if (!cut) return;
  let node: Node | null = cut;
  // Drop the cut element, its later siblings, and the later siblings of every ancestor.
  while (node && node !== doc.body) {
    let next: Node | null = node.nextSibling;
    while (next) {
      const after: Node | null = next.nextSibling;
      next.parentNode?.removeChild(next);
      next = after;
    }
    const parent: Node | null = node.parentNode;
    if (node === cut) parent?.removeChild(node);
    node = parent;
  }
}
