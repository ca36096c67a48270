import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { LogButtons } from '@/components/log/LogButtons';
import { findContactByIdentity } from '@/lib/db/contacts';
import { getDb } from '@/lib/db/database';
import type { IdentityKey } from '@/lib/identity';
import type { Outcome } from '@/lib/model';
import { firstName } from '@/lib/news/nudge-news';
import type { PanelActions } from '@/lib/panel/actions';
import type { AfterSend as AfterSendPart, AfterSendPrompt } from '@/lib/panel/after-send';
import type { PanelStore } from '@/lib/panel/store';

const OUTCOME_WORDS = { positive: 'positive', neutral: 'neutral', negative: 'negative' } as const;

interface Props {
  prompt: AfterSendPrompt;
  afterSend: AfterSendPart;
  actions: PanelActions;
  store: PanelStore;
}

/**
 * "You wrote to Ada: how did it go?" with the three Log buttons, after the rep sent a message.
 * One click logs one email touch, its note the subject; nothing is stored otherwise. After the
 * click the line says what was logged, with Undo, until Undo expires.
 */
export function AfterSend({ prompt, afterSend, actions, store }: Props) {
  const [phase, setPhase] = useState<'ask' | 'saving' | 'logged'>('ask');
  const undo = useStore(store, (s) => s.undo);
  const error = useStore(store, (s) => s.error);
  const stored = useLiveQuery(
    () => findContactByIdentity(getDb(), prompt.person.key as IdentityKey),
    [prompt.person.key],
  );
  const name = stored?.name ?? prompt.person.name ?? prompt.person.identity.value;
  const mine = undo && undo.key === prompt.person.key ? undo : null;

  // Once logged, the line stays for its Undo; when that expires (or is used) the prompt ends.
  useEffect(() => {
    if (phase === 'logged' && !mine) afterSend.end(prompt.id);
  }, [phase, mine, afterSend, prompt.id]);

  const log = async (outcome: Outcome) => {
    setPhase('saving');
    const before = store.getState().undo;
    await actions.log(prompt.person, outcome, {
      channel: 'email',
      note: prompt.subject,
      site: prompt.site,
      ...(prompt.pageUrl ? { pageUrl: prompt.pageUrl } : {}),
    });
    // A refused write leaves the question open, with the reason beside the buttons.
    const after = store.getState().undo;
    setPhase(after && after !== before && after.key === prompt.person.key ? 'logged' : 'ask');
  };

  const who = firstName(name);
  const others = prompt.others > 0 ? ` (and ${prompt.others} more)` : '';
  return (
    <section
      className="li-bar li-after-send"
      data-testid="li-after-send"
      aria-label="After sending"
    >
      {phase !== 'ask' ? (
        <p className="li-after-send-done" role="status">
          {mine ? (
            <>
              <span>
                Logged {OUTCOME_WORDS[mine.outcome]} · <bdi>{mine.name}</bdi>
              </span>{' '}
              <button
                type="button"
                className="li-undo"
                aria-label={`Undo: logged ${OUTCOME_WORDS[mine.outcome]} · ${mine.name}`}
                onClick={() => void actions.undo(null)}
              >
                Undo
              </button>
            </>
          ) : (
            <span className="li-muted">Saving…</span>
          )}
        </p>
      ) : (
        <>
          <div className="li-row1">
            <p className="li-after-send-question">
              You wrote to <bdi>{who}</bdi>
              {others}: how did it go?
            </p>
            <span className="li-row1-end">
              <button type="button" onClick={() => afterSend.end(prompt.id)}>
                Not now
              </button>
            </span>
          </div>
          <div className="li-row2">
            <LogButtons onLog={(outcome) => void log(outcome)} />
            {error ? (
              <span className="li-error" role="alert" title={error}>
                {error}
              </span>
            ) : (
              <span className="li-after-send-subject li-muted" title={prompt.subject}>
                Email{prompt.subject ? ` · ${prompt.subject}` : ''}
              </span>
            )}
          </div>
        </>
      )}
    </section>
  );
}
