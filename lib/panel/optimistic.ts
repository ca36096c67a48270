import { addToSummary } from '@/lib/impressions';
import type { ContactView } from '@/lib/messaging';
import type { Channel, Outcome, Source, Touch } from '@/lib/model';

export const PROVISIONAL_ID = 'provisional';

/**
 * The view as it will be once the background has stored this touch, so a click shows its result
 * at once; the background's answer (or the old view, on failure) replaces it. Null when the
 * outcome cannot be foreseen: a contact not stored yet, or one whose last touch lies ahead.
 */
export function provisionalView(
  view: ContactView | null | undefined,
  touch: {
    channel: Channel;
    outcome: Outcome;
    note?: string;
    goodNews?: boolean;
    source: Source;
  },
  now: number,
): ContactView | null {
  if (!view) return null;
  const { contact } = view;
  if (contact.lastTouchAt !== null && contact.lastTouchAt > now) return null;
  const provisional: Touch = {
    id: PROVISIONAL_ID,
    contactId: contact.id,
    at: now,
    channel: touch.channel,
    outcome: touch.outcome,
    ...(touch.note ? { note: touch.note } : {}),
    ...(touch.goodNews ? { goodNews: true } : {}),
    source: touch.source,
    createdAt: now,
    updatedAt: now,
  };
  return {
    ...view,
    contact: { ...contact, ...addToSummary(contact, provisional), updatedAt: now },
    recent: [provisional, ...view.recent].slice(0, view.recent.length + 1),
  };
}
