import { useState, type FormEvent } from 'react';
import { CHANNELS, OUTCOMES, type Channel, type Outcome, type Touch } from '@/lib/model';
import { ErrorText } from './ErrorText';
import { fromLocalInput, toLocalInput } from './format';

export interface TouchDraft {
  at: number;
  channel: Channel;
  outcome: Outcome;
  note: string;
  goodNews: boolean;
}

interface Props {
  /** The touch being edited; a new touch starts now, by email, neutral. */
  touch?: Touch;
  submitLabel: string;
  /** Resolves to an error message, or null when saved. */
  onSubmit: (draft: TouchDraft) => Promise<string | null>;
  onCancel?: () => void;
}

export function TouchForm({ touch, submitLabel, onSubmit, onCancel }: Props) {
  const [at, setAt] = useState(() => toLocalInput(touch?.at ?? Date.now()));
  const [channel, setChannel] = useState<Channel>(touch?.channel ?? 'email');
  const [outcome, setOutcome] = useState<Outcome>(touch?.outcome ?? 'neutral');
  const [note, setNote] = useState(touch?.note ?? '');
  const [goodNews, setGoodNews] = useState(touch?.goodNews ?? false);
  const [error, setError] = useState<string | null>(null);
  const prefix = touch ? `edit-${touch.id}` : 'new-touch';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const when = fromLocalInput(at);
    if (!when.ok) {
      setError(at.trim() ? `When: ${at} ${when.problem}.` : 'When: enter a date and time.');
      return;
    }
    const problem = await onSubmit({ at: when.ms, channel, outcome, note, goodNews });
    setError(problem);
    if (!problem && !touch) {
      setNote('');
      setGoodNews(false);
    }
  };

  return (
    <form className="li-form li-touch-form" onSubmit={(e) => void submit(e)}>
      <label htmlFor={`${prefix}-at`}>When</label>
      <input
        id={`${prefix}-at`}
        type="datetime-local"
        value={at}
        required
        onChange={(e) => setAt(e.currentTarget.value)}
      />
      <label htmlFor={`${prefix}-channel`}>Channel</label>
      <select
        id={`${prefix}-channel`}
        value={channel}
        onChange={(e) => setChannel(e.currentTarget.value as Channel)}
      >
        {CHANNELS.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
      <label htmlFor={`${prefix}-outcome`}>Outcome</label>
      <select
        id={`${prefix}-outcome`}
        value={outcome}
        onChange={(e) => setOutcome(e.currentTarget.value as Outcome)}
      >
        {OUTCOMES.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
      <label htmlFor={`${prefix}-note`}>Note</label>
      <textarea
        id={`${prefix}-note`}
        value={note}
        rows={2}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <span />
      <label>
        <input
          type="checkbox"
          checked={goodNews}
          onChange={(e) => setGoodNews(e.currentTarget.checked)}
        />{' '}
        I brought good news
      </label>
      <div className="li-row li-form-actions">
        <button type="submit">{submitLabel}</button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      <ErrorText error={error} />
    </form>
  );
}
