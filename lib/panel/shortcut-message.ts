import type { PanelLogMessage } from '@/lib/messaging';

const OUTCOMES: readonly string[] = ['positive', 'neutral', 'negative'];

/**
 * The background's keyboard shortcut asks the active tab's panel to log an outcome. Checked by
 * hand: valibot stays out of content bundles.
 */
export function shortcutOutcome(message: unknown): PanelLogMessage['outcome'] | null {
  if (typeof message !== 'object' || message === null) return null;
  const { type, outcome } = message as { type?: unknown; outcome?: unknown };
  if (type !== 'panel.log' || typeof outcome !== 'string' || !OUTCOMES.includes(outcome)) {
    return null;
  }
  return outcome as PanelLogMessage['outcome'];
}
