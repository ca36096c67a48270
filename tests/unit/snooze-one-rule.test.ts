import { afterEach, describe, expect, it } from 'vitest';
import { snooze as snoozeFromPopup } from '../../components/popup/popup-actions';
import { addContact } from '../../lib/db/contacts';
import type { LastImpressionDb } from '../../lib/db/database';
import { createActions } from '../../lib/panel/actions';
import { createPanelStore } from '../../lib/panel/store';
import { SNOOZE_CHOICES, snoozeUntil } from '../../lib/snooze';
import { makeTestDb } from '../support/db';

/** Late in the evening: "1 day" from now and "until tomorrow morning" differ by hours. */
const NOW = new Date(2026, 4, 20, 22, 47).getTime();

const dbs: LastImpressionDb[] = [];
afterEach(() => dbs.splice(0).forEach((db) => db.close()));

async function withAda(): Promise<{ db: LastImpressionDb; id: string }> {
  const db = makeTestDb();
  dbs.push(db);
  const added = await addContact(
    db,
    { name: 'Ada', emails: ['ada@example.com'], linkedin: [] },
    NOW,
  );
  if (!added.ok) throw new Error(added.error);
  return { db, id: added.value.id };
}

describe('one snooze rule', () => {
  it.each(SNOOZE_CHOICES)(
    'snoozing "%s" in the panel and in the popup ends at the same instant',
    async (choice) => {
      const panel = await withAda();
      const actions = createActions({
        db: panel.db,
        store: createPanelStore(),
        site: () => 'gmail',
        defaultChannel: () => 'email',
        setTimeout: () => undefined,
        now: () => NOW,
      });
      await actions.snooze(panel.id, choice);

      const popup = await withAda();
      await snoozeFromPopup(popup.id, choice, NOW, popup.db);

      const fromPanel = (await panel.db.contacts.get(panel.id))?.snoozedUntil;
      const fromPopup = (await popup.db.contacts.get(popup.id))?.snoozedUntil;
      expect(fromPanel).toBe(snoozeUntil(choice, NOW));
      expect(fromPopup).toBe(fromPanel);
      // The nudge comes back with that morning's list, not at 22:47.
      expect(new Date(fromPanel!).getHours()).toBe(0);
    },
  );
});
