import { describe, expect, it } from 'vitest';
import {
  explainGoodwill,
  formatGoodwill,
  goodwillLabel,
  roundGoodwill,
} from '@/lib/goodwill-format';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 29, 12);

describe('one number for goodwill', () => {
  it('rounds once, so 0.2499 reads 0.2 everywhere rather than 0.3 after a detour through 0.25', () => {
    expect(formatGoodwill(0.2499)).toBe('0.2');
    expect(formatGoodwill(0.25)).toBe('0.3');
    expect(roundGoodwill(0.2499)).toBe(0.2);
  });

  it('never prints a negative zero', () => {
    expect(formatGoodwill(-0.01)).toBe('0.0');
    expect(Object.is(roundGoodwill(-0.01), -0)).toBe(false);
  });

  it('rounds halves away from zero: −0.25 reads −0.3 as 0.25 reads 0.3', () => {
    expect(formatGoodwill(-0.25)).toBe('−0.3');
    expect(roundGoodwill(-0.25)).toBe(-0.3);
    expect(roundGoodwill(0.25)).toBe(0.3);
  });

  it('prints a true minus sign (U+2212) in the figure, as its explanation does', () => {
    expect(formatGoodwill(-1)).toBe('\u22121.0');
    const explained = explainGoodwill(
      [{ id: 'a', at: NOW - DAY, outcome: 'negative' }],
      -1.2,
      30,
      NOW,
    );
    expect(explained.parts[0]!.text).toMatch(/^\u22121 negative, 1 day ago → \u22120\.98$/);
    expect(formatGoodwill(explained.older)).toMatch(/^\u2212/);
  });

  it('names the word with the figure', () => {
    expect(goodwillLabel(-1)).toBe('−1.0 · overdrawn');
    expect(goodwillLabel(0.5)).toBe('0.5 · low');
    expect(goodwillLabel(2)).toBe('2.0 · healthy');
  });
});

describe('the figure explains itself', () => {
  it('lists each touch, newest first, with what it weighs now', () => {
    const touches = [
      { id: 'a', at: NOW - 30 * DAY, outcome: 'negative' as const },
      { id: 'b', at: NOW - 3 * DAY, outcome: 'positive' as const, goodNews: true },
    ];
    const balance = 2 * 0.5 ** (3 / 30) - 0.5;
    const explained = explainGoodwill(touches, balance, 30, NOW);
    expect(explained.parts.map((p) => p.text)).toEqual([
      '+2 good news, 3 days ago → +1.87',
      '−1 negative, 30 days ago → −0.50',
    ]);
    expect(explained.older).toBe(0);
    expect(explained.word).toBe('healthy');
  });

  it('reports what older, unlisted touches still weigh', () => {
    const touches = [{ id: 'a', at: NOW - DAY, outcome: 'neutral' as const }];
    const explained = explainGoodwill(touches, 0.75, 30, NOW);
    expect(explained.parts[0]!.text).toBe('0 neutral, 1 day ago → 0.00');
    expect(explained.older).toBeCloseTo(0.75);
  });
});
