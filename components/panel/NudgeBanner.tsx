import { nudgeFor, suggestionFor } from '@/lib/impressions';
import type { ContactView } from '@/lib/panel/view';
import { SNOOZE_CHOICES } from '@/lib/snooze';
import { usePanel, usePanelState } from './panel-context';

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
        {SNOOZE_CHOICES.map((choice) => (
          <button
            key={choice}
            type="button"
            disabled={busy}
            aria-label={`Snooze ${choice}`}
            onClick={() => void actions.snooze(view.contact.id, choice)}
          >
            {choice}
          </button>
        ))}
      </div>
    </div>
  );
}
