import type { Nudge } from '../impressions';
import type { Contact } from '../model';
import { inAudience, newestFirst } from './audience';
import type { NewsItem } from './types';

/**
 * The news a share-good-news nudge should name for a contact: the newest item whose audience
 * holds them and that they have not been told. None for a repair (fix first, news later) or
 * when every matching item has been shared.
 */
export function newsToShare<N extends Pick<NewsItem, 'id' | 'audience' | 'day' | 'createdAt'>>(
  nudge: Pick<Nudge, 'reason'>,
  contact: Pick<Contact, 'id' | 'company' | 'tags'>,
  items: readonly N[],
  toldNewsIds: ReadonlySet<string>,
): N | undefined {
  if (nudge.reason !== 'share-good-news') return undefined;
  return newestFirst(items).find(
    (item) => !toldNewsIds.has(item.id) && inAudience(contact, item.audience),
  );
}

/**
 * What a person is called in a greeting: the first word of their name, or of the address's
 * local part when the name is only an address ("ada.lovelace@x.com" -> "Ada").
 */
export function firstName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.includes('@') && !trimmed.includes(' ')) {
    const local = trimmed.slice(0, trimmed.indexOf('@')).split(/[._+-]/u)[0] ?? '';
    return local ? local[0]!.toLocaleUpperCase() + local.slice(1) : trimmed;
  }
  return trimmed.split(/\s+/u)[0] ?? trimmed;
}

/**
 * The nudge's line, the same in the popup, the panel and the digest: "Tell Ada: CSV export
 * shipped" when it names news, else today's line ("Share good news: 18 days since a positive
 * touch", "Repair: last impression negative, yesterday").
 */
export function nudgeLine(
  nudge: Pick<Nudge, 'reason' | 'why'>,
  contactName: string,
  news: Pick<NewsItem, 'headline'> | undefined,
): string {
  if (news && nudge.reason === 'share-good-news') {
    return `Tell ${firstName(contactName)}: ${news.headline}`;
  }
  return `${nudge.reason === 'repair' ? 'Repair' : 'Share good news'}: ${nudge.why}`;
}

/** How many of an item's audience have been told it. */
export function toldCount(
  audienceIds: readonly string[],
  toldContactIds: ReadonlySet<string>,
): number {
  return audienceIds.reduce((n, id) => n + (toldContactIds.has(id) ? 1 : 0), 0);
}
