import { describe, expect, it } from 'vitest';
import {
  alarmMatches,
  digestText,
  nextDigestAt,
  shouldSendDigest,
  type DigestItem,
} from '../../lib/digest';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/model';

/** March 2025: the 7th is a Friday, the 8th and 9th a weekend, the 10th a Monday. */
const at = (day: number, hour: number, minute = 0) =>
  new Date(2025, 2, day, hour, minute).getTime();
const settings = (extra: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...extra });

describe('next digest time', () => {
  it('is today at the set local time when that is still ahead', () => {
    expect(nextDigestAt(settings(), at(5, 8, 59))).toBe(at(5, 9));
    expect(nextDigestAt(settings({ digestMinutes: 17 * 60 + 30 }), at(5, 12))).toBe(at(5, 17, 30));
  });

  it('is the next day once today’s time has come', () => {
    expect(nextDigestAt(settings(), at(5, 9))).toBe(at(6, 9));
  });

  it('skips Saturday and Sunday unless weekends are switched on', () => {
    expect(nextDigestAt(settings(), at(7, 10))).toBe(at(10, 9));
    expect(nextDigestAt(settings({ digestWeekends: true }), at(7, 10))).toBe(at(8, 9));
  });
});

describe('an alarm already set', () => {
  it('is kept when it sits on the next digest slot', () => {
    expect(alarmMatches(settings(), { scheduledTime: at(6, 9) }, at(5, 10))).toBe(true);
  });

  it('is kept when its slot has passed but the browser has not delivered it yet', () => {
    expect(alarmMatches(settings(), { scheduledTime: at(5, 9) }, at(5, 9, 1))).toBe(true);
  });

  it('is replaced when the digest time, the weekend rule or the period no longer fit', () => {
    const s = settings({ digestMinutes: 8 * 60 });
    expect(alarmMatches(s, { scheduledTime: at(6, 9) }, at(5, 10))).toBe(false);
    expect(alarmMatches(settings(), { scheduledTime: at(8, 9) }, at(7, 10))).toBe(false);
    expect(alarmMatches(settings(), { scheduledTime: at(11, 9) }, at(7, 10))).toBe(false);
    expect(
      alarmMatches(settings(), { scheduledTime: at(6, 9), periodInMinutes: 1440 }, at(5, 10)),
    ).toBe(false);
  });
});

describe('whether to send', () => {
  const base = { settings: settings(), now: at(5, 9), lastDigestDay: '2025-03-04', dueCount: 2 };

  it('sends once a day when something is due', () => {
    expect(shouldSendDigest(base)).toBe(true);
    expect(shouldSendDigest({ ...base, lastDigestDay: '2025-03-05' })).toBe(false);
  });

  it('sends nothing when nothing is due or notifications are off', () => {
    expect(shouldSendDigest({ ...base, dueCount: 0 })).toBe(false);
    expect(shouldSendDigest({ ...base, settings: settings({ notifications: false }) })).toBe(false);
  });

  it('sends nothing on a weekend unless weekends are on', () => {
    expect(shouldSendDigest({ ...base, now: at(8, 9) })).toBe(false);
    expect(
      shouldSendDigest({ ...base, now: at(8, 9), settings: settings({ digestWeekends: true }) }),
    ).toBe(true);
  });
});

describe('notification text', () => {
  it('names the top three contacts by reason and counts the rest', () => {
    const items: DigestItem[] = [
      { name: 'Grace', reason: 'repair' },
      { name: 'Ada', reason: 'share-good-news' },
      { name: 'Alan', reason: 'share-good-news' },
      { name: 'Edsger', reason: 'share-good-news' },
    ];
    expect(digestText(items)).toEqual({
      title: '4 contacts are due for a touch',
      message: 'Repair: Grace. Share good news: Ada, Alan and 1 more.',
    });
    expect(digestText(items.slice(1, 2))).toEqual({
      title: '1 contact is due for a touch',
      message: 'Share good news: Ada.',
    });
  });

  it('names the news a contact is due to hear, between repairs and plain shares', () => {
    const items: DigestItem[] = [
      { name: 'Grace Hopper', reason: 'repair' },
      { name: 'Ada Lovelace', reason: 'share-good-news', news: 'CSV export shipped' },
      { name: 'Alan Turing', reason: 'share-good-news' },
    ];
    expect(digestText(items, 5).message).toBe(
      'Repair: Grace Hopper. Tell Ada: CSV export shipped. Share good news: Alan Turing and 2 more.',
    );
  });
});
