import { ComposeWarning } from '@/components/news/ComposeWarning';
import { composeWarning } from '@/lib/compose/warning';
import { usePanel, usePanelState } from './panel-context';

/**
 * While the rep writes, one line before an ask: the person shown first, else the first other
 * recipient whose last impression is negative or whose goodwill is overdrawn (named, since the
 * panel shows someone else). It never blocks sending.
 */
export function ComposeWarningLine() {
  const { person, views } = usePanel();
  const screen = usePanelState((s) => s.screen);
  const now = usePanelState((s) => s.now);
  if (screen.kind !== 'people' || !screen.composing || !views) return null;
  const order = [
    ...screen.people.filter((p) => p.key === person?.key),
    ...screen.people.filter((p) => p.key !== person?.key),
  ];
  for (const p of order) {
    const view = views[p.key];
    if (!view) continue;
    const warning = composeWarning(view.contact, view.recent[0], now);
    if (!warning) continue;
    const named = p.key === person?.key ? warning : `${view.contact.name}: ${warning}`;
    return <ComposeWarning warning={named} />;
  }
  return null;
}
