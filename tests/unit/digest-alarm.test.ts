import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ensureDigestAlarm, runDigest, writeFromDigest } from '../../lib/background/digest-alarm';
import { addNews } from '../../lib/db/news';
import { addContact } from '../../lib/db/contacts';
import type { LastImpressionDb } from '../../lib/db/database';
import { saveSettings } from '../../lib/db/settings';
import { logTouch } from '../../lib/db/touches';
import { DIGEST_ALARM } from '../../lib/digest';
import { DEFAULT_SETTINGS, type Outcome } from '../../lib/model';
import { makeTestDb } from '../support/db';

/** March 2025: the 5th is a Wednesday, the 8th a Saturday. */
const at = (day: number, hour: number, minute = 0) =>
  new Date(2025, 2, day, hour, minute).getTime();

async function withTouch(db: LastImpressionDb, name: string, day: number, outcome: Outcome) {
  const added = await addContact(
    db,
    { name, emails: [`${name.toLowerCase()}@client.test`], linkedin: [] },
    at(1, 8),
  );
  if (!added.ok) throw new Error(added.error);
  await logTouch(
    db,
    { contactId: added.value.id, at: at(day, 10), outcome, channel: 'call', source: 'dashboard' },
    at(day, 10),
  );
}

const notifications = () => Object.values(fakeBrowser.notifications.getAllCreateOptions());
const notificationIds = () => Object.keys(fakeBrowser.notifications.getAllCreateOptions());

beforeEach(() => fakeBrowser.reset());

describe('digest alarm', () => {
  it('is created once, not again on the next worker start, and again when settings change', async () => {
    const create = vi.spyOn(fakeBrowser.alarms, 'create');
    expect(await ensureDigestAlarm(DEFAULT_SETTINGS, at(5, 10))).toBe(true);
    expect(await ensureDigestAlarm(DEFAULT_SETTINGS, at(5, 10, 5))).toBe(false);
    expect(create).toHaveBeenCalledTimes(1);
    expect((await fakeBrowser.alarms.get(DIGEST_ALARM))?.scheduledTime).toBe(at(6, 9));

    expect(await ensureDigestAlarm({ ...DEFAULT_SETTINGS, digestMinutes: 8 * 60 }, at(5, 11))).toBe(
      true,
    );
    expect((await fakeBrowser.alarms.getAll()).map((a) => [a.name, a.scheduledTime])).toEqual([
      [DIGEST_ALARM, at(6, 8)],
    ]);
  });
});

describe('digest run', () => {
  it('shows one notification naming the due contacts, and no second one that day', async () => {
    const db = makeTestDb();
    await withTouch(db, 'Ada', 1, 'positive');
    await withTouch(db, 'Grace', 4, 'negative');
    expect(await runDigest(db, at(20, 9))).not.toBeNull();
    expect(notifications()).toEqual([
      expect.objectContaining({
        title: '2 contacts are due for a touch',
        message: 'Repair: Grace. Share good news: Ada.',
      }),
    ]);
    // The user closes it; a second firing that day must not bring another.
    await fakeBrowser.notifications.clear(notificationIds()[0]!);
    expect(await runDigest(db, at(20, 15))).toBeNull();
    expect(notifications()).toEqual([]);
    expect((await fakeBrowser.alarms.get(DIGEST_ALARM))?.scheduledTime).toBe(at(21, 9));
  });

  it('stays silent when nothing is due, on a weekend, or with notifications off', async () => {
    const db = makeTestDb();
    await withTouch(db, 'Ada', 4, 'positive');
    expect(await runDigest(db, at(5, 9))).toBeNull();
    await withTouch(db, 'Grace', 5, 'negative');
    expect(await runDigest(db, at(8, 9))).toBeNull();
    await saveSettings(db, { ...DEFAULT_SETTINGS, notifications: false });
    expect(await runDigest(db, at(10, 9))).toBeNull();
    expect(notifications()).toEqual([]);
    await saveSettings(db, { ...DEFAULT_SETTINGS, notifications: true });
    expect(await runDigest(db, at(10, 9))).not.toBeNull();
    expect(notifications()).toHaveLength(1);
  });

  it('names the news waiting for a contact and offers "Write to" buttons that open the draft', async () => {
    const db = makeTestDb();
    await withTouch(db, 'Ada', 1, 'positive');
    await withTouch(db, 'Grace', 4, 'negative');
    const ada = (await db.contacts.toArray()).find((c) => c.name === 'Ada')!;
    const news = await addNews(
      db,
      {
        headline: 'CSV export shipped',
        day: '2025-03-19',
        audience: [{ kind: 'contact', id: ada.id }],
      },
      at(19, 9),
    );
    expect(news.ok).toBe(true);
    const id = await runDigest(db, at(20, 9));
    expect(notifications()).toEqual([
      expect.objectContaining({
        message: 'Repair: Grace. Tell Ada: CSV export shipped.',
        buttons: [{ title: 'Write to Grace' }, { title: 'Write to Ada' }],
      }),
    ]);
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const url = await writeFromDigest(db, id!, 1, at(20, 9, 1));
    expect(create).toHaveBeenCalledWith({ url });
    const params = new URL(url!).searchParams;
    expect(params.get('to')).toBe('ada@client.test');
    expect(params.get('su')).toBe('CSV export shipped');
    // A stale or foreign notification opens nothing.
    expect(await writeFromDigest(db, 'digest-2000-01-01', 0, at(20, 9, 2))).toBeNull();
  });
});
