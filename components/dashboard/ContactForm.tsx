import { useState, type FormEvent } from 'react';
import { addContact, updateContact } from '@/lib/db/contacts';
import { getDb } from '@/lib/db/database';
import { writeErrorMessage } from '@/lib/db/write-error';
import type { Contact } from '@/lib/model';
import { ErrorText } from './ErrorText';
import { splitList } from './format';

interface Props {
  contact?: Contact;
  /** Called with the saved contact's id, or nothing when cancelled. */
  onDone: (id?: string) => void;
}

/** Adds a contact, or edits one: name, company, identities, tags, notes and cadence. */
export function ContactForm({ contact, onDone }: Props) {
  const [name, setName] = useState(contact?.name ?? '');
  const [company, setCompany] = useState(contact?.company ?? '');
  const [emails, setEmails] = useState(contact?.emails.join(', ') ?? '');
  const [linkedin, setLinkedin] = useState(contact?.linkedin.join(', ') ?? '');
  const [tags, setTags] = useState(contact?.tags.join(', ') ?? '');
  const [notes, setNotes] = useState(contact?.notes ?? '');
  const [cadence, setCadence] = useState(contact?.cadenceDays?.toString() ?? '');
  const [error, setError] = useState<string | null>(null);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const fields = {
      name,
      company: company.trim() || undefined,
      emails: splitList(emails),
      linkedin: splitList(linkedin),
      tags: splitList(tags),
      notes: notes || undefined,
      cadenceDays: cadence.trim() === '' ? undefined : Number(cadence),
      ...(contact?.headline ? { headline: contact.headline } : {}),
      ...(contact?.excludeFromNudges ? { excludeFromNudges: true } : {}),
    };
    try {
      const result = contact
        ? await updateContact(getDb(), contact.id, fields, Date.now())
        : await addContact(getDb(), fields, Date.now());
      if (result.ok) onDone(result.value.id);
      else setError(result.error);
    } catch (e) {
      setError(writeErrorMessage(e));
    }
  };

  const prefix = contact ? 'edit' : 'add';
  return (
    <form className="li-form" onSubmit={(e) => void onSubmit(e)}>
      <label htmlFor={`${prefix}-name`}>Name</label>
      <input
        id={`${prefix}-name`}
        value={name}
        required
        onChange={(e) => setName(e.currentTarget.value)}
      />
      <label htmlFor={`${prefix}-company`}>Company</label>
      <input
        id={`${prefix}-company`}
        value={company}
        onChange={(e) => setCompany(e.currentTarget.value)}
      />
      <label htmlFor={`${prefix}-emails`}>Emails</label>
      <input
        id={`${prefix}-emails`}
        value={emails}
        placeholder="ada@example.com, ada@work.com"
        onChange={(e) => setEmails(e.currentTarget.value)}
      />
      <label htmlFor={`${prefix}-linkedin`}>LinkedIn paths</label>
      <input
        id={`${prefix}-linkedin`}
        value={linkedin}
        placeholder="/in/ada-lovelace"
        onChange={(e) => setLinkedin(e.currentTarget.value)}
      />
      <label htmlFor={`${prefix}-tags`}>Tags</label>
      <input
        id={`${prefix}-tags`}
        value={tags}
        placeholder="customer, renewal"
        onChange={(e) => setTags(e.currentTarget.value)}
      />
      <label htmlFor={`${prefix}-cadence`}>Cadence (days)</label>
      <input
        id={`${prefix}-cadence`}
        type="number"
        min={1}
        max={3650}
        value={cadence}
        placeholder="default"
        onChange={(e) => setCadence(e.currentTarget.value)}
      />
      <label htmlFor={`${prefix}-notes`}>Notes</label>
      <textarea
        id={`${prefix}-notes`}
        value={notes}
        rows={3}
        onChange={(e) => setNotes(e.currentTarget.value)}
      />
      <div className="li-row li-form-actions">
        <button type="submit">{contact ? 'Save contact' : 'Add contact'}</button>
        <button type="button" onClick={() => onDone()}>
          Cancel
        </button>
      </div>
      <ErrorText error={error} />
    </form>
  );
}
