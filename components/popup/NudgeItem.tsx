import { useState } from 'react';
import { LogButtons } from '@/components/log/LogButtons';
import { canWriteTo } from '@/lib/compose/write';
import { goodwillLabel } from '@/lib/goodwill-format';
import { goodwillNow } from '@/lib/impressions';
import type { Outcome } from '@/lib/model';
import { firstName, nudgeLine } from '@/lib/news/nudge-news';
import type { NewsItem } from '@/lib/news/types';
import type { DueNudge } from '@/lib/db/nudges';
import { SNOOZE_CHOICES, type SnoozeChoice } from '@/lib/snooze';

/**
 * One due contact: who, why in one line (naming the news waiting for them, if any), and the
 * one-click ways to act on it: write to them, log the outcome, snooze or dismiss.
 */
export function NudgeItem(props: {
  due: DueNudge;
  news?: NewsItem;
  now: number;
  /** `newsId` when the rep brought the named news with a positive touch. */
  onLog: (outcome: Outcome, newsId?: string) => void;
  onWrite: () => void;
  onSnooze: (choice: SnoozeChoice) => void;
  onDismiss: () => void;
}) {
  const { nudge, contact } = props.due;
  const { news } = props;
  const [choosing, setChoosing] = useState(false);
  const [brought, setBrought] = useState(true);
  const reachable = canWriteTo(contact);
  return (
    <li
      className="li-nudge"
      data-testid="li-nudge"
      data-reason={nudge.reason}
      {...(news ? { 'data-news-id': news.id } : {})}
    >
      <div className="li-nudge-who">
        <strong>{contact.name}</strong>
        {contact.company ? <span className="li-muted"> · {contact.company}</span> : null}
      </div>
      <p className={`li-nudge-why li-why-${nudge.reason}`}>
        {nudgeLine(nudge, contact.name, news)}
      </p>
      <p className="li-nudge-goodwill li-muted" data-testid="li-nudge-goodwill">
        Goodwill {goodwillLabel(goodwillNow(contact, props.now))}
      </p>
      {reachable ? (
        <div className="li-row">
          <button type="button" className="li-write" onClick={props.onWrite}>
            Write to {firstName(contact.name)}
          </button>
        </div>
      ) : null}
      {news ? (
        <label className="li-brought">
          <input
            type="checkbox"
            checked={brought}
            onChange={(e) => setBrought(e.currentTarget.checked)}
          />{' '}
          I brought good news: {news.headline}
        </label>
      ) : null}
      <LogButtons
        onLog={(outcome) => {
          if (news && brought && outcome === 'positive') props.onLog(outcome, news.id);
          else props.onLog(outcome);
        }}
      />
      <div className="li-row">
        <button type="button" aria-expanded={choosing} onClick={() => setChoosing(!choosing)}>
          Snooze
        </button>
        <button type="button" onClick={props.onDismiss} title="Hide until the next touch">
          Dismiss
        </button>
      </div>
      {choosing ? (
        <div className="li-row" role="group" aria-label="Snooze for">
          {SNOOZE_CHOICES.map((choice) => (
            <button key={choice} type="button" onClick={() => props.onSnooze(choice)}>
              {choice}
            </button>
          ))}
        </div>
      ) : null}
    </li>
  );
}
