import { useId } from 'react';
import { ChannelRadios } from '@/components/log/ChannelRadios';
import { LogButtons } from '@/components/log/LogButtons';
import { usePanel, usePanelState } from './panel-context';

/** One click logs the outcome with the chosen channel; Undo stays for ten seconds. */
export function QuickLog() {
  const { actions, site, store } = usePanel();
  const channel = usePanelState((s) => s.channel);
  const note = usePanelState((s) => s.note);
  const goodNews = usePanelState((s) => s.goodNews);
  const busy = usePanelState((s) => s.busy);
  const error = usePanelState((s) => s.error);
  const undo = usePanelState((s) => s.undo);
  const noteId = useId();
  const set = store.getState();

  return (
    <section className="li-quick-log" aria-label="Log a touch">
      <ChannelRadios channels={site.channels} value={channel} onChange={set.setChannel} />
      <label className="li-note-field" htmlFor={noteId}>
        Note (optional)
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
      <LogButtons onLog={(outcome) => void actions.log(outcome)} disabled={busy} />
      {undo && (
        <p className="li-undo" role="status">
          Logged.{' '}
          <button type="button" onClick={() => void actions.undo()}>
            Undo
          </button>
        </p>
      )}
      {error && (
        <p className="li-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
