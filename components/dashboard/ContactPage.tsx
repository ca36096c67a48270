import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { deleteContact } from '@/lib/db/contacts';
import { getDb } from '@/lib/db/database';
import { daysSincePositive, lastImpression, nudgeFor } from '@/lib/impressions';
import type { Contact } from '@/lib/model';
import { ContactForm } from './ContactForm';
import { ErrorText } from './ErrorText';
import { daysLabel, dateTime, IMPRESSION_LABEL } from './format';
import { GoodwillFigure } from './GoodwillFigure';
import { MergeSection } from './MergeSection';
import { navigate } from './route';
import { Timeline } from './Timeline';
import { useSettings } from './use-data';
import { useNow } from './use-now';

export function ContactPage({ id }: { id: string }) {
  const contact = useLiveQuery(() => getDb().contacts.get(id), [id], null);
  if (contact === null) return <p className="li-muted">Loading…</p>;
  if (contact === undefined) {
    return (
      <section className="li-card">
        <h2>Contact not found</h2>
        <p>
          It may have been deleted or merged. <a href="#/contacts">Back to contacts</a>
        </p>
      </section>
    );
  }
  return <ContactDetails key={contact.id} contact={contact} />;
}

function ContactDetails({ contact }: { contact: Contact }) {
  const settings = useSettings();
  const now = useNow();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const nudge = settings ? nudgeFor(contact, settings, now) : null;
  const [error, setError] = useState<string | null>(null);

  const remove = async () => {
    try {
      await deleteContact(getDb(), contact.id);
      navigate({ view: 'contacts' });
    } catch (e) {
      setError(`Nothing was deleted: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <>
      <section aria-labelledby="contact-heading" className="li-card">
        <p>
          <a href="#/contacts">← All contacts</a>
        </p>
        <h2 id="contact-heading">{contact.name}</h2>
        <dl className="li-facts" data-testid="li-contact-summary">
          <dt>Company</dt>
          <dd>{contact.company ?? '—'}</dd>
          <dt>Emails</dt>
          <dd>{contact.emails.join(', ') || '—'}</dd>
          <dt>LinkedIn</dt>
          <dd>{contact.linkedin.join(', ') || '—'}</dd>
          <dt>Tags</dt>
          <dd>{contact.tags.join(', ') || '—'}</dd>
          <dt>Cadence</dt>
          <dd>
            {contact.cadenceDays
              ? daysLabel(contact.cadenceDays)
              : `default (${settings?.defaultCadenceDays ?? '…'} days)`}
          </dd>
          <dt>Last impression</dt>
          <dd data-testid="li-last-impression">{IMPRESSION_LABEL[lastImpression(contact)]}</dd>
          <dt>Days since positive</dt>
          <dd>{daysLabel(daysSincePositive(contact.lastPositiveAt, now))}</dd>
          <dt>Goodwill</dt>
          <dd>
            <GoodwillFigure contact={contact} now={now} />
          </dd>
          <dt>Last touch</dt>
          <dd>{dateTime(contact.lastTouchAt)}</dd>
          <dt>Nudge</dt>
          <dd>{nudge ? nudge.why : 'none'}</dd>
          {contact.notes && (
            <>
              <dt>Notes</dt>
              <dd className="li-pre">{contact.notes}</dd>
            </>
          )}
        </dl>
        <div className="li-row">
          <button type="button" onClick={() => setEditing((e) => !e)} aria-expanded={editing}>
            Edit contact
          </button>
          <button type="button" onClick={() => setConfirmDelete(true)}>
            Delete contact
          </button>
        </div>
        {confirmDelete && (
          <div role="alertdialog" aria-labelledby="delete-q" className="li-confirm">
            <p id="delete-q">
              Delete {contact.name} and{' '}
              {contact.touchCount === 1 ? 'its touch' : `all ${contact.touchCount} touches`}? This
              cannot be undone.
            </p>
            <div className="li-row">
              <button type="button" className="li-danger" onClick={() => void remove()}>
                Yes, delete
              </button>
              <button type="button" autoFocus onClick={() => setConfirmDelete(false)}>
                Keep
              </button>
            </div>
          </div>
        )}
        <ErrorText error={error} />
        {editing && <ContactForm contact={contact} onDone={() => setEditing(false)} />}
      </section>
      <Timeline contact={contact} />
      <MergeSection contact={contact} />
    </>
  );
}
