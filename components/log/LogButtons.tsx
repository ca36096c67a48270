import type { Outcome } from '@/lib/model';

const LABELS: Record<Outcome, string> = {
  positive: 'Log positive',
  neutral: 'Log neutral',
  negative: 'Log negative',
};

/** The three one-click outcome buttons shared by the panel and the popup. */
export function LogButtons(props: { onLog: (outcome: Outcome) => void; disabled?: boolean }) {
  return (
    <div className="li-log-buttons" role="group" aria-label="Log the outcome">
      {(Object.keys(LABELS) as Outcome[]).map((outcome) => (
        <button
          key={outcome}
          type="button"
          className={`li-log li-log-${outcome}`}
          disabled={props.disabled}
          onClick={() => props.onLog(outcome)}
        >
          {LABELS[outcome]}
        </button>
      ))}
    </div>
  );
}
