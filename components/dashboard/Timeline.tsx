import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState } from 'react';
import { getDb } from '@/lib/db/database';
import { timelineOf } from '@/lib/db/queries';
import { deleteTouch, editTouch, logTouch, restoreTouch } from '@/lib/db/touches';
import { writeErrorMessage } from '@/lib/db/write-error';
import type { Contact, Touch } from '@/lib/model';
import { ErrorBoundary } from '../ErrorBoundary';
import { ErrorText } from './ErrorText';
import { dateTime } from './format';
import { TouchForm, type TouchDraft } from './TouchForm';

export function Timeline({ contact }: { contact: Contact }) {
  const touches = useLiveQuery(() => timelineOf(getDb(), contact.id), [contact.id]);
  const [editing, setEditing] = useState<Touch | null>(null);
  const [deleted, setDeleted] = useState<Touch | null>(null);
  const [error, setError] = useState<string | null>(null);

  const add = async (d: TouchDraft) => {
    try {
      const result = await logTouch(
        getDb(),
        { contactId: contact.id, source: 'dashboard', ...d, note: d.note || undefined },
        Date.now(),
      );
      return result.ok ? null : result.error;
    } catch (e) {
      return writeErrorMessage(e);
    }
  };

  const save = async (touch: Touch, d: TouchDraft) => {
    try {
      const result = await editTouch(getDb(), touch.id, d, Date.now());
      if (result.ok) setEditing(null);
      return result.ok ? null : result.error;
    } catch (e) {
      return writeErrorMessage(e);
    }
  };

  const remove = async (touch: Touch) => {
    setError(null);
    try {
      const removed = await deleteTouch(getDb(), touch.id, Date.now());
      setDeleted(removed ?? null);
      if (editing?.id === touch.id) setEditing(null);
    } catch (e) {
      setError(`The touch was not deleted. ${writeErrorMessage(e)}`);
    }
  };

  const undo = async () => {
    if (!deleted) return;
    try {
      const restored = await restoreTouch(getDb(), deleted, Date.now());
      setError(restored ? null : 'The contact is gone, so the touch cannot come back.');
      setDeleted(null);
    } catch (e) {
      setError(`Undo failed. ${writeErrorMessage(e)}`);
    }
  };

  return (
    <section aria-labelledby="timeline-heading" className="li-card">
      <h2 id="timeline-heading">Timeline</h2>
      <h3>Add a touch</h3>
      <TouchForm submitLabel="Add touch" onSubmit={add} />
      {editing && (
        <div className="li-editing">
          <h3>Edit the touch of {dateTime(editing.at)}</h3>
          <TouchForm
            key={editing.id}
            touch={editing}
            submitLabel="Save touch"
            onSubmit={(d) => save(editing, d)}
            onCancel={() => setEditing(null)}
          />
        </div>
      )}
      {deleted && (
        <p className="li-row li-undo" aria-live="polite">
          Touch of {dateTime(deleted.at)} deleted.
          <button type="button" onClick={() => void undo()}>
            Undo
          </button>
        </p>
      )}
      <ErrorText error={error} />
      {touches === undefined ? (
        <p className="li-muted">Loading…</p>
      ) : touches.length === 0 ? (
        <p className="li-muted">No touches yet.</p>
      ) : (
        <TouchList touches={touches} onEdit={setEditing} onDelete={(t) => void remove(t)} />
      )}
    </section>
  );
}

function TouchList({
  touches,
  onEdit,
  onDelete,
}: {
  touches: Touch[];
  onEdit: (t: Touch) => void;
  onDelete: (t: Touch) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: touches.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 56,
    overscan: 8,
  });
  return (
    <div ref={scroller} className="li-scroll li-timeline">
      <ol
        aria-label={`${touches.length} touches, newest first`}
        style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const t = touches[item.index]!;
          return (
            <li
              key={t.id}
              data-index={item.index}
              ref={virtualizer.measureElement}
              data-testid="li-touch"
              className={`li-touch li-impression-${t.outcome}`}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <ErrorBoundary
                what="this touch"
                resetKey={t}
                actions={
                  <button type="button" onClick={() => onDelete(t)}>
                    Delete this touch
                  </button>
                }
              >
                <TouchItem touch={t} onEdit={onEdit} onDelete={onDelete} />
              </ErrorBoundary>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function TouchItem({
  touch: t,
  onEdit,
  onDelete,
}: {
  touch: Touch;
  onEdit: (t: Touch) => void;
  onDelete: (t: Touch) => void;
}) {
  return (
    <>
      <div className="li-row">
        <strong>{dateTime(t.at)}</strong>
        <span>{t.channel}</span>
        <span data-testid="li-touch-outcome">{t.outcome}</span>
        {t.goodNews && <span className="li-badge">good news</span>}
        <span className="li-muted">from {t.source}</span>
        <span className="li-grow" />
        <button type="button" onClick={() => onEdit(t)}>
          Edit<span className="li-sr"> touch of {dateTime(t.at)}</span>
        </button>
        <button type="button" onClick={() => onDelete(t)}>
          Delete<span className="li-sr"> touch of {dateTime(t.at)}</span>
        </button>
      </div>
      {t.note && <p className="li-pre li-note">{t.note}</p>}
    </>
  );
}
