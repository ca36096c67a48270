import { browser } from 'wxt/browser';
import type { PanelLogMessage } from '../messaging';
import type { Outcome } from '../model';
import { CONTENT_HOSTS } from './sender';

/** Shortcut names in wxt.config.ts `commands`, and the outcome each logs. */
export const LOG_COMMANDS: Readonly<Record<string, Outcome>> = {
  'log-positive': 'positive',
  'log-neutral': 'neutral',
  'log-negative': 'negative',
};

function onHostSite(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'https:' && CONTENT_HOSTS.has(hostname);
  } catch {
    return false;
  }
}

/**
 * Forwards a log shortcut to the panel in the active tab. Without the `tabs` permission a tab's
 * URL is visible only on the host sites, which is exactly where a panel can be.
 */
export async function runCommand(command: string): Promise<void> {
  const outcome = LOG_COMMANDS[command];
  if (!outcome) return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined || !onHostSite(tab.url)) return;
  const message: PanelLogMessage = { type: 'panel.log', outcome };
  try {
    await browser.tabs.sendMessage(tab.id, message);
  } catch {
    // The page has no panel yet (still loading, or not a contact's page): nothing to log to.
  }
}
