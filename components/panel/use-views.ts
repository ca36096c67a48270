import { useLiveQuery } from 'dexie-react-hooks';
import { findContactByIdentity } from '@/lib/db/contacts';
import { getDb } from '@/lib/db/database';
import { getSettings } from '@/lib/db/settings';
import { recentTouches } from '@/lib/db/touches';
import type { IdentityKey } from '@/lib/identity';
import type { Person } from '@/lib/messages';
import type { Views } from '@/lib/panel/view';

export const RECENT_TOUCHES = 5;

/**
 * The stored contacts behind the people on screen, live: any write anywhere (this panel, another
 * tab, the dashboard, an import) redraws the panel. Undefined while the first answer loads.
 */
export function useViews(people: readonly Person[]): Views | undefined {
  const keys = people.map((p) => p.key);
  return useLiveQuery(async () => {
    const db = getDb();
    const settings = await getSettings(db);
    const views: Views = {};
    await Promise.all(
      keys.map(async (key) => {
        const contact = await findContactByIdentity(db, key as IdentityKey);
        views[key] = contact
          ? { contact, recent: await recentTouches(db, contact.id, RECENT_TOUCHES), settings }
          : null;
      }),
    );
    return views;
  }, [keys.join('\n')]);
}
