import { ChannelRadios } from '@/components/log/ChannelRadios';
import { LogButtons } from '@/components/log/LogButtons';
import { dueNudge } from '@/lib/panel/choose';
import { saveCollapsed } from '@/lib/panel/collapsed-storage';
import { usePanel, usePanelState } from './panel-context';
import { Standing } from './Standing';

const OUTCOME_WORDS = { positive: 'positive', neutral: 'neutral', negative: 'negative' } as const;

/** The name shown for a person: the stored name, else the page's, else the identity. */
function identityText(person: NonNullable<ReturnType<typeof usePanel>['person']>): string {
  if (person.identity.kind === 'email') return person.identity.value;
  // An id path (`/in/ACoAA…`) means nothing to a reader: show the public one, or none.
  if (person.publicPath) return person.publicPath;
  return person.identity.value.startsWith('/in/ACoA') ? '' : person.identity.value;
}

/**
 * What shows unasked, in the host page's flow: who, where you stand, the nudge, and the log
 * controls. Two lines; the log buttons keep their place whatever the status beside them says.
 */
export function InlineBar({ drawerId }: { drawerId: string }) {
  const { store, actions, host, person, view, views } = usePanel();
  const channel = usePanelState((s) => s.channel) ?? host.channels[0] ?? 'other';
  const busy = usePanelState((s) => s.busy);
  const error = usePanelState((s) => s.error);
  const undo = usePanelState((s) => s.undo);
  const now = usePanelState((s) => s.now);
  const drawerOpen = usePanelState((s) => s.drawerOpen);
  const screen = usePanelState((s) => s.screen);
  if (!person) return null;
  const others = screen.kind === 'people' ? screen.people.length - 1 : 0;
  const nudge = view ? dueNudge(views, person.key, now) : null;
  const name = view?.contact.name ?? person.name ?? person.identity.value;
  const set = store.getState();

  return (
    <section className="li-bar" aria-label="Last Impression">
      <div className="li-row1">
        <div className="li-contact" data-testid="li-contact">
          <bdi className="li-name">{name}</bdi>
          <span className="li-identity">{identityText(person)}</span>
        </div>
        {view === undefined ? <span className="li-muted">Loading…</span> : <Standing view={view} />}
        {nudge && (
          <span className="li-nudge-chip" data-testid="li-panel-nudge" data-reason={nudge.reason}>
            {nudge.reason === 'repair' ? 'Time to repair' : 'Share good news'}
          </span>
        )}
        <span className="li-row1-end">
          <button
            type="button"
            className="li-details"
            aria-expanded={drawerOpen}
            aria-controls={drawerId}
            onClick={() => set.setDrawerOpen(!drawerOpen)}
          >
            {others > 0 ? `Details · +${others}` : 'Details'}
          </button>
          <button
            type="button"
            className="li-icon-button"
            aria-label="Hide panel"
            title="Hide (the panel remembers)"
            onClick={() => {
              set.setCollapsed(true);
              saveCollapsed(true);
            }}
          >
            ×
          </button>
        </span>
      </div>
      <div className="li-row2">
        <ChannelRadios channels={host.channels} value={channel} onChange={set.setChannel} />
        <LogButtons onLog={(outcome) => void actions.log(person, outcome)} />
        <p className="li-status" role="status">
          {undo ? (
            <>
              <button
                type="button"
                className="li-undo"
                aria-label={`Undo: logged ${OUTCOME_WORDS[undo.outcome]} · ${undo.name}`}
                onClick={() => void actions.undo(person.key)}
              >
                Undo
              </button>{' '}
              <span>
                Logged {OUTCOME_WORDS[undo.outcome]} · <bdi>{undo.name}</bdi>
              </span>
            </>
          ) : error ? (
            <span className="li-error" role="alert" title={error}>
              {error}
            </span>
          ) : busy ? (
            <span className="li-muted">Saving…</span>
          ) : null}
        </p>
      </div>
    </section>
  );
}
