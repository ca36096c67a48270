import { formatDistance } from 'date-fns';
import { CHANNEL_NAMES } from '@/components/log/ChannelRadios';
import type { Touch } from '@/lib/model';
import { usePanelState } from './panel-context';

/** The last five touches, newest first; notes are clamped to a few lines and shown as text. */
export function RecentTouches({ touches }: { touches: readonly Touch[] }) {
  const now = usePanelState((s) => s.now);
  if (touches.length === 0) return null;
  return (
    <section className="li-recent" aria-label="Recent touches">
      <h3>Recent touches</h3>
      <ol>
        {touches.slice(0, 5).map((touch) => (
          <li key={touch.id} className="li-touch" data-outcome={touch.outcome}>
            <div className="li-touch-line">
              <span className={`li-dot li-outcome-${touch.outcome}`} aria-hidden="true" />
              <span className="li-touch-outcome">{touch.outcome}</span>
              <span className="li-muted">
                {CHANNEL_NAMES[touch.channel]} ·{' '}
                {formatDistance(touch.at, now, { addSuffix: true })}
                {touch.goodNews ? ' · good news' : ''}
              </span>
            </div>
            {touch.note && (
              <p className="li-note" dir="auto">
                {touch.note}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
