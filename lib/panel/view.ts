import type { Contact, Settings, Touch } from '../model';

/** What the panel draws for one stored contact; the rules are applied where `now` is known. */
export interface ContactView {
  contact: Contact;
  recent: Touch[];
  settings: Settings;
}

/** Keyed by identity key: null when nobody is stored under it. */
export type Views = Record<string, ContactView | null>;

/**
 * A view's version: when its contact's record last changed, then how many touches it counts (two
 * logs in the same millisecond). Whoever draws views keeps the newer of two for one contact, so
 * an answer that started before the second of two quick clicks, and arrived after it, cannot
 * draw the first click's state over the second's.
 */
export function isOlder(view: ContactView, than: ContactView): boolean {
  const a = view.contact;
  const b = than.contact;
  return a.updatedAt !== b.updatedAt ? a.updatedAt < b.updatedAt : a.touchCount < b.touchCount;
}

/** `next`, except that a contact's view older than the one drawn keeps the one drawn. */
export function keepNewer(drawn: Views | undefined, next: Views): Views {
  if (!drawn) return next;
  let kept = false;
  const out: Views = {};
  for (const [key, view] of Object.entries(next)) {
    const old = drawn[key];
    const stale = view && old && old.contact.id === view.contact.id && isOlder(view, old);
    out[key] = stale ? old : view;
    kept ||= Boolean(stale);
  }
  return kept ? out : next;
}
