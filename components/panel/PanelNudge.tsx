import { openDraft } from '@/components/news/open-draft';
import { canWriteTo } from '@/lib/compose/write';
import type { Nudge } from '@/lib/impressions';
import { firstName, nudgeLine } from '@/lib/news/nudge-news';
import type { ContactView } from '@/lib/panel/view';
import { usePanel } from './panel-context';
import { useContactNews } from './use-contact-news';

/**
 * The nudge line in the inline bar, and the way to act on it: "Tell Ada: CSV export shipped"
 * when news waits for them (the popup's and the digest's rule), else today's short line; and
 * "Write to Ada", which opens the drafted message in a new tab. Nothing is sent.
 */
export function PanelNudge({ nudge, view }: { nudge: Nudge; view: ContactView }) {
  const { store } = usePanel();
  const news = useContactNews(view, nudge.reason);
  const named = nudge.reason === 'share-good-news' ? news?.named : undefined;
  const { contact } = view;
  const line = named
    ? nudgeLine(nudge, contact.name, named)
    : nudge.reason === 'repair'
      ? 'Time to repair'
      : 'Share good news';
  const reachable = canWriteTo(contact);

  return (
    <span
      className="li-nudge-chip"
      data-testid="li-panel-nudge"
      data-reason={nudge.reason}
      {...(named ? { 'data-news-id': named.id } : {})}
    >
      <span className="li-nudge-text" title={named ? line : nudge.why}>
        {line}
      </span>
      {reachable && (
        <button
          type="button"
          className="li-write"
          onClick={() => {
            openDraft(contact.id).catch((e: unknown) => {
              console.debug('Last Impression: draft not opened', e);
              store.getState().setError('The draft did not open. Try again.');
            });
          }}
        >
          Write to {firstName(contact.name)}
        </button>
      )}
    </span>
  );
}
