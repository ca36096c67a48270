import { daysSincePositive, goodwillNow, goodwillWord, lastImpression } from '@/lib/impressions';
import type { ContactView } from '@/lib/messaging';
import { usePanelState } from './panel-context';

const IMPRESSION_WORDS = {
  positive: 'Positive',
  neutral: 'Neutral',
  negative: 'Negative',
  none: 'None yet',
} as const;

/** Where you stand: last impression, days since a positive touch, goodwill balance. */
export function Standing({ view }: { view: ContactView | null }) {
  const now = usePanelState((s) => s.now);
  const contact = view?.contact;
  const impression = contact ? lastImpression(contact) : 'none';
  const days = contact ? daysSincePositive(contact.lastPositiveAt, now) : null;
  const balance = contact ? goodwillNow(contact, now) : 0;
  const rounded = Math.round(balance * 100) / 100;
  const word = goodwillWord(balance);

  return (
    <dl className="li-standing">
      <div>
        <dt>Last impression</dt>
        <dd
          data-testid="li-last-impression"
          data-outcome={impression}
          className={`li-outcome li-outcome-${impression}`}
        >
          {IMPRESSION_WORDS[impression]}
        </dd>
      </div>
      <div>
        <dt>Since positive</dt>
        <dd data-testid="li-days-since-positive" data-days={days ?? 'never'}>
          {days === null ? 'never' : days === 1 ? '1 day' : `${days} days`}
        </dd>
      </div>
      <div>
        <dt>Goodwill</dt>
        <dd data-testid="li-goodwill" data-balance={rounded} className={`li-goodwill-${word}`}>
          {rounded.toFixed(1)} · {word}
        </dd>
      </div>
    </dl>
  );
}
