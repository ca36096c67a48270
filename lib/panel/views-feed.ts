import { liveQuery } from 'dexie';
import { findContactByIdentity } from '../db/contacts';
import type { LastImpressionDb } from '../db/database';
import { getSettings } from '../db/settings';
import { recentTouches } from '../db/touches';
import type { IdentityKey } from '../identity';
import type { Screen, SiteId } from '../messages';
import { firstPerson } from './choose';
import { peopleOf, screenChange, type PanelState, type PanelStore } from './store';
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
 * How long a new screen waits for its people's first read before it is drawn without them
 * ("Loading…"). The read takes about 10–25 ms; a database held by an import or a busy machine may
 * take much longer, and the panel must not keep the previous screen's contact up for long.
 */
export const HOLD_MS = 120;

interface Waiting {
  people: string;
  site: SiteId;
  screen: Screen;
}

export interface ViewsFeed {
  /**
   * Who is on screen now, as the content script says. New people are drawn together with
   * their first read, so the bar goes from one contact straight to the next: no "Loading…"
   * line in between, no second redraw, and no change of height that would move the host's
   * content twice. Until then (HOLD_MS at most) the panel shows the contact it showed, and a
   * log is still for that contact: it is the one on the buttons.
   */
  show(site: SiteId, screen: Screen): void;
}

/** The identity keys of the people on a screen, as one string to compare. */
function peopleKey(screen: Screen): string {
  return peopleOf(screen)
    .map((p) => p.key)
    .join('\n');
}

/**
 * Keeps the store's views of the people on screen live, outside React: one live query per set
 * of people, started the moment they arrive rather than after a render and an effect. Its
 * first answer comes with their screen; each later one (a write anywhere: this panel, another
 * tab, the dashboard, an import) is drawn only where it is not older than what is drawn
 * (lib/panel/view.ts). Who is shown first is picked in the same update as the first answer.
 */
export function followViews(
  store: PanelStore,
  db: LastImpressionDb,
  signal: AbortSignal,
): ViewsFeed {
  // The people read live: those on screen, or those held for their first answer.
  let followed = '';
  let live: { unsubscribe(): void } | null = null;
  let waiting: Waiting | null = null;
  let hold: ReturnType<typeof setTimeout> | undefined;

  // Who is shown first is chosen once per screen, when the data is in, and then kept: logging
  // for the most urgent contact must not make the panel jump to someone else.
  const choose = (s: PanelState, views: Views | undefined) => {
    if (s.selectedKey || !views) return s.selectedKey;
    const people = peopleOf(s.screen);
    if (!people.every((p) => p.key in views)) return null;
    return firstPerson(people, views, s.now)?.key ?? null;
  };

  const draw = (answer: Views) =>
    store.setState((s) => {
      const views = keepNewer(s.views, answer);
      const selectedKey = choose(s, views);
      return views === s.views && selectedKey === s.selectedKey ? s : { views, selectedKey };
    });

  // The held screen goes up, with its people's first answer when it has one.
  const settle = (answer?: Views) => {
    const held = waiting;
    if (!held || signal.aborted) return;
    waiting = null;
    clearTimeout(hold);
    store.setState((s) => {
      const change = screenChange(s, held.site, held.screen);
      if (!change) return s;
      const next = { ...s, ...change, ...(answer ? { views: keepNewer(s.views, answer) } : {}) };
      return { ...next, selectedKey: choose(next, next.views) };
    });
  };

  const follow = (people: string) => {
    if (people === followed) return;
    followed = people;
    live?.unsubscribe();
    live = null;
    if (!people) return;
    const keys = people.split('\n');
    live = liveQuery(() => readViews(db, keys)).subscribe({
      next: (answer) => (waiting?.people === people ? settle(answer) : draw(answer)),
      error: (e: unknown) => {
        console.debug('Last Impression: contacts not read', e);
        // The next screen with these people reads again.
        followed = '';
        if (waiting?.people === people) settle();
      },
    });
  };

  const show = (site: SiteId, screen: Screen) => {
    const people = peopleKey(screen);
    if (waiting?.people === people) {
      // The same people again while their read runs (the address moved on): the read and its
      // deadline stand, so a page that keeps changing cannot hold the panel back.
      waiting.site = site;
      waiting.screen = screen;
      return;
    }
    clearTimeout(hold);
    waiting = null;
    if (people === '' || people === peopleKey(store.getState().screen)) {
      // Back to the people on screen before another's read answered: they are read live again,
      // though the store may see no change of screen.
      follow(people);
      store.getState().setScreen(site, screen);
      return;
    }
    waiting = { people, site, screen };
    hold = setTimeout(settle, HOLD_MS);
    follow(people);
  };

  // Screens set on the store itself are followed too; a held screen's people already are.
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.screen === previous.screen) return;
    follow(peopleKey(state.screen));
    const selectedKey = choose(state, state.views);
    if (selectedKey !== state.selectedKey) store.setState({ selectedKey });
  });
  follow(peopleKey(store.getState().screen));
  signal.addEventListener('abort', () => {
    unsubscribe();
    clearTimeout(hold);
    live?.unsubscribe();
  });
  return { show };
}
