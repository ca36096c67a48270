import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newContact } from '../../lib/db/contacts';
import { withSummary } from '../../lib/db/summary';
import {
  addToSummary,
  computeDueAt,
  daysSincePositive,
  goodwillBalance,
  goodwillNow,
  goodwillWord,
  lastImpression,
  nudgeFor,
  summarize,
} from '../../lib/impressions';
import {
  DEFAULT_SETTINGS,
  type Contact,
  type Outcome,
  type Settings,
  type Touch,
} from '../../lib/model';
import { inTimeZone, local } from '../support/time-zone';

const DAY = 24 * 3600 * 1000;
const HOUR = 3600 * 1000;

let touchNo = 0;
function touch(at: number, outcome: Outcome, extra: Partial<Touch> = {}): Touch {
  touchNo += 1;
  return {
    id: `00000000-0000-4000-8000-${touchNo.toString(16).padStart(12, '0')}`,
    contactId: 'c',
    at,
    channel: 'email',
    outcome,
    source: 'dashboard',
    createdAt: at,
    updatedAt: at,
    ...extra,
  };
}

describe('last impression', () => {
  it('is the outcome of the latest touch by `at`, whatever order they were logged in', () => {
    const now = Date.UTC(2026, 4, 10);
    const touches = [
      touch(now - 1 * DAY, 'negative', { createdAt: now - 1 * DAY }),
      touch(now - 5 * DAY, 'positive', { createdAt: now }),
      touch(now - 3 * DAY, 'neutral', { createdAt: now }),
    ];
    const summary = summarize(touches, 30);
    expect(lastImpression(summary)).toBe('negative');
    expect(summary.lastTouchAt).toBe(now - 1 * DAY);
    expect(summary.lastPositiveAt).toBe(now - 5 * DAY);
    expect(summary.touchCount).toBe(3);
  });

  it('on equal times, the touch logged later wins', () => {
    const at = Date.UTC(2026, 4, 10, 9);
    const first = touch(at, 'positive', { createdAt: at + 1000, id: 'ffffffff' });
    const second = touch(at, 'negative', { createdAt: at + 2000, id: '00000000' });
    expect(lastImpression(summarize([first, second], 30))).toBe('negative');
    expect(lastImpression(summarize([second, first], 30))).toBe('negative');
  });

  it('on equal times and equal creation, the order is fixed by id, not by list order', () => {
    const at = Date.UTC(2026, 4, 10, 9);
    const a = touch(at, 'positive', { createdAt: at, id: 'a' });
    const b = touch(at, 'negative', { createdAt: at, id: 'b' });
    expect(lastImpression(summarize([a, b], 30))).toBe('negative');
    expect(lastImpression(summarize([b, a], 30))).toBe('negative');
  });

  it('is "none" with no touches', () => {
    const summary = summarize([], 30);
    expect(lastImpression(summary)).toBe('none');
    expect(summary).toMatchObject({ touchCount: 0, lastTouchAt: null, lastPositiveAt: null });
  });
});

describe('days since a positive contact', () => {
  it('is null when there never was one', () => {
    expect(daysSincePositive(null, Date.UTC(2026, 0, 1))).toBeNull();
    const summary = summarize([touch(Date.UTC(2025, 11, 1), 'negative')], 30);
    expect(daysSincePositive(summary.lastPositiveAt, Date.UTC(2026, 0, 1))).toBeNull();
  });

  for (const tz of ['America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Pacific/Auckland']) {
    inTimeZone(tz, () => {
      it('counts a touch at 23:30 yesterday as 1 day, and one this morning as 0', () => {
        const now = local(2026, 3, 13, 0, 30);
        expect(daysSincePositive(local(2026, 3, 12, 23, 30), now)).toBe(1);
        expect(daysSincePositive(local(2026, 3, 13, 0, 5), now)).toBe(0);
        const evening = local(2026, 3, 13, 23, 59);
        expect(daysSincePositive(local(2026, 3, 13, 0, 1), evening)).toBe(0);
        expect(daysSincePositive(local(2026, 3, 12, 0, 1), evening)).toBe(1);
      });

      it('never goes below 0 for a touch dated later today', () => {
        const now = local(2026, 6, 1, 9);
        expect(daysSincePositive(local(2026, 6, 1, 17), now)).toBe(0);
      });
    });
  }

  inTimeZone('America/New_York', () => {
    it('is 12 across the March change (clocks forward on 8 March 2026)', () => {
      // 11.9 elapsed days of 24 h, but 12 calendar days.
      const positive = local(2026, 3, 1, 10, 0);
      const now = local(2026, 3, 13, 9, 30);
      expect((now - positive) / DAY).toBeLessThan(12);
      expect(daysSincePositive(positive, now)).toBe(12);
      expect(daysSincePositive(local(2026, 3, 1, 23, 30), local(2026, 3, 13, 0, 30))).toBe(12);
    });

    it('is 12 across the November change (clocks back on 1 November 2026)', () => {
      const positive = local(2026, 10, 30, 0, 30);
      const now = local(2026, 11, 11, 23, 45);
      expect((now - positive) / DAY).toBeGreaterThan(13);
      expect(daysSincePositive(positive, now)).toBe(12);
    });

    it('counts the DST day itself as one day', () => {
      expect(daysSincePositive(local(2026, 3, 7, 23, 30), local(2026, 3, 8, 23, 30))).toBe(1);
      expect(daysSincePositive(local(2026, 3, 8, 0, 30), local(2026, 3, 8, 23, 30))).toBe(0);
    });
  });

  inTimeZone('Europe/Berlin', () => {
    it('is 12 across the March change (clocks forward on 29 March 2026)', () => {
      const positive = local(2026, 3, 20, 10, 0);
      const now = local(2026, 4, 1, 9, 30);
      expect((now - positive) / DAY).toBeLessThan(12);
      expect(daysSincePositive(positive, now)).toBe(12);
      expect(daysSincePositive(local(2026, 3, 20, 23, 30), local(2026, 4, 1, 0, 30))).toBe(12);
    });

    it('is 12 across the October change (clocks back on 25 October 2026)', () => {
      const positive = local(2026, 10, 20, 0, 30);
      const now = local(2026, 11, 1, 23, 45);
      expect((now - positive) / DAY).toBeGreaterThan(12.9);
      expect(daysSincePositive(positive, now)).toBe(12);
    });
  });
});

describe('goodwill', () => {
  const now = Date.UTC(2026, 5, 15, 12);

  it('uses a half-life of 30 days by default', () => {
    expect(DEFAULT_SETTINGS.halfLifeDays).toBe(30);
    const h = DEFAULT_SETTINGS.halfLifeDays;
    expect(goodwillBalance([touch(now, 'positive')], now, h)).toBeCloseTo(1, 10);
    expect(goodwillBalance([touch(now - 30 * DAY, 'positive')], now, h)).toBeCloseTo(0.5, 10);
    expect(goodwillBalance([touch(now - 60 * DAY, 'positive')], now, h)).toBeCloseTo(0.25, 10);
    expect(goodwillBalance([touch(now - 15 * DAY, 'negative')], now, h)).toBeCloseTo(
      -Math.SQRT1_2,
      10,
    );
  });

  it('a positive 30 days ago and a negative today leave the account overdrawn at -0.5', () => {
    const touches = [touch(now - 30 * DAY, 'positive'), touch(now, 'negative')];
    const balance = goodwillBalance(touches, now, 30);
    expect(balance).toBeCloseTo(-0.5, 10);
    expect(goodwillWord(balance)).toBe('overdrawn');
  });

  it('good news counts double', () => {
    const touches = [touch(now - 30 * DAY, 'positive', { goodNews: true }), touch(now, 'negative')];
    expect(goodwillBalance(touches, now, 30)).toBeCloseTo(0, 10);
    expect(goodwillBalance([touch(now, 'positive', { goodNews: true })], now, 30)).toBe(2);
  });

  it('neutral touches neither deposit nor withdraw', () => {
    expect(goodwillBalance([touch(now - DAY, 'neutral'), touch(now, 'neutral')], now, 30)).toBe(0);
  });

  it('a shorter half-life lets old deposits fade faster', () => {
    const touches = [touch(now - 10 * DAY, 'positive')];
    expect(goodwillBalance(touches, now, 10)).toBeCloseTo(0.5, 10);
    expect(goodwillBalance(touches, now, 30)).toBeCloseTo(Math.pow(0.5, 1 / 3), 10);
  });

  it('goodwillNow from the stored summary is 0 with no touches', () => {
    expect(goodwillNow(summarize([], 30), now)).toBe(0);
  });

  const touchSet = fc.array(
    fc.record({
      ageMs: fc.integer({ min: 0, max: 400 * DAY }),
      outcome: fc.constantFrom<Outcome>('positive', 'neutral', 'negative'),
      goodNews: fc.boolean(),
    }),
    { minLength: 1, maxLength: 40 },
  );

  it('goodwillNow from the stored summary equals goodwillBalance over every touch', () => {
    fc.assert(
      fc.property(
        touchSet,
        fc.integer({ min: 0, max: 200 * DAY }),
        fc.integer({ min: 1, max: 365 }),
        (specs, laterMs, halfLife) => {
          const touches = specs.map((s) =>
            touch(now - s.ageMs, s.outcome, s.goodNews ? { goodNews: true } : {}),
          );
          const later = now + laterMs;
          const stored = summarize(touches, halfLife);
          const expected = goodwillBalance(touches, later, halfLife);
          expect(goodwillNow(stored, later)).toBeCloseTo(expected, 9);
        },
      ),
    );
  });

  it('folding touches in one by one gives the same summary as recomputing', () => {
    fc.assert(
      fc.property(touchSet, (specs) => {
        const touches = specs
          .map((s) => touch(now - s.ageMs, s.outcome, s.goodNews ? { goodNews: true } : {}))
          .sort((a, b) => a.at - b.at);
        let folded = summarize([], 30);
        for (const t of touches) folded = addToSummary(folded, t);
        const whole = summarize(touches, 30);
        expect(folded.touchCount).toBe(whole.touchCount);
        expect(folded.lastTouchAt).toBe(whole.lastTouchAt);
        expect(folded.lastPositiveAt).toBe(whole.lastPositiveAt);
        expect(folded.goodwillAtLastTouch).toBeCloseTo(whole.goodwillAtLastTouch, 9);
        expect(goodwillNow(folded, now)).toBeCloseTo(goodwillBalance(touches, now, 30), 9);
      }),
    );
  });

  it('refuses to fold in a touch older than the last one', () => {
    const summary = summarize([touch(now, 'positive')], 30);
    expect(() => addToSummary(summary, touch(now - DAY, 'negative'))).toThrow();
  });

  it('names the balance: overdrawn below 0, low below one fresh deposit, healthy from 1', () => {
    expect(goodwillWord(-0.001)).toBe('overdrawn');
    expect(goodwillWord(-3)).toBe('overdrawn');
    expect(goodwillWord(0)).toBe('low');
    expect(goodwillWord(0.99999)).toBe('healthy');
    expect(goodwillWord(0.98)).toBe('low');
    expect(goodwillWord(0.994)).toBe('low');
    expect(goodwillWord(1)).toBe('healthy');
    expect(goodwillWord(5)).toBe('healthy');
  });
});

describe('nudges', () => {
  const settings: Settings = DEFAULT_SETTINGS;

  function contactWith(
    touches: Touch[],
    createdAt: number,
    fields: { cadenceDays?: number; emails?: string[] } = {},
    use: Settings = settings,
  ): Contact {
    const base = newContact(
      { name: 'Ada', emails: fields.emails ?? ['ada@example.com'], linkedin: [], ...fields },
      use,
      createdAt,
      'c',
    );
    return withSummary(base, touches, use, createdAt);
  }

  inTimeZone('Europe/Berlin', () => {
    it('shares good news 14 days (by default) after the last positive touch, not before', () => {
      expect(settings.defaultCadenceDays).toBe(14);
      const created = local(2026, 1, 1, 9);
      const c = contactWith([touch(local(2026, 2, 1, 15), 'positive')], created);
      expect(nudgeFor(c, settings, local(2026, 2, 14, 23, 59))).toBeNull();
      const nudge = nudgeFor(c, settings, local(2026, 2, 15, 0, 0));
      expect(nudge).toMatchObject({ reason: 'share-good-news', dueSince: local(2026, 2, 15) });
      expect(nudgeFor(c, settings, local(2026, 2, 19, 10))?.why).toBe(
        '18 days since a positive touch',
      );
      expect(computeDueAt(c, settings)).toBe(local(2026, 2, 15));
    });

    it('counts from the day the contact was added when there was never a positive touch', () => {
      const created = local(2026, 3, 1, 18);
      const c = contactWith([], created);
      expect(nudgeFor(c, settings, local(2026, 3, 14, 23))).toBeNull();
      // 14 calendar days even though the clocks changed on 29 March.
      expect(nudgeFor(c, settings, local(2026, 3, 15, 0, 0))?.reason).toBe('share-good-news');
    });

    it("uses the contact's own cadence when it has one", () => {
      const created = local(2026, 1, 1, 9);
      const c = contactWith([touch(local(2026, 2, 1, 15), 'positive')], created, {
        cadenceDays: 7,
      });
      expect(nudgeFor(c, settings, local(2026, 2, 7, 23))).toBeNull();
      expect(nudgeFor(c, settings, local(2026, 2, 8, 0, 1))?.reason).toBe('share-good-news');
      const relaxed = contactWith([touch(local(2026, 2, 1, 15), 'positive')], created, {
        cadenceDays: 30,
      });
      expect(nudgeFor(relaxed, settings, local(2026, 2, 20))).toBeNull();
    });

    it('asks for repair the day after a negative last impression, not the same day', () => {
      const created = local(2026, 1, 1, 9);
      const c = contactWith(
        [touch(local(2026, 2, 9, 10), 'positive'), touch(local(2026, 2, 10, 16), 'negative')],
        created,
      );
      expect(nudgeFor(c, settings, local(2026, 2, 10, 23, 59))).toBeNull();
      const nudge = nudgeFor(c, settings, local(2026, 2, 11, 0, 0));
      expect(nudge).toMatchObject({ reason: 'repair', dueSince: local(2026, 2, 11) });
      expect(nudge?.why).toBe('last impression negative, yesterday');
    });

    it('asks for repair when overdrawn even if the last touch was neutral', () => {
      const created = local(2026, 1, 1, 9);
      const c = contactWith(
        [touch(local(2026, 2, 1, 10), 'negative'), touch(local(2026, 2, 2, 10), 'neutral')],
        created,
      );
      expect(c.goodwillAtLastTouch).toBeLessThan(0);
      expect(nudgeFor(c, settings, local(2026, 2, 3, 8))?.reason).toBe('repair');
    });

    it('a positive touch after a negative one ends the repair nudge', () => {
      const created = local(2026, 1, 1, 9);
      const c = contactWith(
        [touch(local(2026, 2, 1, 10), 'negative'), touch(local(2026, 2, 2, 10), 'positive')],
        created,
      );
      expect(nudgeFor(c, settings, local(2026, 2, 5))).toBeNull();
    });

    it('overdrawn after a fresh deposit: no repair, good news on the cadence (as documented)', () => {
      const created = local(2026, 1, 1, 9);
      const c = contactWith(
        [
          touch(local(2026, 2, 1, 10), 'negative'),
          touch(local(2026, 2, 1, 11), 'negative'),
          touch(local(2026, 2, 2, 10), 'positive'),
        ],
        created,
      );
      expect(c.goodwillAtLastTouch).toBeLessThan(0);
      expect(nudgeFor(c, settings, local(2026, 2, 10))).toBeNull();
      expect(nudgeFor(c, settings, local(2026, 2, 16))?.reason).toBe('share-good-news');
    });

    it('a snooze hides the nudge until it ends; a dismissal until the next touch', () => {
      const created = local(2026, 1, 1, 9);
      const c = contactWith([touch(local(2026, 2, 10, 16), 'negative')], created);
      const snoozed = { ...c, snoozedUntil: local(2026, 2, 20) };
      expect(nudgeFor(snoozed, settings, local(2026, 2, 19))).toBeNull();
      expect(nudgeFor(snoozed, settings, local(2026, 2, 20))?.reason).toBe('repair');
      expect(computeDueAt(snoozed, settings)).toBe(local(2026, 2, 20));

      const dismissed = { ...c, dismissedAt: local(2026, 2, 12) };
      expect(nudgeFor(dismissed, settings, local(2026, 6, 1))).toBeNull();
      expect(computeDueAt(dismissed, settings)).toBe(-1);
      const touchedAgain = withSummary(
        dismissed,
        [touch(local(2026, 2, 10, 16), 'negative'), touch(local(2026, 2, 13, 9), 'negative')],
        settings,
        local(2026, 2, 13, 9),
      );
      expect(nudgeFor(touchedAgain, settings, local(2026, 2, 14))?.reason).toBe('repair');
    });

    it('leaves out own addresses and ignored domains', () => {
      const created = local(2026, 1, 1, 9);
      const mine = { ...settings, ownAddresses: ['ada@example.com'] };
      const c = contactWith([], created);
      expect(nudgeFor(c, mine, local(2026, 6, 1))).toBeNull();
      const ignored = { ...settings, ignoredDomains: ['example.com'] };
      expect(nudgeFor(c, ignored, local(2026, 6, 1))).toBeNull();
      expect(computeDueAt(c, ignored)).toBe(-1);
      expect(nudgeFor(c, settings, local(2026, 6, 1))).not.toBeNull();
    });

    it('the stored due index agrees with nudgeFor at every moment', () => {
      const created = local(2026, 1, 1, 9);
      fc.assert(
        fc.property(
          fc.array(
            fc.record({
              day: fc.integer({ min: 0, max: 60 }),
              outcome: fc.constantFrom<Outcome>('positive', 'neutral', 'negative'),
            }),
            { maxLength: 6 },
          ),
          fc.integer({ min: 0, max: 120 * 24 }),
          (specs, hoursLater) => {
            const touches = specs.map((s) => touch(created + s.day * DAY + HOUR, s.outcome));
            const c = contactWith(touches, created);
            const at = created + hoursLater * HOUR;
            const due = computeDueAt(c, settings);
            expect(nudgeFor(c, settings, at) !== null).toBe(due !== -1 && due <= at);
          },
        ),
      );
    });
  });
});
