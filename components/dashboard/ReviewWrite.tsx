import { useState } from 'react';
import { openDraft } from '@/components/news/open-draft';
import { canWriteTo } from '@/lib/compose/write';
import type { Contact } from '@/lib/model';
import { firstName } from '@/lib/news/nudge-news';

/**
 * "Write to <first name>" on an unrepaired row: the popup's and the panel's action, with the
 * repair template (it leads with the fix) whatever today's nudge would pick.
 */
export function ReviewWrite({ contact }: { contact: Contact | undefined }) {
  const [said, setSaid] = useState('');
  if (!contact || !canWriteTo(contact)) {
    return <span className="li-muted">No address</span>;
  }
  return (
    <>
      <button
        type="button"
        onClick={() => {
          openDraft(contact.id, 'repair').then(
            (text) => setSaid(text),
            () => setSaid('The draft did not open. Try again.'),
          );
        }}
      >
        Write to {firstName(contact.name)}
      </button>{' '}
      <span className="li-muted" aria-live="polite">
        {said}
      </span>
    </>
  );
}
