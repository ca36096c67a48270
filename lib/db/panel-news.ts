import type { Nudge } from '../impressions';
import type { Contact } from '../model';
import { newsChoice } from '../news/choice';
import { newsToShare } from '../news/nudge-news';
import type { NewsItem } from '../news/types';
import type { LastImpressionDb } from './database';
import { toldNewsOf } from './news';

/** The good news that concerns one contact: what their nudge names and what "Which news?" offers. */
export interface ContactNews {
  /** The item the share-good-news nudge names: the newest in their audience not yet told. */
  named: NewsItem | undefined;
  options: NewsItem[];
  preselected: string | undefined;
  told: Set<string>;
}

/**
 * One contact's news, by the same rules as the popup's and the digest's nudges (`newsToShare`)
 * and the popup's choice (`newsChoice`): one read of the bank and one of their told rows.
 */
export async function contactNews(
  db: LastImpressionDb,
  contact: Contact,
  nudge: Pick<Nudge, 'reason'> | null,
): Promise<ContactNews> {
  const [items, told] = await Promise.all([db.news.toArray(), toldNewsOf(db, contact.id)]);
  const named = nudge ? newsToShare(nudge, contact, items, told) : undefined;
  const { options, preselected } = newsChoice(contact, items, told, named?.id);
  return { named, options, preselected, told };
}
