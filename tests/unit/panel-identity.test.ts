import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { isAcceptableIdentity } from '../../lib/hosts/identity-check';
import { layoutOf } from '../../lib/page/page-port';
import { IdentitySchema, identityToKey } from '../../lib/model';

describe('panel identity keys', () => {
  it('that the panel keeps are accepted by the background and keyed the same', () => {
    // identity-keys.ts promises one direction: what it keeps, the background accepts. So the
    // values come from anywhere a page could put them, hostile ones included.
    const text = fc.string({ unit: 'grapheme', maxLength: 40 });
    const email = fc.oneof(
      fc.emailAddress(),
      fc.emailAddress().map((value) => value.toUpperCase()),
      fc.tuple(text, text, text).map(([a, b, c]) => `${a}@${b}.${c}`),
      text,
    );
    const linkedin = fc.oneof(
      fc
        .stringMatching(/^(ACoA[A-Za-z0-9_-]{4,30}|[A-Za-z0-9-]{3,40})$/)
        .map((slug) => `/in/${slug}/`),
      text.map((slug) => `/in/${slug}`),
      fc.tuple(text, text).map(([slug, tail]) => `/in/${slug}/${tail}`),
      text,
    );
    const identity = fc.oneof(
      email.map((value) => ({ kind: 'email' as const, value })),
      linkedin.map((value) => ({ kind: 'linkedin' as const, value })),
    );
    fc.assert(
      fc.property(identity, (raw) => {
        fc.pre(isAcceptableIdentity(raw));
        const parsed = v.safeParse(IdentitySchema, raw);
        expect(parsed.success, JSON.stringify(raw)).toBe(true);
        // The panel keys raw page values; the background keys what its schema made of them.
        if (parsed.success) expect(identityToKey(raw)).toBe(identityToKey(parsed.output));
      }),
      { numRuns: 2000 },
    );
  });

  it('drop what the background would refuse', () => {
    expect(isAcceptableIdentity({ kind: 'email', value: 'undisclosed-recipients:;' })).toBe(false);
    expect(isAcceptableIdentity({ kind: 'linkedin', value: '/company/acme' })).toBe(false);
  });
});

describe('layout message, checked by hand in the content script', () => {
  it('accepts only sizes the slot can take', () => {
    expect(layoutOf({ type: 'layout', layout: { inline: 60, total: 300 } })).toEqual({
      inline: 60,
      total: 300,
    });
    expect(layoutOf({ type: 'layout', layout: { inline: 60, total: 10 } })).toEqual({
      inline: 60,
      total: 60,
    });
    expect(layoutOf({ type: 'layout', layout: { inline: -1, total: 10 } })).toBeNull();
    expect(layoutOf({ type: 'layout', layout: { inline: 1e9, total: 1e9 } })).toBeNull();
    expect(layoutOf({ type: 'layout', layout: { inline: Number.NaN, total: 1 } })).toBeNull();
    expect(layoutOf({ type: 'screen', layout: { inline: 1, total: 1 } })).toBeNull();
    expect(layoutOf('layout')).toBeNull();
    expect(layoutOf(null)).toBeNull();
  });
});
