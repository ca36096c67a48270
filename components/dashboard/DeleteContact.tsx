import { useState } from 'react';
import { deleteContact } from '@/lib/db/contacts';
import { getDb } from '@/lib/db/database';
import { writeErrorMessage } from '@/lib/db/write-error';
import type { Contact } from '@/lib/model';
import { ErrorText } from './ErrorText';
import { navigate } from './route';

/** "Delete contact" with its confirmation; also offered when the contact cannot be drawn. */
export function DeleteContact({ contact }: { contact: Contact }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Read defensively: this also runs for a record too broken to draw.
  const name = typeof contact.name === 'string' ? contact.name : 'this contact';
  const count = typeof contact.touchCount === 'number' ? contact.touchCount : 0;

  const remove = async () => {
    try {
      await deleteContact(getDb(), contact.id);
      navigate({ view: 'contacts' });
    } catch (e) {
      setError(`Nothing was deleted. ${writeErrorMessage(e)}`);
    }
  };

  return (
    <>
      <button type="button" onClick={() => setConfirming(true)}>
        Delete contact
      </button>
      {confirming && (
        <div role="alertdialog" aria-labelledby="delete-q" className="li-confirm">
          <p id="delete-q">
            Delete {name} and {count === 1 ? 'its touch' : `all ${count} touches`}? This cannot be
            undone.
          </p>
          <div className="li-row">
            <button type="button" className="li-danger" onClick={() => void remove()}>
              Yes, delete
            </button>
            <button type="button" autoFocus onClick={() => setConfirming(false)}>
              Keep
            </button>
          </div>
        </div>
      )}
      <ErrorText error={error} />
    </>
  );
}
