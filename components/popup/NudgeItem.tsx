import { useState } from 'react';
import { LogButtons } from '@/components/log/LogButtons';
import { goodwillLabel } from '@/lib/goodwill-format';
import { goodwillNow } from '@/lib/impressions';
import type { Outcome } from '@/lib/model';
import { SNOOZE_CHOICES, type DueNudge, type SnoozeChoice } from '@/lib/nudges';

/** One due contact: who, why in one line, and the one-click ways to act on it. */
export function NudgeItem(props: {
  due: DueNudge;
  now: number;
  onLog: (outcome: Outcome) => void;
  onSnooze: (choice: SnoozeChoice) => void;
  onDismiss: () => void;
}) {
  const { nudge, contact } = props.due;
  const [choosing, setChoosing] = useState(false);
  return (
    <li className="li-nudge" data-testid="li-nudge" data-reason={nudge.reason}>
      <div className="li-nudge-who">
        <strong>{contact.name}</strong>
        {contact.company ? <span className="li-muted"> · {contact.company}</span> : null}
      </div>
      <p className={`li-nudge-why li-why-${nudge.reason}`}>
        {nudge.reason === 'repair' ? 'Repair' : 'Share good news'}: {nudge.why}
      </p>
      <p className="li-nudge-goodwill li-muted" data-testid="li-nudge-goodwill">
        Goodwill {goodwillLabel(goodwillNow(contact, props.now))}
      </p>
      <LogButtons onLog={props.onLog} />
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
