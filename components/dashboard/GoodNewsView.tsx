import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { getDb } from '@/lib/db/database';
import {
  addNews,
  deleteNews,
  editNews,
  newsStandings,
  putNews,
  restoreNews,
  type NewsStanding,
} from '@/lib/db/news';
import type { Contact } from '@/lib/model';
import { newestFirst } from '@/lib/news/audience';
import { NewsForm } from './NewsForm';
import { hrefOf } from './route';
import { useContacts } from './use-data';
import './news.css';

type Status = { text: string; undo?: () => Promise<void> } | null;

/** The good-news bank: record news once, see who would care and who has heard it. */
export function GoodNewsView() {
  const contacts = useContacts();
  const standings = useLiveQuery(() => newsStandings(getDb()), []);
  const [status, setStatus] = useState<Status>(null);
  const byItem = new Map((standings ?? []).map((s) => [s.item, s]));
  const ordered = newestFirst([...byItem.keys()]).map((item) => byItem.get(item)!);

  return (
    <>
      <section aria-labelledby="news-heading" className="li-card">
        <h2 id="news-heading">Good news</h2>
        <p className="li-muted">
          Record each piece of good news once. Nudges name it to everyone who would care until you
          tell them: log a positive touch with &ldquo;I brought good news&rdquo;.
        </p>
        {contacts ? (
          <NewsForm
            idPrefix="news-new"
            contacts={contacts}
            submitLabel="Save good news"
            onSave={async (input) => {
              const r = await addNews(getDb(), input, Date.now());
              if (!r.ok) return r.error;
              setStatus({ text: `Saved “${r.value.headline}”.` });
              return null;
            }}
          />
        ) : null}
      </section>
      <section aria-labelledby="news-list-heading" className="li-card">
        <h2 id="news-list-heading">Recorded</h2>
        <p role="status" className="li-status">
          {status?.text}{' '}
          {status?.undo ? (
            <button
              type="button"
              className="li-link"
              onClick={() => {
                const undo = status.undo!;
                setStatus({ text: 'Undone.' });
                void undo();
              }}
            >
              Undo
            </button>
          ) : null}
        </p>
        {standings && standings.length === 0 ? (
          <p className="li-muted">No good news recorded yet.</p>
        ) : null}
        <ul className="li-news-list">
          {ordered.map((s) => (
            <NewsEntry
              key={s.item.id}
              standing={s}
              contacts={contacts ?? []}
              onStatus={setStatus}
            />
          ))}
        </ul>
      </section>
    </>
  );
}

function NewsEntry(props: {
  standing: NewsStanding;
  contacts: readonly Contact[];
  onStatus: (s: Status) => void;
}) {
  const { item, audience, told } = props.standing;
  const [editing, setEditing] = useState(false);
  const heard = audience.filter((c) => told.has(c.id));
  const waiting = audience.filter((c) => !told.has(c.id));

  if (editing) {
    return (
      <li
        className="li-news-item"
        data-testid="li-news-item"
        data-audience={audience.length}
        data-told={heard.length}
      >
        <NewsForm
          idPrefix={`news-${item.id}`}
          contacts={props.contacts}
          initial={item}
          submitLabel="Save changes"
          onCancel={() => setEditing(false)}
          onSave={async (input) => {
            const r = await editNews(getDb(), item.id, input, Date.now());
            if (!r.ok) return r.error;
            setEditing(false);
            props.onStatus({
              text: `Saved changes to “${r.value.after.headline}”.`,
              undo: () => putNews(getDb(), r.value.before),
            });
            return null;
          }}
        />
      </li>
    );
  }

  return (
    <li
      className="li-news-item"
      data-testid="li-news-item"
      data-audience={audience.length}
      data-told={heard.length}
    >
      <details>
        <summary>
          <strong>{item.headline}</strong> <span className="li-muted">· {item.day}</span>{' '}
          <span className="li-news-count">
            told {heard.length} of {audience.length}
          </span>
        </summary>
        {item.details ? <p className="li-news-details">{item.details}</p> : null}
        <div className="li-news-people">
          <div>
            <h3>Told</h3>
            <PeopleList people={heard} empty="Nobody yet." label="Told" />
          </div>
          <div>
            <h3>Not told yet</h3>
            <PeopleList people={waiting} empty="Everyone has heard it." label="Not told yet" />
          </div>
        </div>
      </details>
      <div className="li-row">
        <button
          type="button"
          onClick={() => setEditing(true)}
          aria-label={`Edit “${item.headline}”`}
        >
          Edit
        </button>
        <button
          type="button"
          className="li-danger"
          aria-label={`Delete “${item.headline}”`}
          onClick={() => {
            void deleteNews(getDb(), item.id).then((deleted) => {
              if (!deleted) return;
              props.onStatus({
                text: `Deleted “${item.headline}”.`,
                undo: () => restoreNews(getDb(), deleted),
              });
            });
          }}
        >
          Delete
        </button>
      </div>
    </li>
  );
}

function PeopleList(props: { people: readonly Contact[]; empty: string; label: string }) {
  if (props.people.length === 0) return <p className="li-muted">{props.empty}</p>;
  return (
    <ul aria-label={props.label}>
      {props.people.map((c) => (
        <li key={c.id}>
          <a href={hrefOf({ view: 'contact', id: c.id })}>{c.name}</a>
          {c.company ? <span className="li-muted"> · {c.company}</span> : null}
        </li>
      ))}
    </ul>
  );
}
