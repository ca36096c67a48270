import { GMAIL_SITE, readGmailScreen } from '@/lib/panel/gmail-site';
import { mountPanel } from '@/lib/panel/mount';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  cssInjectionMode: 'ui',
  // WXT's legacy window.postMessage announcement reaches every message listener the host page
  // has; the DOM event WXT also sends is enough to retire an older copy of this script.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    try {
      await mountPanel(ctx, GMAIL_SITE, readGmailScreen);
    } catch (e) {
      // Nothing may throw into Gmail; a panel that failed to mount is only a missing panel.
      console.debug('Last Impression: panel not mounted', e);
    }
  },
});
