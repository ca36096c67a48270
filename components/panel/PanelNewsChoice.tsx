import { useId } from 'react';
import { NewsChoice } from '@/components/news/NewsChoice';
import { dueNudge } from '@/lib/panel/choose';
import { usePanel, usePanelState } from './panel-context';
import { useContactNews } from './use-contact-news';

/**
 * "Which news?" under "I brought good news", for a contact in some item's audience: the item
 * the nudge names comes preselected, and the positive log counts the one chosen as told.
 */
export function PanelNewsChoice() {
  const { store, person, view, views } = usePanel();
  const goodNews = usePanelState((s) => s.goodNews);
  const pick = usePanelState((s) => s.newsPick);
  const now = usePanelState((s) => s.now);
  const busy = usePanelState((s) => s.busy);
  const nudge = person ? dueNudge(views, person.key, now) : null;
  const news = useContactNews(view, nudge?.reason ?? null);
  const id = useId();
  if (!goodNews || !person || !news) return null;
  const value = pick?.key === person.key ? (pick.id ?? undefined) : news.preselected;
  return (
    <NewsChoice
      id={id}
      options={news.options}
      told={news.told}
      value={value}
      disabled={busy}
      onChange={(newsId) => store.getState().setNewsPick({ key: person.key, id: newsId ?? null })}
    />
  );
}
