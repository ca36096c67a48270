import { GMAIL_HOST } from '@/lib/hosts/gmail-site';
import { runPanel } from '@/lib/page/run-panel';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  // WXT's legacy window.postMessage announcement reaches every message listener the host page
  // has; the DOM event WXT also sends is enough to retire an older copy of this script.
  noScriptStartedPostMessage: true,
  // Before the page is parsed: the panel's frame (an extension page that takes ~150 ms to load
  // and compile) starts loading as soon as the body does (run-panel.ts), not after the page has
  // settled. The page watcher reads again as the host's DOM arrives.
  runAt: 'document_start',
  main(ctx) {
    runPanel(ctx, 'gmail', GMAIL_HOST);
  },
});
