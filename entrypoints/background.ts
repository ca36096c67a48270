import { BADGE_ALARM, keepBadgeCurrent } from '@/lib/background/badge';
import { runCommand } from '@/lib/background/commands';
import {
  followDigestSettings,
  openFromDigest,
  runDigest,
  writeFromDigest,
} from '@/lib/background/digest-alarm';
import { isTrustedSender } from '@/lib/background/sender';
import { handleRequest } from '@/lib/background/handle-request';
import { serveLivePort } from '@/lib/background/live-port';
import { getDb } from '@/lib/db/database';
import { DIGEST_ALARM } from '@/lib/digest';
import { LIVE_PORT } from '@/lib/messaging';

export default defineBackground(() => {
  const db = getDb();
  const origin = browser.runtime.getURL('/');
  // The worker lives as long as the extension; the signal gives its subscriptions one owner.
  const lifetime = new AbortController();

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

  const refreshBadge = keepBadgeCurrent(db, lifetime.signal);
  followDigestSettings(db, lifetime.signal);

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === BADGE_ALARM) refreshBadge();
    if (alarm.name === DIGEST_ALARM) void runDigest(db, Date.now());
  });
  browser.notifications.onClicked.addListener((id) => void openFromDigest(id));
  // Firefox shows no notification buttons: there the popup's "Write to" does this job.
  browser.notifications.onButtonClicked?.addListener(
    (id, index) => void writeFromDigest(db, id, index, Date.now()),
  );
  browser.commands.onCommand.addListener((command) => void runCommand(command));
});
