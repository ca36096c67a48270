import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { getDb } from '@/lib/db/database';
import { recentTouches } from '@/lib/db/touches';
import {
  explainGoodwill,
  formatGoodwill,
  goodwillLabel,
  roundGoodwill,
} from '@/lib/goodwill-format';
import { goodwillNow } from '@/lib/impressions';
import type { Contact } from '@/lib/model';

/** Enough to see what moved the figure; what older touches still weigh is summed in one line. */
const EXPLAINED_TOUCHES = 5;

/**
 * The contact's goodwill, which explains itself on hover and on keyboard focus: the latest
 * touches and what each weighs now. The explanation is the figure's accessible description, so
 * a screen reader hears it on focus; Escape hides it (WCAG 1.4.13) until the pointer or focus
 * comes back.
 */
export function GoodwillFigure({ contact, now }: { contact: Contact; now: number }) {
  const tipId = useId();
  const [dismissed, setDismissed] = useState(false);
  const touches = useLiveQuery(
    () => recentTouches(getDb(), contact.id, EXPLAINED_TOUCHES),
    [contact.id],
  );
  const balance = goodwillNow(contact, now);
  const explained = explainGoodwill(touches ?? [], balance, contact.halfLifeDays, now);
  const older = explained.older;

  return (
    <span
      className="li-explained"
      data-dismissed={dismissed || undefined}
      onMouseLeave={() => setDismissed(false)}
      onBlur={() => setDismissed(false)}
    >
      <button
        type="button"
        className="li-figure"
        data-testid="li-goodwill"
        data-balance={roundGoodwill(balance)}
        aria-describedby={tipId}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setDismissed(true);
        }}
      >
        {goodwillLabel(balance)}
      </button>
      <span role="tooltip" id={tipId} className="li-tooltip" data-testid="li-goodwill-why">
        {contact.touchCount === 0 ? (
          'No touches yet, so no goodwill either way.'
        ) : touches === undefined ? (
          'Loading the touches behind it…'
        ) : (
          <>
            <span className="li-tooltip-title">What each touch weighs now:</span>
            {explained.parts.map((part) => (
              <span key={part.touchId} className="li-tooltip-line">
                {part.text}
                <Pause />
              </span>
            ))}
            {older !== 0 && (
              <span className="li-tooltip-line">
                {olderLabel(contact.touchCount - explained.parts.length)} → {signed(older)}
                <Pause />
              </span>
            )}
            <span className="li-tooltip-note">
              Sum {formatGoodwill(balance)}. Each touch weighs half as much every{' '}
              {contact.halfLifeDays} days.
            </span>
          </>
        )}
      </span>
    </span>
  );
}

/** Lines are blocks on screen; a screen reader reading the description needs the pause spoken. */
function Pause() {
  return <span className="li-sr">; </span>;
}

function olderLabel(count: number): string {
  return count === 1 ? '1 older touch' : `${count} older touches`;
}

function signed(n: number): string {
  return `${n < 0 ? '−' : '+'}${Math.abs(n).toFixed(2)}`;
}
