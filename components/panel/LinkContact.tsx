import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { ContactHit } from '@/lib/db/search';
import { usePanel, usePanelState } from './panel-context';

const SEARCH_DELAY_MS = 150;

/**
 * For someone not stored yet: attach this identity to an existing contact (found by name or
 * email, chosen with the arrow keys and Enter), or add them as a new contact.
 */
export function LinkContact() {
  const { actions, person } = usePanel();
  const busy = usePanelState((s) => s.busy);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<ContactHit[]>([]);
  const [active, setActive] = useState(0);
  const listId = useId();
  const inputId = useId();

  useEffect(() => {
    if (!open || !query.trim()) return;
    let current = true;
    const timer = setTimeout(() => {
      void actions.search(query).then((found) => {
        if (!current) return;
        setHits(found);
        setActive(0);
      });
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [open, query, actions]);

  const shown = query.trim() ? hits : [];
  const choose = (hit: ContactHit | undefined) => {
    if (hit && person) void actions.link(hit.id, person);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (shown.length ? (i + step + shown.length) % shown.length : 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(shown[active]);
    } else if (event.key === 'Escape' && query) {
      event.stopPropagation();
      setQuery('');
    }
  };

  if (!open) {
    return (
      <div className="li-row li-link-actions">
        <button type="button" onClick={() => setOpen(true)}>
          Link to an existing contact
        </button>
        <button type="button" disabled={busy} onClick={() => person && void actions.add(person)}>
          Add contact
        </button>
      </div>
    );
  }

  return (
    <div className="li-link">
      <label htmlFor={inputId}>Find a contact by name or email</label>
      <input
        id={inputId}
        type="search"
        role="combobox"
        autoFocus
        autoComplete="off"
        aria-expanded={shown.length > 0}
        aria-controls={listId}
        aria-activedescendant={shown[active] ? `${listId}-${active}` : undefined}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label="Matching contacts" className="li-hits">
        {shown.map((hit, i) => (
          <li
            key={hit.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'li-hit li-hit-active' : 'li-hit'}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(hit)}
          >
            <bdi>{hit.name}</bdi>
            <span className="li-muted"> {[...hit.emails, ...hit.linkedin].join(', ')}</span>
          </li>
        ))}
      </ul>
      {query.trim() && shown.length === 0 && <p className="li-muted">No match yet.</p>}
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </div>
  );
}
