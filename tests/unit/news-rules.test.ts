import { describe, expect, it } from 'vitest';
import { formatAudience, inAudience, newsOfContact, parseAudience } from '../../lib/news/audience';
import { newsChoice } from '../../lib/news/choice';
import { firstName, newsToShare, nudgeLine, toldCount } from '../../lib/news/nudge-news';
import type { AudienceEntry, NewsItem } from '../../lib/news/types';

const ada = {
  id: 'a',
  name: 'Ada Lovelace',
  emails: ['ada@example.com'],
  company: 'Analytical Engines',
  tags: ['VIP', 'fintech'],
};
const grace = {
  id: 'g',
  name: 'Grace Hopper',
  emails: ['grace@navy.mil'],
  company: 'US Navy',
  tags: [],
};
const alan = { id: 't', name: 'Alan Turing', emails: [], tags: ['Crypto'] };
const people = [ada, grace, alan];

const item = (id: string, day: string, audience: AudienceEntry[], createdAt = 0): NewsItem => ({
  id,
  headline: `News ${id}`,
  day,
  audience,
  createdAt,
  updatedAt: createdAt,
});

describe('who would care: matching', () => {
  it('matches a company whatever its letter case, and whole names only', () => {
    expect(inAudience(ada, [{ kind: 'company', value: 'analytical ENGINES' }])).toBe(true);
    expect(inAudience(ada, [{ kind: 'company', value: 'Analytical' }])).toBe(false);
    expect(inAudience(alan, [{ kind: 'company', value: 'Analytical Engines' }])).toBe(false);
  });

  it('matches a tag whatever its letter case', () => {
    expect(inAudience(ada, [{ kind: 'tag', value: 'vip' }])).toBe(true);
    expect(inAudience(alan, [{ kind: 'tag', value: 'crypto ' }])).toBe(true);
    expect(inAudience(grace, [{ kind: 'tag', value: 'vip' }])).toBe(false);
  });

  it('matches contacts named one by one, and nobody else', () => {
    const audience: AudienceEntry[] = [{ kind: 'contact', id: 'g' }];
    expect(people.filter((p) => inAudience(p, audience)).map((p) => p.id)).toEqual(['g']);
  });

  it('an audience of companies, tags and people matches the union, each once', () => {
    const audience: AudienceEntry[] = [
      { kind: 'company', value: 'us navy' },
      { kind: 'tag', value: 'CRYPTO' },
      { kind: 'contact', id: 'g' },
    ];
    expect(people.filter((p) => inAudience(p, audience)).map((p) => p.id)).toEqual(['g', 't']);
  });

  it('an empty audience matches nobody', () => {
    expect(people.some((p) => inAudience(p, []))).toBe(false);
  });
});

describe('the "Who would care" field', () => {
  it('reads names, addresses, #tags, prefixed entries and known companies', () => {
    const parsed = parseAudience(
      'ada lovelace; grace@navy.mil, #Crypto\ncompany: Globex, tag: partners, us navy, fintech',
      people,
    );
    expect(parsed).toEqual({
      ok: true,
      audience: [
        { kind: 'contact', id: 'a' },
        { kind: 'contact', id: 'g' },
        { kind: 'tag', value: 'Crypto' },
        { kind: 'company', value: 'Globex' },
        { kind: 'tag', value: 'partners' },
        { kind: 'company', value: 'us navy' },
        { kind: 'tag', value: 'fintech' },
      ],
    });
  });

  it('an unknown word is a company to come; an unknown address is refused with its name', () => {
    expect(parseAudience('Initech', people)).toEqual({
      ok: true,
      audience: [{ kind: 'company', value: 'Initech' }],
    });
    const bad = parseAudience('nobody@example.com', people);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toContain('nobody@example.com');
  });

  it('writes back what it read, and reads that again to the same audience', () => {
    const parsed = parseAudience('Ada Lovelace, #VIP, company: US Navy', people);
    if (!parsed.ok) throw new Error(parsed.error);
    const text = formatAudience(parsed.audience, people);
    expect(text).toBe('Ada Lovelace, #VIP, company: US Navy');
    expect(parseAudience(text, people)).toEqual(parsed);
  });
});

describe('nudges name the news', () => {
  const share = { reason: 'share-good-news' as const, why: '18 days since a positive touch' };
  const repair = { reason: 'repair' as const, why: 'last impression negative, yesterday' };
  const older = item('old', '2026-01-05', [{ kind: 'tag', value: 'vip' }], 5);
  const newer = item('new', '2026-02-01', [{ kind: 'company', value: 'analytical engines' }], 1);
  const elsewhere = item('else', '2026-03-01', [{ kind: 'contact', id: 'g' }], 9);

  it("names the newest item in the contact's audience they have not been told", () => {
    expect(newsToShare(share, ada, [older, newer, elsewhere], new Set())?.id).toBe('new');
    expect(newsToShare(share, ada, [older, newer, elsewhere], new Set(['new']))?.id).toBe('old');
    expect(newsToShare(share, ada, [older, newer], new Set(['new', 'old']))).toBeUndefined();
  });

  it('on the same day, the item recorded last is the newest', () => {
    const a = item('a', '2026-02-01', [{ kind: 'tag', value: 'vip' }], 1);
    const b = item('b', '2026-02-01', [{ kind: 'tag', value: 'vip' }], 2);
    expect(newsToShare(share, ada, [a, b], new Set())?.id).toBe('b');
    expect(newsOfContact(ada, [a, older, b]).map((n) => n.id)).toEqual(['b', 'a', 'old']);
  });

  it("a repair names no news, and a contact with no item keeps today's line", () => {
    expect(newsToShare(repair, ada, [newer], new Set())).toBeUndefined();
    expect(nudgeLine(share, 'Ada Lovelace', newer)).toBe('Tell Ada: News new');
    expect(nudgeLine(share, 'Ada Lovelace', undefined)).toBe(
      'Share good news: 18 days since a positive touch',
    );
    expect(nudgeLine(repair, 'Ada Lovelace', newer)).toBe(
      'Repair: last impression negative, yesterday',
    );
  });

  it('greets by the first name, or by the address when that is all there is', () => {
    expect(firstName('Ada Lovelace')).toBe('Ada');
    expect(firstName('  محمد عبد الله ')).toBe('محمد');
    expect(firstName('ada.lovelace@example.com')).toBe('Ada');
  });

  it('counts the told among the audience only', () => {
    expect(toldCount(['a', 'g', 't'], new Set(['a', 't', 'stranger']))).toBe(2);
    expect(toldCount([], new Set(['a']))).toBe(0);
  });
});

describe('which news was brought', () => {
  const a = item('a', '2026-02-01', [{ kind: 'tag', value: 'vip' }], 1);
  const b = item('b', '2026-03-01', [{ kind: 'tag', value: 'vip' }], 2);
  const c = item('c', '2026-04-01', [{ kind: 'contact', id: 'g' }], 3);

  it("offers the contact's items, unheard first, and preselects the one the nudge named", () => {
    expect(newsChoice(ada, [a, b, c], new Set(['b']), 'a')).toEqual({
      options: [a, b],
      preselected: 'a',
    });
  });

  it('without a named item, preselects the newest unheard; with none left, nothing', () => {
    expect(newsChoice(ada, [a, b, c], new Set()).preselected).toBe('b');
    expect(newsChoice(ada, [a, b], new Set(['a', 'b'])).preselected).toBeUndefined();
    expect(newsChoice(alan, [a, b, c], new Set(), 'a')).toEqual({
      options: [],
      preselected: undefined,
    });
  });
});
