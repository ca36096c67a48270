import { format } from 'date-fns';
import { useMemo, useState, type FormEvent } from 'react';
import type { Contact } from '@/lib/model';
import { audienceOf, formatAudience, parseAudience } from '@/lib/news/audience';
import type { NewsInput, NewsItem } from '@/lib/news/types';
import { ErrorText } from './ErrorText';

const PREVIEW_NAMES = 5;

/**
 * Records or edits one piece of good news. "Who would care" takes names, addresses,
 * companies and #tags separated by commas; the line under it says whom that matches now.
 */
export function NewsForm(props: {
  idPrefix: string;
  contacts: readonly Contact[];
  initial?: NewsItem;
  submitLabel: string;
  onSave: (input: NewsInput) => Promise<string | null>;
  onCancel?: () => void;
}) {
  const { contacts, initial, idPrefix } = props;
  const [headline, setHeadline] = useState(initial?.headline ?? '');
  const [details, setDetails] = useState(initial?.details ?? '');
  const [day, setDay] = useState(() => initial?.day ?? format(Date.now(), 'yyyy-MM-dd'));
  const [who, setWho] = useState(() => (initial ? formatAudience(initial.audience, contacts) : ''));
  const [error, setError] = useState<string | null>(null);

  const parsed = useMemo(() => parseAudience(who, contacts), [who, contacts]);
  const matched = parsed.ok ? audienceOf({ audience: parsed.audience }, contacts) : [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    const problem = await props.onSave({
      headline,
      ...(details.trim() ? { details } : {}),
      day,
      audience: parsed.audience,
    });
    setError(problem);
    if (!problem && !initial) {
      setHeadline('');
      setDetails('');
      setWho('');
    }
  };

  const names = matched.slice(0, PREVIEW_NAMES).map((c) => c.name);
  const more = matched.length - names.length;
  return (
    <form className="li-form" onSubmit={(e) => void submit(e)}>
      <label htmlFor={`${idPrefix}-headline`}>Headline</label>
      <input
        id={`${idPrefix}-headline`}
        required
        maxLength={200}
        placeholder="e.g. CSV export shipped"
        value={headline}
        onChange={(e) => setHeadline(e.currentTarget.value)}
      />
      <label htmlFor={`${idPrefix}-details`}>Details</label>
      <textarea
        id={`${idPrefix}-details`}
        rows={3}
        placeholder="optional: what it means for them, a link"
        value={details}
        onChange={(e) => setDetails(e.currentTarget.value)}
      />
      <label htmlFor={`${idPrefix}-day`}>Day</label>
      <input
        id={`${idPrefix}-day`}
        type="date"
        required
        value={day}
        onChange={(e) => setDay(e.currentTarget.value)}
      />
      <label htmlFor={`${idPrefix}-who`}>Who would care</label>
      <textarea
        id={`${idPrefix}-who`}
        rows={2}
        aria-describedby={`${idPrefix}-who-hint ${idPrefix}-who-match`}
        placeholder="Ada Lovelace, Acme, #fintech"
        value={who}
        onChange={(e) => setWho(e.currentTarget.value)}
      />
      <span />
      <p id={`${idPrefix}-who-hint`} className="li-muted li-news-hint">
        Names or addresses of stored contacts, companies, and tags (#tag), separated by commas.
        Companies and tags match whatever the letter case.
      </p>
      <span />
      <p id={`${idPrefix}-who-match`} className="li-news-hint" aria-live="polite">
        {!parsed.ok
          ? parsed.error
          : matched.length === 0
            ? 'Matches nobody yet.'
            : `Matches ${matched.length === 1 ? '1 contact' : `${matched.length} contacts`}: ${names.join(', ')}${more > 0 ? ` and ${more} more` : ''}.`}
      </p>
      <div className="li-row li-form-actions">
        <button type="submit">{props.submitLabel}</button>
        {props.onCancel ? (
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
      <ErrorText error={error} />
    </form>
  );
}
