import { isTrustedSender } from '@/lib/background/sender';
import { handleRequest } from '@/lib/background/handle-request';
import { serveLivePort } from '@/lib/background/live-port';
import { getDb } from '@/lib/db/database';
import { LIVE_PORT } from '@/lib/messaging';

export default defineBackground(() => {
  const db = getDb();
  const origin = browser.runtime.getURL('/');

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    if (!isTrustedSender(sender, browser.runtime.id, origin)) return false;
    void handleRequest(db, message, Date.now()).then(sendResponse);
    return true;
  });

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== LIVE_PORT || !port.sender) return;
    if (!isTrustedSender(port.sender, browser.runtime.id, origin)) {
      port.disconnect();
      return;
    }
    serveLivePort(db, port);
  });
});
