import { liveQuery } from 'dexie';
import { findContactByIdentity } from '../db/contacts';
import type { LastImpressionDb } from '../db/database';
import { getSettings } from '../db/settings';
import { recentTouches } from '../db/touches';
import type { IdentityKey } from '../identity';
import { firstPerson } from './choose';
import { peopleOf, type PanelState, type PanelStore } from './store';
import { keepNewer, type Views } from './view';

export const RECENT_TOUCHES = 5;

/**
 * One read of the stored contacts behind `keys`: null where nobody is stored under a key. One
 * transaction, with the settings read beside the contacts rather than before them: each
 * transaction and each wait is a round trip to the browser's database process, on every
 * thread switch.
 */
export function readViews(db: LastImpressionDb, keys: readonly string[]): Promise<Views> {
  return db.transaction('r', [db.meta, db.contacts, db.touchMonths], async () => {
    const [settings, found] = await Promise.all([
      getSettings(db),
      Promise.all(
        keys.map(async (key) => {
          const contact = await findContactByIdentity(db, key as IdentityKey);
          return contact
            ? { contact, recent: await recentTouches(db, contact.id, RECENT_TOUCHES) }
            : null;
        }),
      ),
    ]);
    const views: Views = {};
    keys.forEach((key, i) => {
      const view = found[i];
      views[key] = view ? { ...view, settings } : null;
    });
    return views;
  });
}

/**
 * Keeps the store's views of the people on screen live, outside React: the query starts the
 * moment a new screen lands in the store, not after a render and an effect, and any write
 * anywhere (this panel, another tab, the dashboard, an import) answers again. Each answer is
 * drawn only where it is not older than what is drawn (lib/panel/view.ts), and the first answer
 * for a screen also picks who is shown first, in the same update.
 */
export function followViews(store: PanelStore, db: LastImpressionDb, signal: AbortSignal): void {
  let keysNow = '';
  // What follows the people now on screen: set from the moment their first read starts.
  let following: { stop(): void } | null = null;

  // Who is shown first is chosen once per screen, when the data is in, and then kept: logging
  // for the most urgent contact must not make the panel jump to someone else.
  const choose = (s: PanelState, views: Views | undefined) => {
    if (s.selectedKey || !views) return s.selectedKey;
    const people = peopleOf(s.screen);
    if (!people.every((p) => p.key in views)) return null;
    return firstPerson(people, views, s.now)?.key ?? null;
  };

  const follow = () => {
    const keys = peopleOf(store.getState().screen).map((p) => p.key);
    const joined = keys.join('\n');
    if (joined === keysNow && (following || keys.length === 0)) {
      // The same people again (the page's address or the compose flag changed): no new query.
      const selectedKey = choose(store.getState(), store.getState().views);
      if (selectedKey !== store.getState().selectedKey) store.setState({ selectedKey });
      return;
    }
    keysNow = joined;
    following?.stop();
    following = null;
    if (keys.length === 0) return;
    let stopped = false;
    let live: { unsubscribe(): void } | null = null;
    following = {
      stop() {
        stopped = true;
        live?.unsubscribe();
      },
    };
    const draw = (answer: Views) => {
      if (stopped || signal.aborted) return;
      store.setState((s) => {
        const views = keepNewer(s.views, answer);
        return { views, selectedKey: choose(s, views) };
      });
    };
    const failed = (e: unknown) => console.debug('Last Impression: contacts not read', e);
    // Dexie's live query makes its first read a task later (a timer), behind the render this
    // screen change has queued. So the first read starts now, and the live query, which reads
    // again before it watches, starts once that read is drawn rather than competing with it.
    readViews(db, keys)
      .then(draw, failed)
      .finally(() => {
        if (stopped || signal.aborted) return;
        live = liveQuery(() => readViews(db, keys)).subscribe({ next: draw, error: failed });
      });
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.screen !== previous.screen) follow();
  });
  follow();
  signal.addEventListener('abort', () => {
    unsubscribe();
    following?.stop();
  });
}
