import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { getDb } from '@/lib/db/database';
import { daysSincePositive, lastImpression, nudgeFor } from '@/lib/impressions';
import type { Contact } from '@/lib/model';
import { ContactForm } from './ContactForm';
import { ErrorBoundary } from '../ErrorBoundary';
import { DeleteContact } from './DeleteContact';
import { daysLabel, dateTime, IMPRESSION_LABEL } from './format';
import { GoodwillFigure } from './GoodwillFigure';
import { MergeSection } from './MergeSection';
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
  // Each section draws on its own: a record too odd to show still offers its timeline and Delete.
  const again = contact.updatedAt;
  return (
    <>
      <ErrorBoundary
        what="this contact's details"
        resetKey={again}
        actions={
          <>
            <a href="#/contacts">All contacts</a>
            <DeleteContact contact={contact} />
          </>
        }
      >
        <ContactSummary contact={contact} />
      </ErrorBoundary>
      <ErrorBoundary what="this contact's timeline" resetKey={again}>
        <Timeline contact={contact} />
      </ErrorBoundary>
      <ErrorBoundary what="the merge section" resetKey={again}>
        <MergeSection contact={contact} />
      </ErrorBoundary>
    </>
  );
}

function ContactSummary({ contact }: { contact: Contact }) {
  const settings = useSettings();
  const now = useNow();
  const [editing, setEditing] = useState(false);
  const nudge = settings ? nudgeFor(contact, settings, now) : null;

  return (
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
        <DeleteContact contact={contact} />
      </div>
      {editing && <ContactForm contact={contact} onDone={() => setEditing(false)} />}
    </section>
  );
}
