import { addWeeks, format, startOfWeek } from 'date-fns';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState, type ReactElement, type ReactNode } from 'react';
import { reviewCsv } from '@/lib/csv/review';
import { getDb } from '@/lib/db/database';
import { readContacts, readReview, type ContactsById } from '@/lib/db/review';
import { WEEK_STARTS_ON } from '@/lib/metrics';
import { QUICK_REPAIR_DAYS, reviewOf, type Review } from '@/lib/review';
import { downloadText } from '../download';
import { dateTime, daysLabel } from './format';
import { ReviewChart } from './ReviewChart';
import { TableHead, type Column } from './TableHead';
import { ReviewWrite } from './ReviewWrite';
import { hrefOf } from './route';
import { useNow } from '../use-now';
import './review.css';

/** Rows a printed page holds (review.css hides the rest); the CSV export has them all. */
const PRINT_ROWS = 12;
/**
 * Rows drawn before "Show all": a book of 10,000 contacts can leave 1,500 on a negative
 * impression and repair hundreds a week, and drawing them all costs more than reading the
 * whole review.
 */
const FIRST_ROWS = 100;

/** The first rows of a list, and a button drawing the rest. */
function useFirstRows<T>(
  list: readonly T[],
  what: string,
): { shown: readonly T[]; more: ReactNode } {
  const [all, setAll] = useState(false);
  const shown = all ? list : list.slice(0, FIRST_ROWS);
  const more =
    shown.length < list.length ? (
      <button type="button" className="li-review-more" onClick={() => setAll(true)}>
        Show all {list.length} {what}
      </button>
    ) : null;
  return { shown, more };
}
/** A note can be very long; the contact's page shows it whole. */
const NOTE_CHARS = 280;

const clip = (note: string | undefined) =>
  !note ? '' : note.length > NOTE_CHARS ? `${note.slice(0, NOTE_CHARS)}…` : note;
const percent = (share: number) => `${Math.round(share * 100)}%`;
const days = (n: number) => `${n.toFixed(1)} d`;

const NO_CONTACTS: ContactsById = new Map();

/** The contacts of the review's rows, whether shown or not: the first ones as read with it. */
async function contactsOfRows(review: Review, known: ContactsById): Promise<ContactsById> {
  const ids = [...review.unrepaired, ...review.repaired].map((w) => w.contactId);
  const missing = [...new Set(ids.filter((id) => !known.has(id)))];
  if (missing.length === 0) return known;
  return new Map([...known, ...(await readContacts(getDb(), missing))]);
}

/** The weekly review: who is left on a bad last impression, and how fast withdrawals get repaired. */
export function ReviewView() {
  const now = useNow();
  const [weeksBack, setWeeksBack] = useState(0);
  const weekStart = startOfWeek(addWeeks(now, -weeksBack), {
    weekStartsOn: WEEK_STARTS_ON,
  }).getTime();
  // The reads do not depend on the time: the review is rebuilt each minute, not re-read. Only
  // the contacts of the rows drawn first are read with it.
  const data = useLiveQuery(
    async () => ({ weekStart, ...(await readReview(getDb(), weekStart, FIRST_ROWS)) }),
    [weekStart],
  );
  // Another week's data may still be showing while this week's loads.
  const current = data?.weekStart === weekStart ? data : undefined;
  const review = useMemo(
    () => (current ? reviewOf(current.episodes, current.tallies, weekStart, now) : undefined),
    [current, weekStart, now],
  );
  const byId = current?.contacts ?? NO_CONTACTS;
  const weekEnd = addWeeks(weekStart, 1).getTime() - 1;
  const label = `${format(weekStart, 'EEE d MMM')} – ${format(weekEnd, 'EEE d MMM yyyy')}`;

  const [exportError, setExportError] = useState('');
  // The CSV names every row, beyond those drawn.
  const exportCsv = () => {
    if (!review) return;
    setExportError('');
    contactsOfRows(review, byId).then(
      (contacts) =>
        downloadText(
          `last-impression-review-${format(weekStart, 'yyyy-MM-dd')}.csv`,
          reviewCsv(review, contacts),
          'text/csv;charset=utf-8',
        ),
      () => setExportError('The export could not read the contacts. Try again.'),
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
      {exportError && <p role="alert">{exportError}</p>}
      <p data-testid="li-review-week" aria-live="polite">
        Week of {label}
        {weeksBack === 0 ? ' (this week)' : ''}
      </p>
      {review ? (
        <ReviewBody key={weekStart} review={review} byId={byId} thisWeek={weeksBack === 0} />
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
  byId: ContactsById;
  thisWeek: boolean;
}) {
  const when = thisWeek ? 'now' : 'at the end of that week';
  const unrepaired = useFirstRows(review.unrepaired, 'not repaired');
  const repaired = useFirstRows(review.repaired, 'repaired');
  const contacts = useRowContacts(
    [...unrepaired.shown, ...repaired.shown].map((w) => w.contactId),
    byId,
  );
  const name = (id: string) =>
    contacts.has(id) ? (contacts.get(id)?.name ?? 'Contact no longer here') : 'Loading…';
  const link = (id: string) => <a href={hrefOf({ view: 'contact', id })}>{name(id)}</a>;

  return (
    <>
      <ReviewTable
        id="review-unrepaired"
        title="Not repaired yet"
        empty={`Nobody is left on a negative last impression ${when}.`}
        columns={['Contact', 'Since', 'Note', { label: 'Repair', className: 'li-review-write' }]}
        total={review.unrepaired.length}
        more={unrepaired.more}
      >
        {unrepaired.shown.map((u) => (
          <tr key={u.contactId} data-testid="li-review-unrepaired">
            <th scope="row">{link(u.contactId)}</th>
            <td>
              <time dateTime={new Date(u.start.at).toISOString()}>{dateTime(u.start.at)}</time>{' '}
              <span className="li-muted">({daysLabel(u.daysOpen)})</span>
            </td>
            <td>
              <div className="li-review-note">{clip(u.start.note)}</div>
            </td>
            <td className="li-review-write">
              {contacts.has(u.contactId) && <ReviewWrite contact={contacts.get(u.contactId)} />}
            </td>
          </tr>
        ))}
      </ReviewTable>

      <ReviewTable
        id="review-repaired"
        title="Repaired this week"
        empty="No withdrawal was repaired this week."
        columns={['Contact', 'Withdrawal', 'Repaired', 'Days to repair', 'Note']}
        total={review.repaired.length}
        more={repaired.more}
      >
        {repaired.shown.map((r) => (
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
      </ReviewTable>

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

/**
 * The contacts of the rows drawn: those read with the review, and the rest (after "Show all")
 * read as they are drawn, kept live like the review.
 */
function useRowContacts(ids: readonly string[], known: ContactsById): ContactsById {
  const missing = [...new Set(ids.filter((id) => !known.has(id)))];
  // The query is made again only when the ids it reads change.
  const more = useLiveQuery(
    () => (missing.length ? readContacts(getDb(), missing) : Promise.resolve(NO_CONTACTS)),
    [JSON.stringify(missing)],
  );
  // What was read with the review wins: it is the same moment as the rows.
  return useMemo(() => (more && more.size ? new Map([...more, ...known]) : known), [known, more]);
}

/**
 * One of the review's lists: a heading with its count, then its rows (the first ones, with
 * `more` to draw the rest), or a line saying there are none.
 */
function ReviewTable(props: {
  id: string;
  title: string;
  empty: string;
  columns: readonly Column[];
  total: number;
  more?: ReactNode;
  children: ReactElement[];
}) {
  const rows = props.total;
  return (
    <>
      <h3 id={props.id}>
        {props.title}{' '}
        <span className="li-muted" data-testid={`li-${props.id}-count`} data-value={rows}>
          ({rows})
        </span>
      </h3>
      {rows === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <table className="li-review-table" aria-labelledby={props.id}>
          <TableHead columns={props.columns} />
          <tbody>{props.children}</tbody>
        </table>
      )}
      {props.more}
      {rows > PRINT_ROWS ? (
        <p className="li-print-only">
          And {rows - PRINT_ROWS} more: the CSV export lists them all.
        </p>
      ) : null}
    </>
  );
}
