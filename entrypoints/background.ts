import { BADGE_ALARM, keepBadgeCurrent } from '@/lib/background/badge';
import { runCommand } from '@/lib/background/commands';
import {
  followDigestSettings,
  openFromDigest,
  runDigest,
  writeFromDigest,
} from '@/lib/background/digest-alarm';
import { createPanelBroker } from '@/lib/background/panel-broker';
import { senderRole } from '@/lib/background/sender';
import { followWeeklyBackup, runWeeklyBackupAlarm } from '@/lib/background/weekly-backup';
import { WEEKLY_BACKUP_ALARM } from '@/lib/backup/weekly';
import { getDb } from '@/lib/db/database';
import { DIGEST_ALARM } from '@/lib/digest';

export default defineBackground(() => {
  const db = getDb();
  const origin = browser.runtime.getURL('/');
  // The worker lives as long as the extension; the signal gives its subscriptions one owner.
  const lifetime = new AbortController();
  const broker = createPanelBroker(({ role, type }) =>
    console.warn(`Last Impression: refused "${type}" from a ${role} port`),
  );

  // No runtime.onMessage listener: extension pages use the database directly, and content
  // scripts and the panel frame speak only over the two ports, each checked for its role.
  browser.runtime.onConnect.addListener((port) => {
    const role = senderRole(port.name, port.sender, browser.runtime.id, origin);
    if (!role) {
      port.disconnect();
      return;
    }
    broker.connect(port, role);
  });

  const refreshBadge = keepBadgeCurrent(db, lifetime.signal);
  followDigestSettings(db, lifetime.signal);
  followWeeklyBackup(db, lifetime.signal);

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === BADGE_ALARM) refreshBadge();
    if (alarm.name === DIGEST_ALARM) void runDigest(db, Date.now());
    if (alarm.name === WEEKLY_BACKUP_ALARM) void runWeeklyBackupAlarm(db, Date.now());
  });
  browser.notifications.onClicked.addListener((id) => void openFromDigest(id));
  // Firefox shows no notification buttons: there the popup's "Write to" does this job.
  browser.notifications.onButtonClicked?.addListener(
    (id, index) => void writeFromDigest(db, id, index, Date.now()),
  );
  browser.commands.onCommand.addListener((command) => void runCommand(command, broker));
});
