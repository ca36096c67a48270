import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { getDb } from '@/lib/db/database';
import { touchesSince } from '@/lib/db/queries';
import { overdrawnCount, positiveShare, weeklyStats, weeksStart } from '@/lib/metrics';
import { useContacts } from './use-data';
import { useNow } from '../use-now';
import { WeeklyChart } from './WeeklyChart';

export function MetricsView() {
  const now = useNow();
  const contacts = useContacts();
  const from = weeksStart(now);
  const recent = useLiveQuery(() => touchesSince(getDb(), from), [from]);

  const share = useMemo(() => (contacts ? positiveShare(contacts) : null), [contacts]);
  const overdrawn = useMemo(
    () => (contacts ? overdrawnCount(contacts, now) : null),
    [contacts, now],
  );
  const weeks = useMemo(() => (recent ? weeklyStats(recent, now) : null), [recent, now]);
  const thisWeek = weeks?.at(-1);

  return (
    <section aria-labelledby="metrics-heading" className="li-card">
      <h2 id="metrics-heading">Metrics</h2>
      <p className="li-muted">
        Review these weekly: the last impression is what each contact remembers.
      </p>
      <dl className="li-metrics">
        <div>
          <dt>Last impression positive</dt>
          <dd
            data-testid="li-metric-positive-share"
            data-value={share ?? undefined}
            aria-busy={share === null}
          >
            {share === null ? '…' : `${Math.round(share * 100)}%`}
          </dd>
          <dd className="li-muted">of contacts you have touched</dd>
        </div>
        <div>
          <dt>Overdrawn contacts</dt>
          <dd data-testid="li-metric-overdrawn">{overdrawn ?? '…'}</dd>
          <dd className="li-muted">goodwill below zero</dd>
        </div>
        <div>
          <dt>Touches this week</dt>
          <dd>{thisWeek ? thisWeek.positive + thisWeek.neutral + thisWeek.negative : '…'}</dd>
          <dd className="li-muted">
            {thisWeek
              ? `${thisWeek.positive} positive, ${thisWeek.neutral} neutral, ${thisWeek.negative} negative`
              : ''}
          </dd>
        </div>
        <div>
          <dt>Good news this week</dt>
          <dd>{thisWeek?.goodNews ?? '…'}</dd>
          <dd className="li-muted">deposits that count double</dd>
        </div>
      </dl>
      {weeks && <WeeklyChart weeks={weeks} />}
    </section>
  );
}
