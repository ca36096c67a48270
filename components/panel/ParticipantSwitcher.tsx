import { dueNudge } from '@/lib/panel/choose';
import { usePanel, usePanelState } from './panel-context';

/**
 * Everyone the page shows, as radios that wrap instead of cutting names off; each says whether
 * the person is stored and whether a nudge is due.
 */
export function ParticipantSwitcher() {
  const { store, person, views } = usePanel();
  const screen = usePanelState((s) => s.screen);
  const now = usePanelState((s) => s.now);
  if (screen.kind !== 'people' || screen.people.length < 2 || !person) return null;

  return (
    <fieldset className="li-switcher" role="radiogroup" aria-label="Participant">
      <legend>Participant</legend>
      {screen.people.map((p) => {
        const stored = Boolean(views?.[p.key]);
        const nudge = dueNudge(views, p.key, now);
        const marks = [stored ? 'stored' : 'not stored', ...(nudge ? ['due'] : [])];
        return (
          <label key={p.key} className="li-participant">
            <input
              type="radio"
              name="li-participant"
              value={p.key}
              checked={p.key === person.key}
              onChange={() => store.getState().select(p.key)}
            />
            <span>
              <bdi>{p.name ?? p.identity.value}</bdi>{' '}
              <span className="li-muted">
                {p.identity.kind === 'email' ? p.identity.value : (p.publicPath ?? '')}
              </span>{' '}
              {marks.map((m) => (
                <span key={m} className={`li-mark li-mark-${m.replace(' ', '-')}`}>
                  {m}
                </span>
              ))}
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
