import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db/database';
import { contactNews, type ContactNews } from '@/lib/db/panel-news';
import type { NudgeReason } from '@/lib/impressions';
import type { ContactView } from '@/lib/panel/view';

/**
 * The good news that concerns the contact on screen, live: saving an item in the dashboard or
 * logging it as told redraws the nudge line and "Which news?". Undefined while loading or for
 * someone not stored.
 */
export function useContactNews(
  view: ContactView | null | undefined,
  reason: NudgeReason | null,
): ContactNews | undefined {
  const contact = view?.contact;
  return useLiveQuery(
    () =>
      contact
        ? contactNews(getDb(), contact, reason ? { reason } : null)
        : Promise.resolve(undefined),
    [contact, reason],
  );
}
