import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { isAcceptableIdentity } from '../../lib/hosts/identity-check';
import { layoutOf } from '../../lib/page/page-port';
import { IdentitySchema, identityToKey } from '../../lib/model';

describe('panel identity keys', () => {
  it('of raw page values match the keys the background stores contacts under', () => {
    const identity = fc.oneof(
      fc.emailAddress().map((value) => ({ kind: 'email' as const, value: value.toUpperCase() })),
      fc
        .stringMatching(/^(ACoA[A-Za-z0-9_-]{4,30}|[A-Za-z0-9-]{3,40})$/)
        .map((slug) => ({ kind: 'linkedin' as const, value: `/in/${slug}/` })),
    );
    fc.assert(
      fc.property(identity, (raw) => {
        const parsed = v.safeParse(IdentitySchema, raw);
        if (!parsed.success) return;
        expect(isAcceptableIdentity(raw)).toBe(true);
        // The panel keys raw page values; the background keys what its schema made of them.
        expect(identityToKey(raw)).toBe(identityToKey(parsed.output));
      }),
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
