import { LINKEDIN_HOST } from '@/lib/hosts/linkedin-site';
import { runPanel } from '@/lib/page/run-panel';

export default defineContentScript({
  matches: ['https://www.linkedin.com/*'],
  // WXT's legacy window.postMessage announcement reaches every message listener the host page
  // has; the DOM event WXT also sends is enough to retire an older copy of this script.
  noScriptStartedPostMessage: true,
  main(ctx) {
    runPanel(ctx, 'linkedin', LINKEDIN_HOST);
  },
});
