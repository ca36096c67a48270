import { useId } from 'react';
import { LinkContact } from './LinkContact';
import { NudgeBanner } from './NudgeBanner';
import { ParticipantSwitcher } from './ParticipantSwitcher';
import { RecentTouches } from './RecentTouches';
import { usePanel, usePanelState } from './panel-context';

/** The details, opened on request: who else is here, the nudge, a note for the next log, history. */
export function Drawer({ id }: { id: string }) {
  const { store, host, view } = usePanel();
  const note = usePanelState((s) => s.note);
  const goodNews = usePanelState((s) => s.goodNews);
  const noteId = useId();
  const set = store.getState();

  return (
    <section id={id} className="li-drawer" aria-label="Details">
      <ParticipantSwitcher />
      {view && <NudgeBanner view={view} />}
      <div className="li-next-log">
        <label className="li-note-field" htmlFor={noteId}>
          Note for the next log (optional)
        </label>
        <textarea
          id={noteId}
          className="li-note-input"
          rows={2}
          value={note}
          onChange={(event) => set.setNote(event.target.value)}
        />
        <label className="li-good-news">
          <input
            type="checkbox"
            checked={goodNews}
            onChange={(event) => set.setGoodNews(event.target.checked)}
          />
          I brought good news
        </label>
      </div>
      {view === null && (
        <p className="li-muted">Not in your contacts yet. Logging a touch adds them.</p>
      )}
      {view === null && host.offersLinking && <LinkContact />}
      {view && <RecentTouches touches={view.recent} />}
    </section>
  );
}
