import type { Contact } from '../model';
import { newsOfContact } from './audience';
import type { NewsItem } from './types';

/**
 * What the panel's "Which news?" question offers when the rep logs a positive touch with
 * "I brought good news": the items whose audience holds the contact, newest first, the ones
 * they have not heard before the ones they have; preselected is the item the nudge named,
 * else the newest they have not heard, else none.
 */
export function newsChoice<N extends Pick<NewsItem, 'id' | 'audience' | 'day' | 'createdAt'>>(
  contact: Pick<Contact, 'id' | 'company' | 'tags'>,
  items: readonly N[],
  toldNewsIds: ReadonlySet<string>,
  namedId?: string,
): { options: N[]; preselected: string | undefined } {
  const mine = newsOfContact(contact, items);
  const options = [
    ...mine.filter((n) => !toldNewsIds.has(n.id)),
    ...mine.filter((n) => toldNewsIds.has(n.id)),
  ];
  const named = namedId !== undefined && options.some((n) => n.id === namedId);
  const preselected = named ? namedId : options.find((n) => !toldNewsIds.has(n.id))?.id;
  return { options, preselected };
}
