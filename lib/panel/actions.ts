import { writeErrorMessage } from '../db/write-error';
import { addContact, linkIdentity, setNudgeState, updateContact } from '../db/contacts';
import type { LastImpressionDb } from '../db/database';
import { searchContacts } from '../db/search';
import { deleteTouch, logTouch } from '../db/touches';
import { identityToKey } from '../identity';
import type { Person, SiteId } from '../messages';
import type { Channel, Contact, Outcome } from '../model';
import type { PanelStore } from './store';

/** The rules refused the input: its message is already in words. */
class Refused extends Error {}

export const UNDO_MS = 10_000;

/** "Co-founder at Substrate" → "Substrate": LinkedIn headlines name the company this way. */
export function companyFromHeadline(headline: string | undefined): string | undefined {
  const match = headline ? / (?:at|@) ([^|·,]{2,80})$/u.exec(headline.trim()) : null;
  return match?.[1]?.trim() || undefined;
}

function fieldsOf(c: Contact) {
  return {
    name: c.name,
    emails: c.emails,
    linkedin: c.linkedin,
    tags: c.tags,
    ...(c.company ? { company: c.company } : {}),
    ...(c.headline ? { headline: c.headline } : {}),
    ...(c.notes ? { notes: c.notes } : {}),
    ...(c.cadenceDays !== undefined ? { cadenceDays: c.cadenceDays } : {}),
    ...(c.excludeFromNudges ? { excludeFromNudges: true } : {}),
  };
}

export interface ActionDeps {
  db: LastImpressionDb;
  store: PanelStore;
  site: () => SiteId;
  defaultChannel: () => Channel;
  setTimeout: (fn: () => void, ms: number) => void;
  now?: () => number;
}

/**
 * What the panel's controls do. The frame is an extension page: it writes through the same
 * `lib/db` operations as the popup and the dashboard, and its live queries redraw it.
 */
export function createActions({
  db,
  store,
  site,
  defaultChannel,
  setTimeout,
  now = Date.now,
}: ActionDeps) {
  const fail = (error: string) => store.getState().setError(error);
  // A refused input says why; a refused write (full disk, closed database) says so in words.
  const failWith = (e: unknown) => fail(e instanceof Refused ? e.message : writeErrorMessage(e));

  async function guarded<T>(run: () => Promise<T>): Promise<T | undefined> {
    if (store.getState().busy) return undefined;
    store.setState({ busy: true, error: null });
    try {
      return await run();
    } catch (e) {
      failWith(e);
      return undefined;
    } finally {
      store.setState({ busy: false });
    }
  }

  return {
    /** Not gated by `busy`: three quick clicks are three touches, each stored. */
    async log(person: Person, outcome: Outcome): Promise<void> {
      const { channel, note, goodNews } = store.getState();
      const typedNote = note.trim() ? note : undefined;
      store.setState({ error: null, note: '', goodNews: false });
      try {
        const result = await logTouch(
          db,
          {
            identity: person.identity,
            name: person.name?.trim() || person.identity.value,
            ...(person.headline ? { headline: person.headline } : {}),
            channel: channel ?? defaultChannel(),
            outcome,
            ...(typedNote ? { note: typedNote } : {}),
            ...(goodNews ? { goodNews: true } : {}),
            source: site(),
          },
          now(),
        );
        if (!result.ok) throw new Refused(result.error);
        const { touch, contact } = result.value;
        store.getState().setUndo({
          touch,
          outcome,
          name: contact.name,
          key: person.key,
          note,
          goodNews,
          until: now() + UNDO_MS,
        });
        setTimeout(() => {
          if (store.getState().undo?.touch.id === touch.id) store.getState().setUndo(null);
        }, UNDO_MS);
      } catch (e) {
        // Not stored: give the user their note back.
        if (!store.getState().note) store.setState({ note, goodNews });
        failWith(e);
      }
    },

    /** Removes the pending touch, whoever is on screen now; its note returns to its person's form. */
    async undo(onScreenKey: string | null): Promise<void> {
      const pending = store.getState().undo;
      if (!pending) return;
      store.getState().setUndo(null);
      try {
        await deleteTouch(db, pending.touch.id, now());
        const { note, goodNews } = store.getState();
        if (onScreenKey === pending.key && !note.trim() && !goodNews) {
          store.setState({ note: pending.note, goodNews: pending.goodNews });
        }
      } catch (e) {
        failWith(e);
      }
    },

    snooze: (contactId: string, until: number) =>
      guarded(() => setNudgeState(db, contactId, { snoozedUntil: until }, Date.now())),

    search: (query: string) => searchContacts(db, query),

    /** Links the page's identity to a stored contact, filling in its headline and company. */
    link: (contactId: string, person: Person) =>
      guarded(async () => {
        const linked = await linkIdentity(db, contactId, identityToKey(person.identity), now());
        if (!linked.ok) return fail(linked.error);
        const contact = linked.value;
        const company = companyFromHeadline(person.headline);
        const addHeadline = !contact.headline && person.headline;
        const addCompany = !contact.company && company;
        if (!addHeadline && !addCompany) return;
        const updated = await updateContact(
          db,
          contact.id,
          {
            ...fieldsOf(contact),
            ...(addHeadline ? { headline: person.headline } : {}),
            ...(addCompany ? { company } : {}),
          },
          now(),
        );
        if (!updated.ok) fail(updated.error);
      }),

    add: (person: Person) =>
      guarded(async () => {
        const { identity } = person;
        const company = companyFromHeadline(person.headline);
        const added = await addContact(
          db,
          {
            name: person.name?.trim() || identity.value,
            emails: identity.kind === 'email' ? [identity.value] : [],
            linkedin: identity.kind === 'linkedin' ? [identity.value] : [],
            ...(person.headline ? { headline: person.headline } : {}),
            ...(company ? { company } : {}),
          },
          now(),
        );
        if (!added.ok) fail(added.error);
      }),
  };
}

export type PanelActions = ReturnType<typeof createActions>;
