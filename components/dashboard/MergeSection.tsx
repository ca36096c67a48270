import { useMemo, useState } from 'react';
import { mergeContacts } from '@/lib/db/contacts';
import { writeErrorMessage } from '@/lib/db/write-error';
import { getDb } from '@/lib/db/database';
import type { Contact } from '@/lib/model';
import { ErrorText } from './ErrorText';
import { useContacts } from './use-data';

const MAX_HITS = 8;

/** Folds another record of the same person into this one: touches moved, nothing lost. */
export function MergeSection({ contact }: { contact: Contact }) {
  const contacts = useContacts();
  const [search, setSearch] = useState('');
  const [other, setOther] = useState<Contact | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const hits = useMemo(() => {
    const q = search.trim().toLowerCase();
    if (!q || !contacts) return [];
    return contacts
      .filter(
        (c) =>
          c.id !== contact.id &&
          (c.name.toLowerCase().includes(q) ||
            (c.company?.toLowerCase().includes(q) ?? false) ||
            c.emails.some((e) => e.includes(q)) ||
            c.linkedin.some((l) => l.toLowerCase().includes(q))),
      )
      .slice(0, MAX_HITS);
  }, [contacts, search, contact.id]);

  const merge = async (from: Contact) => {
    setError(null);
    try {
      const result = await mergeContacts(getDb(), contact.id, from.id, Date.now());
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setDone(`Merged ${from.name} into ${contact.name}.`);
      setOther(null);
      setSearch('');
    } catch (e) {
      setError(`Nothing was merged. ${writeErrorMessage(e)}`);
    }
  };

  return (
    <section aria-labelledby="merge-heading" className="li-card">
      <h2 id="merge-heading">Merge with another contact</h2>
      <p className="li-muted">
        The same person met by email and on LinkedIn? Merge the other record into this one: its
        identities, tags, notes and touches move here.
      </p>
      <input
        type="search"
        aria-label="Find a contact to merge"
        placeholder="Name, email, company or LinkedIn path"
        value={search}
        onChange={(e) => {
          setSearch(e.currentTarget.value);
          setOther(null);
          setDone(null);
        }}
      />
      {hits.length > 0 && !other && (
        <ul className="li-hits" aria-label="Contacts to merge">
          {hits.map((c) => (
            <li key={c.id}>
              <button type="button" onClick={() => setOther(c)}>
                {c.name}
                {c.company ? ` · ${c.company}` : ''}
                {c.emails[0] ? ` · ${c.emails[0]}` : ''}
                {c.linkedin[0] ? ` · ${c.linkedin[0]}` : ''}
              </button>
            </li>
          ))}
        </ul>
      )}
      {other && (
        <div role="alertdialog" aria-labelledby="merge-q" className="li-confirm">
          <p id="merge-q">
            Merge {other.name} ({other.touchCount} touches) into {contact.name}? {other.name} will
            no longer be listed on its own.
          </p>
          <div className="li-row">
            <button type="button" onClick={() => void merge(other)}>
              Merge
            </button>
            <button type="button" onClick={() => setOther(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <p aria-live="polite">{done ?? ''}</p>
      <ErrorText error={error} />
    </section>
  );
}
