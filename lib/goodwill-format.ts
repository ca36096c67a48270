import { differenceInCalendarDays } from 'date-fns';
import { decay, goodwillWord, touchWeight, type GoodwillWord } from './impressions';
import type { Touch } from './model';

/** U+2212: a minus sign as wide as the plus, where a hyphen would read as a dash. */
const MINUS = '\u2212';

/**
 * The one way a goodwill balance becomes a number on screen or in a file. The panel, the popup,
 * the dashboard and the CSV export all call it, so the same contact at the same moment reads
 * the same figure everywhere (rounding twice, 0.2499 → 0.25 → 0.3, once made them disagree).
 * Halves round away from zero, so −0.25 reads −0.3 as 0.25 reads 0.3: a debt never looks
 * smaller than the same credit would.
 */
export function roundGoodwill(balance: number): number {
  const rounded = (Math.sign(balance) * Math.round(Math.abs(balance) * 10)) / 10;
  // -0 would print as "0" in one place and "-0.0" in another.
  return rounded === 0 ? 0 : rounded;
}

/** The figure as a file holds it: ASCII, so a spreadsheet reads "-0.3" as a number. */
export function goodwillDecimal(balance: number): string {
  return roundGoodwill(balance).toFixed(1);
}

/** The figure as people read it, with a true minus sign, like the explanation's parts. */
export function formatGoodwill(balance: number): string {
  return goodwillDecimal(balance).replace('-', MINUS);
}

/** "0.3 · low", as the panel and popup show it; the word follows the rule, not the rounding. */
export function goodwillLabel(balance: number): string {
  return `${formatGoodwill(balance)} · ${goodwillWord(balance)}`;
}

export interface GoodwillPart {
  touchId: string;
  /** "+2 good news, 3 days ago → +1.86" */
  text: string;
  weighsNow: number;
}

export interface GoodwillExplanation {
  parts: GoodwillPart[];
  /** What the touches not listed still weigh, after decay; 0 when every touch is listed. */
  older: number;
  word: GoodwillWord;
}

function signed(n: number, digits: number): string {
  const fixed = Math.abs(n).toFixed(digits);
  if (Number(fixed) === 0) return (0).toFixed(digits);
  return `${n < 0 ? MINUS : '+'}${fixed}`;
}

function kind(touch: Pick<Touch, 'outcome' | 'goodNews'>): string {
  if (touch.outcome === 'positive') return touch.goodNews ? 'good news' : 'positive';
  return touch.outcome;
}

/**
 * The touches behind a balance and what each weighs now, newest first: the figure's own
 * explanation on hover and focus. `touches` may be the latest few; `balance` is the whole sum,
 * so what the rest still weighs is reported as `older`.
 */
export function explainGoodwill(
  touches: readonly Pick<Touch, 'id' | 'at' | 'outcome' | 'goodNews'>[],
  balance: number,
  halfLifeDays: number,
  now: number,
): GoodwillExplanation {
  const newestFirst = [...touches].sort((a, b) => b.at - a.at);
  let listed = 0;
  const parts = newestFirst.map((t) => {
    const base = touchWeight(t);
    const weighsNow = base * decay(t.at, now, halfLifeDays);
    listed += weighsNow;
    const days = Math.max(0, differenceInCalendarDays(now, t.at));
    const ago = days === 0 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`;
    return {
      touchId: t.id,
      text: `${signed(base, 0)} ${kind(t)}, ${ago} → ${signed(weighsNow, 2)}`,
      weighsNow,
    };
  });
  const older = balance - listed;
  return { parts, older: Math.abs(older) < 0.005 ? 0 : older, word: goodwillWord(balance) };
}
