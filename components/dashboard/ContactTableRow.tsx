import type { CSSProperties } from 'react';
import type { ContactRow } from './contact-table';
import { daysLabel, dateTime, IMPRESSION_LABEL } from './format';
import { hrefOf } from './route';
import { ErrorBoundary } from '../ErrorBoundary';

/**
 * One contact in the contacts table: its name links to the timeline; a badge says it is due.
 * A record too odd to draw fails alone, and still links to its page (timeline, Delete).
 */
export function ContactTableRow(props: {
  row: ContactRow;
  rowIndex: number;
  style?: CSSProperties;
}) {
  const { row } = props;
  const id = row.contact.id;
  return (
    <div
      role="row"
      data-testid="li-contact-row"
      data-contact-id={id}
      aria-rowindex={props.rowIndex}
      className={`li-tr li-impression-${row.impression}`}
      style={props.style}
    >
      <ErrorBoundary
        what="this contact's row"
        resetKey={row}
        actions={<a href={hrefOf({ view: 'contact', id })}>Open the contact</a>}
      >
        <RowCells row={row} />
      </ErrorBoundary>
    </div>
  );
}

function RowCells({ row }: { row: ContactRow }) {
  const c = row.contact;
  if (row.problem) throw new Error(row.problem);
  return (
    <>
      <div role="cell">
        <a href={hrefOf({ view: 'contact', id: c.id })}>{c.name}</a>
        {row.nudge && (
          <span className="li-badge" title={row.nudge}>
            {row.nudge === 'repair' ? 'repair' : 'due'}
          </span>
        )}
      </div>
      <div role="cell">{c.company ?? ''}</div>
      <div role="cell" className="li-ellipsis" title={row.identities}>
        {row.identities}
      </div>
      <div role="cell" data-testid="li-row-impression">
        {IMPRESSION_LABEL[row.impression]}
      </div>
      <div role="cell">{daysLabel(row.daysSincePositive)}</div>
      <div role="cell" data-testid="li-row-goodwill">
        {row.goodwillText}
      </div>
      <div role="cell">{dateTime(row.lastTouchAt)}</div>
    </>
  );
}
