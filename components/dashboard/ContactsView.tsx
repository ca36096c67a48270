import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { ContactForm } from './ContactForm';
import { ContactTableRow } from './ContactTableRow';
import {
  toRows,
  visibleRows,
  type ContactRow,
  type ImpressionFilter,
  type SortKey,
  type TableQuery,
} from './contact-table';
import { navigate } from './route';
import { useContacts, useSettings } from './use-data';
import { useNow } from './use-now';

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'company', label: 'Company' },
  { key: 'identities', label: 'Identities' },
  { key: 'impression', label: 'Last impression' },
  { key: 'daysSincePositive', label: 'Days since positive' },
  { key: 'goodwill', label: 'Goodwill' },
  { key: 'lastTouchAt', label: 'Last touch' },
];

const ROW_HEIGHT = 36;

export function ContactsView() {
  const contacts = useContacts();
  const settings = useSettings();
  const now = useNow();
  const [query, setQuery] = useState<TableQuery>({
    search: '',
    impression: 'all',
    dueOnly: false,
    sort: 'name',
    dir: 'ascending',
  });
  const [adding, setAdding] = useState(false);

  const allRows = useMemo(
    () => (contacts && settings ? toRows(contacts, settings, now) : []),
    [contacts, settings, now],
  );
  const rows = useMemo(() => visibleRows(allRows, query), [allRows, query]);

  const sortBy = (key: SortKey) =>
    setQuery((q) => ({
      ...q,
      sort: key,
      dir: q.sort === key && q.dir === 'ascending' ? 'descending' : 'ascending',
    }));

  return (
    <section aria-labelledby="contacts-heading" className="li-card">
      <div className="li-row li-spread">
        <h2 id="contacts-heading">Contacts</h2>
        <button type="button" onClick={() => setAdding((a) => !a)} aria-expanded={adding}>
          New contact
        </button>
      </div>
      {adding && (
        <ContactForm
          onDone={(id) => {
            setAdding(false);
            if (id) navigate({ view: 'contact', id });
          }}
        />
      )}
      <div className="li-row li-filters">
        <input
          type="search"
          aria-label="Search contacts"
          placeholder="Search name, company, email, LinkedIn, tag"
          value={query.search}
          onChange={(e) => setQuery({ ...query, search: e.currentTarget.value })}
        />
        <label>
          Last impression{' '}
          <select
            value={query.impression}
            onChange={(e) =>
              setQuery({ ...query, impression: e.currentTarget.value as ImpressionFilter })
            }
          >
            <option value="all">any</option>
            <option value="positive">positive</option>
            <option value="neutral">neutral</option>
            <option value="negative">negative</option>
            <option value="none">none yet</option>
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={query.dueOnly}
            onChange={(e) => setQuery({ ...query, dueOnly: e.currentTarget.checked })}
          />{' '}
          Due only
        </label>
        <span aria-live="polite" className="li-muted">
          {contacts === undefined ? 'Loading…' : `${rows.length} of ${allRows.length} contacts`}
        </span>
      </div>
      <ContactTable rows={rows} query={query} onSort={sortBy} />
    </section>
  );
}

function ContactTable({
  rows,
  query,
  onSort,
}: {
  rows: ContactRow[];
  query: TableQuery;
  onSort: (key: SortKey) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualiser returns fresh functions each render by design; the compiler must not cache them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });

  return (
    <div role="table" aria-label="Contacts" aria-rowcount={rows.length + 1} className="li-table">
      <div role="rowgroup">
        <div role="row" className="li-tr li-thead" aria-rowindex={1}>
          {COLUMNS.map((col) => (
            <div
              role="columnheader"
              key={col.key}
              aria-sort={query.sort === col.key ? query.dir : 'none'}
            >
              <button type="button" className="li-sort" onClick={() => onSort(col.key)}>
                {col.label}
                <span aria-hidden="true">
                  {query.sort === col.key ? (query.dir === 'ascending' ? ' ▲' : ' ▼') : ''}
                </span>
              </button>
            </div>
          ))}
        </div>
      </div>
      <div ref={scroller} className="li-scroll" role="rowgroup">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            return (
              <ContactTableRow
                key={row.contact.id}
                row={row}
                rowIndex={item.index + 2}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
