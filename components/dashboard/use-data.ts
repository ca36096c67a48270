import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db/database';
import { allContacts } from '@/lib/db/queries';
import { getSettings } from '@/lib/db/settings';
import type { Contact, Settings } from '@/lib/model';

export function useContacts(): Contact[] | undefined {
  return useLiveQuery(() => allContacts(getDb()), []);
}

export function useSettings(): Settings | undefined {
  return useLiveQuery(() => getSettings(getDb()), []);
}
