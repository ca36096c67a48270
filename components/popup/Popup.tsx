import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { useNow } from '@/components/use-now';
import { ChannelRadios } from '@/components/log/ChannelRadios';
import { showDueCount } from '@/lib/background/badge';
import { searchContacts } from '@/lib/db/search';
import { getDb } from '@/lib/db/database';
import { CHANNELS, type Channel, type Outcome } from '@/lib/model';
import { newsForNudges } from '@/lib/db/news';
import { dueCount, dueNudges } from '@/lib/db/nudges';
import { ErrorBoundary } from '../ErrorBoundary';
import { BackupReminder } from './BackupReminder';
import { NudgeItem } from './NudgeItem';
import { openDraft } from '@/components/news/open-draft';
import { dismiss, logFromPopup, snooze, undoLog } from './popup-actions';
import { SearchHit } from './SearchHit';
import { SiteAccess } from './SiteAccess';

type Status = { text: string; undoTouchId?: string } | null;

// A glance, not the whole book: with 10,000 contacts thousands can be due at once; the index
// hands over the most urgent ones and a count, and the dashboard lists them all.
const SHOWN_NUDGES = 25;
const COUNT_DELAY_MS = 300;

export function Popup() {
  const [query, setQuery] = useState('');
  const [channel, setChannel] = useState<Channel>('email');
  const [status, setStatus] = useState<Status>(null);
  const now = useNow();
  const listed = useLiveQuery(async () => {
    const db = getDb();
    const list = await dueNudges(db, Date.now(), SHOWN_NUDGES);
    return { list, news: await newsForNudges(db, list) };
  }, []);
  const live = listed?.list;
  // A snoozed or dismissed contact leaves the list at once. Waiting for the write and the live
  // query's re-read put two IndexedDB round trips on the redraw, and after a big import the
  // browser's store answers those slowly and unevenly while it compacts what it just wrote.
  const [leaving, setLeaving] = useState<ReadonlyMap<string, 'writing' | 'written'>>(new Map());
  const due = useMemo(() => live?.filter((d) => !leaving.has(d.contact.id)), [live, leaving]);
  // Once written, the next live list is the truth again (a contact due again shows again).
  const [seen, setSeen] = useState(live);
  if (seen !== live) {
    setSeen(live);
    if ([...leaving.values()].includes('written')) {
      setLeaving(new Map([...leaving].filter(([, state]) => state === 'writing')));
    }
  }
  const leave = (id: string, write: Promise<void>, undoText: string) => {
    setLeaving((prev) => new Map(prev).set(id, 'writing'));
    write.then(
      () => setLeaving((prev) => (prev.has(id) ? new Map(prev).set(id, 'written') : prev)),
      (e: unknown) => {
        setLeaving((prev) => new Map([...prev].filter(([key]) => key !== id)));
        setStatus({ text: `${undoText}: ${e instanceof Error ? e.message : String(e)}` });
      },
    );
  };
  // Counting walks the whole due range (about 150 ms at 50,000 due contacts), so it runs a
  // moment after the list has drawn, and only when the list is full: a live count would race
  // the list's own query after every write, and a popup closed at a glance never pays for it.
  const full = live !== undefined && live.length >= SHOWN_NUDGES;
  const [counted, setCounted] = useState<number>();
  useEffect(() => {
    if (!full) return;
    let current = true;
    const timer = setTimeout(() => {
      void dueCount(getDb(), Date.now()).then((n) => current && setCounted(n));
    }, COUNT_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [full, live]);
  const total = full ? counted : due?.length;
  const hits = useLiveQuery(() => searchContacts(getDb(), query), [query]);

  // The worker may be asleep while the popup writes; the popup's own count keeps the badge true.
  useEffect(() => {
    if (total !== undefined) void showDueCount(total);
  }, [total]);

  const log = async (contactId: string, name: string, outcome: Outcome, newsId?: string) => {
    const result = await logFromPopup(contactId, outcome, channel, newsId);
    const told = newsId ? ' They heard your good news.' : '';
    setStatus(
      result.ok
        ? { text: `Logged ${outcome} with ${name}.${told}`, undoTouchId: result.touchId }
        : { text: `Not logged: ${result.error}` },
    );
  };

  const openDashboard = () => {
    void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') });
    window.close();
  };

  return (
    <main className="li-popup">
      <header className="li-row li-popup-head">
        <h1>Last Impression</h1>
        <button type="button" onClick={openDashboard}>
          Open dashboard
        </button>
      </header>
      <input
        type="search"
        className="li-search"
        aria-label="Search contacts"
        placeholder="Search contacts by name, email or company"
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        autoFocus
      />
      <ChannelRadios channels={CHANNELS} value={channel} onChange={setChannel} />
      {query.trim() ? (
        <section aria-label="Search results">
          {hits && hits.length === 0 ? <p className="li-muted">No contact matches.</p> : null}
          <ul className="li-list">
            {(hits ?? []).map((hit) => (
              <SearchHit
                key={hit.id}
                hit={hit}
                onLog={(outcome) => void log(hit.id, hit.name, outcome)}
              />
            ))}
          </ul>
        </section>
      ) : null}
      <p role="status" className="li-status">
        {status?.text}
        {status?.undoTouchId ? (
          <button
            type="button"
            className="li-link"
            onClick={() => {
              void undoLog(status.undoTouchId!);
              setStatus({ text: 'Undone.' });
            }}
          >
            Undo
          </button>
        ) : null}
      </p>
      <ErrorBoundary what="the site access notice">
        <SiteAccess />
      </ErrorBoundary>
      <ErrorBoundary what="the backup reminder">
        <BackupReminder />
      </ErrorBoundary>
      <section aria-labelledby="li-due-heading">
        <h2 id="li-due-heading">Today</h2>
        {due && due.length === 0 ? (
          <p className="li-muted">Nobody is due. Good news travels best when it is fresh.</p>
        ) : null}
        <ul className="li-list">
          {(due ?? []).map((item) => (
            <ErrorBoundary
              key={item.contact.id}
              what="this nudge"
              resetKey={item}
              actions={
                <a
                  href={browser.runtime.getURL(`/dashboard.html#/contact/${item.contact.id}`)}
                  target="_blank"
                  rel="noreferrer"
                >
                  Open the contact
                </a>
              }
            >
              <NudgeItem
                due={item}
                now={now}
                news={listed?.news.get(item.contact.id)}
                onLog={(outcome, newsId) =>
                  void log(item.contact.id, item.contact.name, outcome, newsId)
                }
                onWrite={() => void openDraft(item.contact.id).then((text) => setStatus({ text }))}
                onSnooze={(choice) => {
                  leave(item.contact.id, snooze(item.contact.id, choice), 'Not snoozed');
                  setStatus({ text: `Snoozed ${item.contact.name} for ${choice}.` });
                }}
                onDismiss={() => {
                  leave(item.contact.id, dismiss(item.contact.id), 'Not dismissed');
                  setStatus({ text: `Dismissed ${item.contact.name} until the next touch.` });
                }}
              />
            </ErrorBoundary>
          ))}
        </ul>
        {due && total !== undefined && total > due.length ? (
          <p className="li-muted">
            {total - due.length} more due.{' '}
            <button type="button" className="li-link" onClick={openDashboard}>
              See them all in the dashboard
            </button>
          </p>
        ) : null}
      </section>
    </main>
  );
}
