import { describe, expect, it } from 'vitest';
import { daysSincePositive, goodwillNow, lastImpression } from '../../lib/impressions';
import type { ContactView } from '../../lib/messaging';
import { DEFAULT_SETTINGS, type Contact } from '../../lib/model';
import { provisionalView } from '../../lib/panel/optimistic';

const DAY = 24 * 3600 * 1000;
const NOW = new Date(2026, 5, 10, 14).getTime();

function view(contact: Partial<Contact>): ContactView {
  return {
    contact: {
      id: '00000001-0000-4000-8000-000000000001',
      name: 'Ada',
      emails: ['ada@example.com'],
      linkedin: [],
      identities: ['email:ada@example.com'],
      tags: [],
      touchCount: 1,
      lastTouchAt: NOW - 3 * DAY,
      lastOutcome: 'negative',
      lastPositiveAt: null,
      goodwillAtLastTouch: -1,
      halfLifeDays: 30,
      dueAt: -1,
      createdAt: NOW - 10 * DAY,
      updatedAt: NOW - 3 * DAY,
      ...contact,
    },
    recent: [],
    settings: DEFAULT_SETTINGS,
  };
}

describe('the panel shows a logged touch before the background answers', () => {
  it('foresees the last impression, days since positive and goodwill the store will hold', () => {
    const shown = provisionalView(
      view({}),
      { channel: 'call', outcome: 'positive', goodNews: true, source: 'gmail' },
      NOW,
    );
    expect(shown).not.toBeNull();
    expect(lastImpression(shown!.contact)).toBe('positive');
    expect(daysSincePositive(shown!.contact.lastPositiveAt, NOW)).toBe(0);
    expect(goodwillNow(shown!.contact, NOW)).toBeCloseTo(2 - Math.pow(0.5, 3 / 30), 6);
    expect(shown!.recent[0]).toMatchObject({ channel: 'call', outcome: 'positive' });
  });

  it('foresees nothing for a contact not stored yet, or one whose last touch lies ahead', () => {
    const touch = { channel: 'email', outcome: 'neutral', source: 'gmail' } as const;
    expect(provisionalView(null, touch, NOW)).toBeNull();
    expect(provisionalView(undefined, touch, NOW)).toBeNull();
    expect(provisionalView(view({ lastTouchAt: NOW + DAY }), touch, NOW)).toBeNull();
  });
});
