import { describe, expect, it } from 'vitest';
import { overdrawnCount, positiveShare, weeklyStats, weeksStart } from '../../lib/metrics';
import type { ContactSummary, Outcome } from '../../lib/model';

const DAY = 24 * 3600 * 1000;

function summary(
  lastOutcome: Outcome | null,
  goodwillAtLastTouch = 0,
  lastTouchAt: number | null = lastOutcome ? 0 : null,
): ContactSummary {
  return {
    touchCount: lastOutcome ? 1 : 0,
    lastTouchAt,
    lastOutcome,
    lastPositiveAt: null,
    goodwillAtLastTouch,
    halfLifeDays: 30,
  };
}

describe('positiveShare', () => {
  it('counts touched contacts whose latest touch was positive', () => {
    const contacts = [
      summary('positive'),
      summary('negative'),
      summary('positive'),
      summary('neutral'),
      summary(null),
    ];
    expect(positiveShare(contacts)).toBe(0.5);
  });

  it('is 0 when nobody has been touched', () => {
    expect(positiveShare([summary(null)])).toBe(0);
    expect(positiveShare([])).toBe(0);
  });
});

describe('overdrawnCount', () => {
  it('counts contacts whose decayed balance is below zero', () => {
    const now = 100 * DAY;
    expect(
      overdrawnCount(
        [summary('negative', -0.5, now - DAY), summary('positive', 1, now), summary(null)],
        now,
      ),
    ).toBe(1);
  });
});

describe('weeklyStats', () => {
  // Wednesday 2026-03-11 12:00 local; weeks start on Monday.
  const now = new Date(2026, 2, 11, 12).getTime();

  it('puts touches into local Monday-to-Sunday weeks, newest week last', () => {
    const weeks = weeklyStats(
      [
        { at: new Date(2026, 2, 9, 0, 0).getTime(), outcome: 'positive', goodNews: true },
        { at: new Date(2026, 2, 8, 23, 59).getTime(), outcome: 'negative' },
        { at: new Date(2026, 2, 10).getTime(), outcome: 'neutral' },
      ],
      now,
    );
    expect(weeks).toHaveLength(12);
    const last = weeks[11]!;
    expect(new Date(last.start)).toEqual(new Date(2026, 2, 9));
    expect(last).toMatchObject({ positive: 1, neutral: 1, negative: 0, goodNews: 1 });
    expect(weeks[10]).toMatchObject({ positive: 0, negative: 1, goodNews: 0 });
  });

  it('ignores touches older than the twelve weeks shown', () => {
    const start = weeksStart(now);
    const weeks = weeklyStats(
      [
        { at: start - 1, outcome: 'positive' },
        { at: start, outcome: 'positive' },
      ],
      now,
    );
    expect(weeks.reduce((n, w) => n + w.positive, 0)).toBe(1);
    expect(weeks[0]!.positive).toBe(1);
  });

  it('keeps whole weeks across a daylight-saving change', () => {
    // Each week start is a local midnight whatever the offset, so 13 weeks back is not 91*24h.
    const weeks = weeklyStats([], new Date(2026, 9, 28, 12).getTime(), 12);
    for (const w of weeks) {
      const d = new Date(w.start);
      expect([d.getHours(), d.getMinutes(), d.getDay()]).toEqual([0, 0, 1]);
    }
  });
});
