import { useState } from 'react';
import { contactsCsv, touchesCsv } from '@/lib/csv/export';
import { allNews } from '@/lib/db/news';
import {
  FIELD_LABELS,
  guessMapping,
  REQUIRED_FIELDS,
  TOUCH_FIELDS,
  type ColumnMapping,
  type TouchField,
} from '@/lib/csv/mapping';
import { decodeCsvBytes } from '@/lib/csv/decode';
import { parseCsv } from '@/lib/csv/parse';
import { importTouchRows } from '@/lib/csv/write-touch-import';
import { getDb } from '@/lib/db/database';
import { allContacts, allTouches } from '@/lib/db/queries';
import { getSettings } from '@/lib/db/settings';
import { downloadText } from './download';
import { ErrorText } from './ErrorText';

interface Pending {
  fileName: string;
  rows: string[][];
  mapping: ColumnMapping;
}

const CSV_TYPE = 'text/csv;charset=utf-8';
const PREVIEW_ROWS = 3;

const day = (now: number) => new Date(now).toISOString().slice(0, 10);

/** Spreadsheet export of contacts and touches, and a mapped, all-or-nothing touch import. */
export function CsvSection() {
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);

  const exportContacts = async () => {
    const db = getDb();
    const now = Date.now();
    const [contacts, settings] = await Promise.all([allContacts(db), getSettings(db)]);
    downloadText(
      `last-impression-contacts-${day(now)}.csv`,
      contactsCsv(contacts, settings, now),
      CSV_TYPE,
    );
    setMessage(`Exported ${contacts.length} contacts as CSV.`);
  };

  const exportTouches = async () => {
    const db = getDb();
    const now = Date.now();
    const [contacts, touches, news] = await Promise.all([
      allContacts(db),
      allTouches(db),
      allNews(db),
    ]);
    const byId = new Map(contacts.map((c) => [c.id, c]));
    const headlines = new Map(news.map((n) => [n.id, n.headline]));
    downloadText(
      `last-impression-touches-${day(now)}.csv`,
      touchesCsv(touches, byId, headlines),
      CSV_TYPE,
    );
    setMessage(`Exported ${touches.length} touches as CSV.`);
  };

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setMessage('');
    const parsed = parseCsv(decodeCsvBytes(await file.arrayBuffer()));
    if (!parsed.ok) {
      setPending(null);
      setError(`${file.name} cannot be read as CSV: ${parsed.error}`);
      return;
    }
    const header = parsed.rows[0];
    if (!header || parsed.rows.length < 2) {
      setPending(null);
      setError(`${file.name} has no rows below a header row.`);
      return;
    }
    setPending({ fileName: file.name, rows: parsed.rows, mapping: guessMapping(header) });
  };

  const runImport = async (p: Pending) => {
    setBusy(true);
    setError(null);
    try {
      const result = await importTouchRows(getDb(), p.rows, p.mapping, Date.now());
      if (result.ok) {
        setPending(null);
        setMessage(
          `Imported ${result.counts.touches} touches for ${result.counts.contacts} contacts from ${p.fileName}.`,
        );
      } else {
        setError(`Nothing was imported. ${result.error}`);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="csv-heading" className="li-card">
      <h2 id="csv-heading">Spreadsheets (CSV)</h2>
      <p>
        Export to open in a spreadsheet program, or import touches kept elsewhere. Cells that a
        spreadsheet would run as a formula are written with a leading apostrophe.
      </p>
      <div className="li-row">
        <button type="button" onClick={() => void exportContacts()}>
          Export contacts (CSV)
        </button>
        <button type="button" onClick={() => void exportTouches()}>
          Export touches (CSV)
        </button>
        <label className="li-file">
          Import touches (CSV)
          <input
            type="file"
            accept="text/csv,.csv"
            aria-label="Import touches (CSV)"
            onChange={(e) => {
              void pick(e.currentTarget.files?.[0]);
              e.currentTarget.value = '';
            }}
          />
        </label>
      </div>
      {pending && (
        <MappingStep
          pending={pending}
          busy={busy}
          onChange={(mapping) => setPending({ ...pending, mapping })}
          onImport={() => void runImport(pending)}
          onCancel={() => setPending(null)}
        />
      )}
      <p aria-live="polite" data-testid="li-csv-status">
        {message}
      </p>
      <ErrorText error={error} />
    </section>
  );
}

function MappingStep({
  pending,
  busy,
  onChange,
  onImport,
  onCancel,
}: {
  pending: Pending;
  busy: boolean;
  onChange: (mapping: ColumnMapping) => void;
  onImport: () => void;
  onCancel: () => void;
}) {
  const header = pending.rows[0]!;
  const setField = (field: TouchField, value: string) => {
    const next = { ...pending.mapping };
    if (value === '') delete next[field];
    else next[field] = Number(value);
    onChange(next);
  };
  return (
    <fieldset className="li-mapping">
      <legend>
        Match the columns of {pending.fileName} ({pending.rows.length - 1} rows)
      </legend>
      <div className="li-form">
        {TOUCH_FIELDS.map((field) => (
          <div key={field} className="li-contents">
            <label htmlFor={`map-${field}`}>
              {FIELD_LABELS[field]}
              {REQUIRED_FIELDS.includes(field) ? ' (required)' : ''}
            </label>
            <select
              id={`map-${field}`}
              value={pending.mapping[field] ?? ''}
              onChange={(e) => setField(field, e.currentTarget.value)}
            >
              <option value="">— not imported —</option>
              {header.map((h, i) => (
                <option key={i} value={i}>
                  {h || `Column ${i + 1}`}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      <table className="li-preview">
        <caption>First rows</caption>
        <thead>
          <tr>
            {header.map((h, i) => (
              <th key={i} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {pending.rows.slice(1, 1 + PREVIEW_ROWS).map((row, r) => (
            <tr key={r}>
              {header.map((_, i) => (
                <td key={i}>{row[i] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="li-row">
        <button type="button" disabled={busy} onClick={onImport}>
          {busy ? 'Importing…' : `Import ${pending.rows.length - 1} touches`}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </fieldset>
  );
}
