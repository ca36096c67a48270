import { addWeeks, format, startOfDay, startOfWeek } from 'date-fns';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { reviewCsv } from '@/lib/csv/review';
import { getDb } from '@/lib/db/database';
import { readReview } from '@/lib/db/review';
import { WEEK_STARTS_ON } from '@/lib/metrics';
import type { Contact } from '@/lib/model';
import { buildReview, QUICK_REPAIR_DAYS, type Review } from '@/lib/review';
import { downloadText } from './download';
import { dateTime, daysLabel } from './format';
import { ReviewChart } from './ReviewChart';
import { hrefOf } from './route';
import { useNow } from './use-now';
import './review.css';

/** Rows a printed page holds (review.css hides the rest); the CSV export has them all. */
const PRINT_ROWS = 12;
/** A note can be very long; the contact's page shows it whole. */
const NOTE_CHARS = 280;

const clip = (note: string | undefined) =>
  !note ? '' : note.length > NOTE_CHARS ? `${note.slice(0, NOTE_CHARS)}…` : note;
const percent = (share: number) => `${Math.round(share * 100)}%`;
const days = (n: number) => `${n.toFixed(1)} d`;

/** The weekly review: who is left on a bad last impression, and how fast withdrawals get repaired. */
export function ReviewView() {
  const now = useNow();
  const [weeksBack, setWeeksBack] = useState(0);
  const weekStart = startOfWeek(addWeeks(now, -weeksBack), {
    weekStartsOn: WEEK_STARTS_ON,
  }).getTime();
  // The reads depend on the day, not the minute: the review is rebuilt each minute, not re-read.
  const today = startOfDay(now).getTime();
  const data = useLiveQuery(
    async () => ({ weekStart, ...(await readReview(getDb(), weekStart, today)) }),
    [weekStart, today],
  );
  // Another week's data may still be showing while this week's loads.
  const current = data?.weekStart === weekStart ? data : undefined;
  const review = useMemo(
    () => (current ? buildReview(current.histories, weekStart, now) : undefined),
    [current, weekStart, now],
  );
  const byId = useMemo(
    () => new Map<string, Contact>((current?.contacts ?? []).map((c) => [c.id, c])),
    [current],
  );
  const weekEnd = addWeeks(weekStart, 1).getTime() - 1;
  const label = `${format(weekStart, 'EEE d MMM')} – ${format(weekEnd, 'EEE d MMM yyyy')}`;

  const exportCsv = () => {
    if (!review) return;
    downloadText(
      `last-impression-review-${format(weekStart, 'yyyy-MM-dd')}.csv`,
      reviewCsv(review, byId),
      'text/csv;charset=utf-8',
    );
  };

  return (
    <section aria-labelledby="review-heading" className="li-card li-review" aria-busy={!review}>
      <div className="li-row li-spread">
        <h2 id="review-heading">Review</h2>
        <div className="li-row li-review-actions">
          <button type="button" onClick={() => setWeeksBack((w) => w + 1)}>
            Previous week
          </button>
          <button
            type="button"
            onClick={() => setWeeksBack((w) => Math.max(0, w - 1))}
            disabled={weeksBack === 0}
          >
            Next week
          </button>
          {weeksBack > 0 && (
            <button type="button" onClick={() => setWeeksBack(0)}>
              This week
            </button>
          )}
          <button type="button" onClick={exportCsv} disabled={!review}>
            Export review (CSV)
          </button>
          <button type="button" onClick={() => window.print()}>
            Print
          </button>
        </div>
      </div>
      <p data-testid="li-review-week" aria-live="polite">
        Week of {label}
        {weeksBack === 0 ? ' (this week)' : ''}
      </p>
      {review ? (
        <ReviewBody review={review} byId={byId} thisWeek={weeksBack === 0} />
      ) : (
        <p className="li-muted">Loading…</p>
      )}
    </section>
  );
}

function ReviewBody({
  review,
  byId,
  thisWeek,
}: {
  review: Review;
  byId: ReadonlyMap<string, Contact>;
  thisWeek: boolean;
}) {
  const name = (id: string) => byId.get(id)?.name ?? 'Contact no longer here';
  const link = (id: string) => <a href={hrefOf({ view: 'contact', id })}>{name(id)}</a>;
  const more = (n: number) =>
    n > PRINT_ROWS ? (
      <p className="li-print-only">And {n - PRINT_ROWS} more: the CSV export lists them all.</p>
    ) : null;
  const when = thisWeek ? 'now' : 'at the end of that week';

  return (
    <>
      <h3 id="review-unrepaired">Not repaired yet</h3>
      {review.unrepaired.length === 0 ? (
        <p>Nobody is left on a negative last impression {when}.</p>
      ) : (
        <table className="li-review-table" aria-labelledby="review-unrepaired">
          <thead>
            <tr>
              <th scope="col">Contact</th>
              <th scope="col">Since</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {review.unrepaired.map((u) => (
              <tr key={u.contactId} data-testid="li-review-unrepaired">
                <th scope="row">{link(u.contactId)}</th>
                <td>
                  <time dateTime={new Date(u.start.at).toISOString()}>{dateTime(u.start.at)}</time>{' '}
                  <span className="li-muted">({daysLabel(u.daysOpen)})</span>
                </td>
                <td>
                  <div className="li-review-note">{clip(u.start.note)}</div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {more(review.unrepaired.length)}

      <h3 id="review-repaired">Repaired this week</h3>
      {review.repaired.length === 0 ? (
        <p>No withdrawal was repaired this week.</p>
      ) : (
        <table className="li-review-table" aria-labelledby="review-repaired">
          <thead>
            <tr>
              <th scope="col">Contact</th>
              <th scope="col">Withdrawal</th>
              <th scope="col">Repaired</th>
              <th scope="col">Days to repair</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {review.repaired.map((r) => (
              <tr key={r.repair!.id} data-testid="li-review-repaired">
                <th scope="row">{link(r.contactId)}</th>
                <td>{dateTime(r.start.at)}</td>
                <td>{dateTime(r.repair!.at)}</td>
                <td data-testid="li-review-days" data-value={r.days}>
                  {daysLabel(r.days!)}
                </td>
                <td>
                  <div className="li-review-note">{clip(r.start.note)}</div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {more(review.repaired.length)}

      <h3>This week</h3>
      <dl className="li-metrics">
        <div>
          <dt>Deposits</dt>
          <dd data-testid="li-review-deposits">{review.deposits}</dd>
          <dd className="li-muted">positive touches</dd>
        </div>
        <div>
          <dt>Good news</dt>
          <dd data-testid="li-review-good-news">{review.goodNews}</dd>
          <dd className="li-muted">of those deposits brought good news</dd>
        </div>
        <div>
          <dt>Withdrawals</dt>
          <dd data-testid="li-review-withdrawals">{review.withdrawals}</dd>
          <dd className="li-muted">negative touches</dd>
        </div>
      </dl>

      <h3>Over the last {review.weeks.length} weeks</h3>
      <dl className="li-metrics">
        <div>
          <dt>Median days to repair</dt>
          <dd
            data-testid="li-metric-median-repair-days"
            data-value={review.medianDays === null ? '' : review.medianDays.toFixed(1)}
          >
            {review.medianDays === null ? '—' : review.medianDays.toFixed(1)}
          </dd>
          <dd className="li-muted">
            {review.medianDays === null
              ? 'no withdrawal repaired yet'
              : `days, over ${review.weeks.reduce((a, w) => a + w.repairs, 0)} repairs`}
          </dd>
        </div>
        <div>
          <dt>Repaired within {QUICK_REPAIR_DAYS} days</dt>
          <dd
            data-testid="li-metric-repaired-within-7d"
            data-value={review.quickShare === null ? '' : review.quickShare}
          >
            {review.quickShare === null ? '—' : percent(review.quickShare)}
          </dd>
          <dd className="li-muted">
            {review.judged === 0
              ? 'no withdrawal old enough to judge'
              : `${review.quick} of ${review.judged} withdrawals (those ${QUICK_REPAIR_DAYS} days old or repaired)`}
          </dd>
        </div>
      </dl>
      <div className="li-review-charts">
        <ReviewChart
          series={{
            title: 'Median days to repair, by week of repair',
            valueLabel: 'Median days to repair',
            max: QUICK_REPAIR_DAYS,
            format: days,
            weeks: review.weeks.map((w) => ({
              start: w.start,
              value: w.medianDays,
              detail: w.repairs === 1 ? '1 repair' : `${w.repairs} repairs`,
            })),
          }}
        />
        <ReviewChart
          series={{
            title: `Withdrawals repaired within ${QUICK_REPAIR_DAYS} days, by week of withdrawal`,
            valueLabel: `Share repaired within ${QUICK_REPAIR_DAYS} days`,
            max: 1,
            format: percent,
            weeks: review.weeks.map((w) => ({
              start: w.start,
              value: w.quickShare,
              detail: `${w.quick} of ${w.judged} withdrawals`,
            })),
          }}
        />
      </div>
    </>
  );
}
