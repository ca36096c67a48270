import { explainGoodwill, formatGoodwill } from '@/lib/goodwill-format';
import { goodwillNow } from '@/lib/impressions';
import type { ContactView } from '@/lib/panel/view';
import { usePanelState } from './panel-context';
import { GOODWILL_TIP_ID } from './Standing';

/** What the goodwill figure is made of: each recent touch and what it weighs now. */
export function GoodwillTip({ view }: { view: ContactView | null }) {
  const now = usePanelState((s) => s.now);
  if (!view) {
    return (
      <div id={GOODWILL_TIP_ID} role="tooltip" className="li-tip">
        No touches yet: goodwill starts at 0.
      </div>
    );
  }
  const balance = goodwillNow(view.contact, now);
  const { parts, older } = explainGoodwill(view.recent, balance, view.settings.halfLifeDays, now);
  return (
    <div id={GOODWILL_TIP_ID} role="tooltip" className="li-tip">
      <p className="li-tip-title">
        Goodwill {formatGoodwill(balance)}: each touch fades by half every{' '}
        {view.settings.halfLifeDays} days.
      </p>
      <ul>
        {parts.map((p) => (
          <li key={p.touchId}>{p.text}</li>
        ))}
        {older !== 0 && <li>Older touches → {formatGoodwill(older)}</li>}
      </ul>
    </div>
  );
}
