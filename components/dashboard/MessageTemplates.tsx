import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import {
  DEFAULT_TEMPLATES,
  PLACEHOLDERS,
  TEMPLATE_LABELS,
  TEMPLATE_REASONS,
} from '@/lib/compose/templates';
import type { ComposeSettings } from '@/lib/compose/settings';
import { getComposeSettings, saveComposeSettings } from '@/lib/db/compose';
import { getDb } from '@/lib/db/database';
import { ErrorText } from './ErrorText';
import './news.css';

/** Settings → "Message templates": what "Write to" drafts, one template per reason. */
export function MessageTemplates() {
  const stored = useLiveQuery(() => getComposeSettings(getDb()), []);
  return (
    <section aria-labelledby="templates-heading" className="li-card">
      <h2 id="templates-heading">Message templates</h2>
      <p className="li-muted">
        &ldquo;Write to&rdquo; on a nudge opens one of these, filled in, for you to edit and send.
        Placeholders: {PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}. A line whose placeholders are
        all empty is left out. Notes ({'{lastNote}'}) are your private record: use that one with
        care.
      </p>
      {stored ? <TemplatesForm initial={stored} /> : <p className="li-muted">Loading…</p>}
    </section>
  );
}

function TemplatesForm({ initial }: { initial: ComposeSettings }) {
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await saveComposeSettings(getDb(), draft);
    setSaved(result.ok);
    setError(result.ok ? null : `Not saved. ${result.error}`);
  };

  return (
    <form className="li-form" onSubmit={(e) => void submit(e)} onChange={() => setSaved(false)}>
      {TEMPLATE_REASONS.map((reason) => (
        <fieldset key={reason} className="li-template">
          <legend>{TEMPLATE_LABELS[reason]}</legend>
          <label htmlFor={`tpl-${reason}-subject`}>Subject</label>
          <input
            id={`tpl-${reason}-subject`}
            value={draft.templates[reason].subject}
            onChange={(e) => {
              const subject = e.currentTarget.value;
              setDraft((d) => ({
                ...d,
                templates: { ...d.templates, [reason]: { ...d.templates[reason], subject } },
              }));
            }}
          />
          <label htmlFor={`tpl-${reason}-body`}>Body</label>
          <textarea
            id={`tpl-${reason}-body`}
            rows={7}
            value={draft.templates[reason].body}
            onChange={(e) => {
              const body = e.currentTarget.value;
              setDraft((d) => ({
                ...d,
                templates: { ...d.templates, [reason]: { ...d.templates[reason], body } },
              }));
            }}
          />
        </fieldset>
      ))}
      <span />
      <label>
        <input
          type="checkbox"
          checked={draft.openLastThread}
          onChange={(e) => {
            const openLastThread = e.currentTarget.checked;
            setDraft((d) => ({ ...d, openLastThread }));
          }}
        />{' '}
        Open the contact&rsquo;s last Gmail thread instead of a new message, when it is known
      </label>
      <div className="li-row li-form-actions">
        <button type="submit">Save templates</button>
        <button
          type="button"
          onClick={() => {
            setDraft((d) => ({ ...d, templates: DEFAULT_TEMPLATES }));
            setSaved(false);
          }}
        >
          Restore the default templates
        </button>
        <span aria-live="polite">{saved ? 'Templates saved.' : ''}</span>
      </div>
      <ErrorText error={error} />
    </form>
  );
}
