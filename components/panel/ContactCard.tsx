import type { Person } from '@/lib/panel/screen';
import { LinkContact } from './LinkContact';
import { NudgeBanner } from './NudgeBanner';
import { ParticipantSwitcher } from './ParticipantSwitcher';
import { QuickLog } from './QuickLog';
import { RecentTouches } from './RecentTouches';
import { Standing } from './Standing';
import { usePanel, usePanelState } from './panel-context';

/** Everything about the person on screen: who, where you stand, recent touches, quick log. */
export function ContactCard({ person }: { person: Person }) {
  const { site } = usePanel();
  const view = usePanelState((s) => s.views[person.key]);
  const name = view?.contact.name ?? person.name ?? person.identity.value;

  return (
    <section className="li-card" aria-live="polite">
      <div className="li-contact" data-testid="li-contact">
        <bdi className="li-name">{name}</bdi>
        <span className="li-identity">{person.identity.value}</span>
      </div>
      <ParticipantSwitcher />
      {view === undefined ? (
        <p className="li-muted">Loading…</p>
      ) : (
        <>
          {view && <NudgeBanner view={view} />}
          <Standing view={view} />
          {view === null && (
            <p className="li-muted">Not in your contacts yet. Logging a touch adds them.</p>
          )}
          {view === null && site.offersLinking && <LinkContact />}
          {view && <RecentTouches touches={view.recent} />}
        </>
      )}
      <QuickLog />
    </section>
  );
}
