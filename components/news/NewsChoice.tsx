import type { NewsItem } from '@/lib/news/types';

/**
 * "Which news?" beside "I brought good news": the items (from `newsChoice`) the contact would
 * care about; choosing none logs the deposit without counting anyone as told.
 */
export function NewsChoice(props: {
  id: string;
  options: readonly Pick<NewsItem, 'id' | 'headline'>[];
  told?: ReadonlySet<string>;
  value: string | undefined;
  onChange: (newsId: string | undefined) => void;
  disabled?: boolean;
}) {
  if (props.options.length === 0) return null;
  return (
    <div className="li-news-choice">
      <label htmlFor={props.id}>Which news?</label>{' '}
      <select
        id={props.id}
        value={props.value ?? ''}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.currentTarget.value || undefined)}
      >
        {props.options.map((n) => (
          <option key={n.id} value={n.id}>
            {n.headline}
            {props.told?.has(n.id) ? ' (told before)' : ''}
          </option>
        ))}
        <option value="">None of these</option>
      </select>
    </div>
  );
}
