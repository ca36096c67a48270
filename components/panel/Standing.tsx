import { useId } from 'react';
import { formatGoodwill, roundGoodwill } from '@/lib/goodwill-format';
import { daysSincePositive, goodwillNow, goodwillWord, lastImpression } from '@/lib/impressions';
import type { ContactView } from '@/lib/panel/view';
import { usePanel, usePanelState } from './panel-context';

const IMPRESSION_WORDS = {
  positive: 'Positive',
  neutral: 'Neutral',
  negative: 'Negative',
  none: 'None yet',
} as const;

export const GOODWILL_TIP_ID = 'li-goodwill-tip';

/** Where you stand, on one line: last impression, days since a positive touch, goodwill. */
export function Standing({ view }: { view: ContactView | null }) {
  const { store } = usePanel();
  const now = usePanelState((s) => s.now);
  const tipOpen = usePanelState((s) => s.tipOpen);
  const contact = view?.contact;
  const impression = contact ? lastImpression(contact) : 'none';
  const days = contact ? daysSincePositive(contact.lastPositiveAt, now) : null;
  const balance = contact ? goodwillNow(contact, now) : 0;
  const word = goodwillWord(balance);
  const labelId = useId();
  const setTip = (open: boolean) => store.getState().setTipOpen(open);

  return (
    <dl className="li-standing">
      <div>
        <dt>Last</dt>
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
        <dt id={labelId}>Goodwill</dt>
        <dd
          data-testid="li-goodwill"
          data-balance={roundGoodwill(balance)}
          className={`li-goodwill li-goodwill-${word}`}
          tabIndex={0}
          aria-labelledby={labelId}
          aria-describedby={tipOpen ? GOODWILL_TIP_ID : undefined}
          aria-expanded={tipOpen}
          onMouseEnter={() => setTip(true)}
          onMouseLeave={() => setTip(false)}
          onFocus={() => setTip(true)}
          onBlur={() => setTip(false)}
        >
          {formatGoodwill(balance)} · {word}
        </dd>
      </div>
    </dl>
  );
}
