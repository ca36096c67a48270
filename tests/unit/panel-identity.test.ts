import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { isAcceptableIdentity } from '../../lib/panel/identity-keys';
import { shortcutOutcome } from '../../lib/panel/shortcut-message';
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

describe('shortcut message', () => {
  it('accepts exactly the three outcomes the background sends', () => {
    expect(shortcutOutcome({ type: 'panel.log', outcome: 'negative' })).toBe('negative');
    expect(shortcutOutcome({ type: 'panel.log', outcome: 'splendid' })).toBeNull();
    expect(shortcutOutcome({ type: 'touch.log', outcome: 'positive' })).toBeNull();
    expect(shortcutOutcome('panel.log')).toBeNull();
    expect(shortcutOutcome(null)).toBeNull();
  });
});
