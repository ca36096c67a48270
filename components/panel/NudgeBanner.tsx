import { addDays, addMonths, addWeeks } from 'date-fns';
import { nudgeFor, suggestionFor } from '@/lib/impressions';
import type { ContactView } from '@/lib/panel/view';
import { usePanel, usePanelState } from './panel-context';

const SNOOZES = [
  { label: '1 day', until: (now: number) => addDays(now, 1).getTime() },
  { label: '1 week', until: (now: number) => addWeeks(now, 1).getTime() },
  { label: '1 month', until: (now: number) => addMonths(now, 1).getTime() },
] as const;

/** The nudge in full, with what to do about it and how to put it off. */
export function NudgeBanner({ view }: { view: ContactView }) {
  const { actions } = usePanel();
  const now = usePanelState((s) => s.now);
  const busy = usePanelState((s) => s.busy);
  const nudge = nudgeFor(view.contact, view.settings, now);
  if (!nudge) return null;

  return (
    <div className="li-nudge" data-reason={nudge.reason}>
      <p className="li-nudge-title">
        {nudge.reason === 'repair' ? 'Time to repair' : 'Time to share good news'}
        <span className="li-muted"> · {nudge.why}</span>
      </p>
      <p className="li-nudge-suggestion">{suggestionFor(nudge.reason)}</p>
      <div className="li-row" role="group" aria-label="Snooze this nudge">
        <span className="li-muted">Snooze</span>
        {SNOOZES.map((s) => (
          <button
            key={s.label}
            type="button"
            disabled={busy}
            aria-label={`Snooze ${s.label}`}
            onClick={() => void actions.snooze(view.contact.id, s.until(Date.now()))}
          >
            {s.label}
          </button>
        ))}
      </div>
    </div>
  );
}
