import { browser } from 'wxt/browser';
import type { Outcome } from '../model';
import type { PanelBroker } from './panel-broker';
import { hostSite } from './sender';

/** Shortcut names in wxt.config.ts `commands`, and the outcome each logs. */
export const LOG_COMMANDS: Readonly<Record<string, Outcome>> = {
  'log-positive': 'positive',
  'log-neutral': 'neutral',
  'log-negative': 'negative',
};

/**
 * Forwards a log shortcut to the panel frame in the active tab. Without the `tabs` permission a
 * tab's URL is visible only on the host sites, which is exactly where a panel can be.
 */
export async function runCommand(command: string, broker: Pick<PanelBroker, 'toPanel'>) {
  const outcome = LOG_COMMANDS[command];
  if (!outcome) return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined || !hostSite(tab.url)) return;
  // No panel yet (still loading, or not a contact's page): nothing to log to.
  broker.toPanel(tab.id, { type: 'log', outcome });
}
