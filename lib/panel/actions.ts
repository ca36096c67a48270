import type { request } from '@/lib/messaging-client';
import type { ContactHit, ContactView } from '@/lib/messaging';
import type { Outcome } from '@/lib/model';
import type { Owner } from './owner';
import { provisionalView } from './optimistic';
import type { SiteConfig } from './screen';
import { currentPerson, type PanelStore } from './store';

export const UNDO_MS = 10_000;

export interface PanelActions {
  log(outcome: Outcome): Promise<void>;
  undo(): Promise<void>;
  snooze(until: number): Promise<void>;
  search(query: string): Promise<ContactHit[]>;
  link(contactId: string): Promise<void>;
  add(): Promise<void>;
  setCollapsed(collapsed: boolean): void;
}

export interface ActionDeps {
  store: PanelStore;
  site: SiteConfig;
  owner: Owner;
  send: typeof request;
  saveCollapsed: (collapsed: boolean) => void;
}

/** What the panel's buttons do; every answer from the background lands in the store at once. */
export function createActions({
  store,
  site,
  owner,
  send,
  saveCollapsed,
}: ActionDeps): PanelActions {
  const fail = (error: string) => store.getState().setError(error);

  /** Runs one request for the person on screen, with the busy flag and error line handled. */
  async function forPerson<T>(
    run: (key: string) => Promise<{ ok: true; data: T } | { ok: false; error: string }>,
    apply: (key: string, data: T) => void,
  ): Promise<void> {
    const person = currentPerson(store.getState());
    if (!person || store.getState().busy) return;
    const { setBusy, setError } = store.getState();
    setBusy(true);
    setError(null);
    try {
      const answer = await run(person.key);
      if (answer.ok) apply(person.key, answer.data);
      else fail(answer.error);
    } catch (e) {
      fail(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  let latestLog = 0;
  const applyView = (key: string, view: ContactView | null) => store.getState().setView(key, view);
  const contactId = () => {
    const person = currentPerson(store.getState());
    return person ? store.getState().views[person.key]?.contact.id : undefined;
  };

  return {
    // Not gated by `busy`: the result shows at once, so a second click may follow the first
    // before its answer; each is stored, and only the latest answer redraws.
    log: async (outcome) => {
      const person = currentPerson(store.getState());
      if (!person) return;
      const seq = ++latestLog;
      const { channel, note, goodNews, views } = store.getState();
      const typedNote = note.trim() ? note : undefined;
      const before = views[person.key];
      const shown = provisionalView(
        before,
        { channel, outcome, ...(typedNote ? { note } : {}), goodNews, source: site.source },
        Date.now(),
      );
      store.setState({ error: null, note: '', goodNews: false });
      if (shown) applyView(person.key, shown);
      const answer = await send({
        type: 'touch.log',
        input: {
          identity: person.identity,
          name: person.name?.trim() || person.identity.value,
          ...(person.headline ? { headline: person.headline } : {}),
          channel,
          outcome,
          ...(typedNote ? { note } : {}),
          ...(goodNews ? { goodNews: true } : {}),
          source: site.source,
        },
      });
      if (!answer.ok) {
        // Not stored: take the foreseen result back and give the user their note again.
        if (seq === latestLog && shown && before !== undefined) applyView(person.key, before);
        if (!store.getState().note) store.setState({ note, goodNews });
        fail(answer.error);
        return;
      }
      if (seq === latestLog) applyView(person.key, answer.data.view);
      const { touchId } = answer.data;
      store.getState().setUndo({ touchId, key: person.key, until: Date.now() + UNDO_MS });
      owner.setTimeout(() => {
        if (store.getState().undo?.touchId === touchId) store.getState().setUndo(null);
      }, UNDO_MS);
    },

    undo: async () => {
      const pending = store.getState().undo;
      if (!pending) return;
      store.getState().setUndo(null);
      const answer = await send({ type: 'touch.undo', touchId: pending.touchId });
      if (!answer.ok) fail(answer.error);
      else if (answer.data) applyView(pending.key, answer.data);
    },

    snooze: async (until) => {
      const id = contactId();
      if (!id) return;
      await forPerson(() => send({ type: 'nudge.snooze', contactId: id, until }), applyView);
    },

    search: async (query) => {
      const answer = await send({ type: 'contact.search', query: query.slice(0, 200) });
      return answer.ok ? answer.data : [];
    },

    link: (id) =>
      forPerson(() => {
        const person = currentPerson(store.getState())!;
        return send({ type: 'contact.link', contactId: id, identity: person.identity });
      }, applyView),

    add: () =>
      forPerson(() => {
        const person = currentPerson(store.getState())!;
        const { identity } = person;
        return send({
          type: 'contact.add',
          fields: {
            name: person.name?.trim() || identity.value,
            emails: identity.kind === 'email' ? [identity.value] : [],
            linkedin: identity.kind === 'linkedin' ? [identity.value] : [],
            ...(person.headline ? { headline: person.headline } : {}),
          },
        });
      }, applyView),

    setCollapsed: (collapsed) => {
      store.getState().setCollapsed(collapsed);
      saveCollapsed(collapsed);
    },
  };
}
