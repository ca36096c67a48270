import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { isAcceptableIdentity } from '../../lib/panel/identity-keys';
import { shortcutOutcome } from '../../lib/panel/shortcut-message';
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

describe('shortcut message', () => {
  it('accepts exactly the three outcomes the background sends', () => {
    expect(shortcutOutcome({ type: 'panel.log', outcome: 'negative' })).toBe('negative');
    expect(shortcutOutcome({ type: 'panel.log', outcome: 'splendid' })).toBeNull();
    expect(shortcutOutcome({ type: 'touch.log', outcome: 'positive' })).toBeNull();
    expect(shortcutOutcome('panel.log')).toBeNull();
    expect(shortcutOutcome(null)).toBeNull();
  });
});
