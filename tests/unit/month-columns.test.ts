import { describe, expect, it } from 'vitest';
import { toColumns, touchesIn } from '../../lib/db/month-columns';
import { CHANNELS, OUTCOMES, SOURCES, type Touch } from '../../lib/model';

const T0 = Date.UTC(2026, 10, 2, 9);
const CONTACT = '00000001-0000-4000-8000-000000000001';

/** Every channel, outcome and source, with and without each optional field. */
function everyKind(): Touch[] {
  const touches: Touch[] = [];
  let n = 0;
  for (const channel of CHANNELS)
    for (const outcome of OUTCOMES)
      for (const source of SOURCES) {
        n += 1;
        const touch: Touch = {
          id: `00000002-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
          contactId: CONTACT,
          at: T0 + n * 60_000,
          channel,
          outcome,
          source,
          createdAt: T0 + n,
          updatedAt: T0 + 2 * n,
        };
        if (n % 2) touch.note = `Note ${n}: 👩‍💻 Zoë, "quotes", a\nnew line`;
        if (n % 3 === 0) touch.goodNews = true;
        if (n % 5 === 0)
          touch.newsId = `00000003-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
        touches.push(touch);
      }
  return touches;
}

describe('a month record stores its touches as columns', () => {
  it('gives back every touch as it was stored, optional fields absent where they were absent', () => {
    const touches = everyKind();
    const stored = toColumns(CONTACT, 682, touches);
    expect(stored.ids).toHaveLength(touches.length);
    expect(touchesIn(structuredClone(stored))).toEqual(touches);
    for (const t of touchesIn(stored)) {
      if (!t.note) expect('note' in t).toBe(false);
      if (!t.newsId) expect('newsId' in t).toBe(false);
    }
  });

  it('keeps fields a newer version added, on the touch that had them', () => {
    const [a, b] = everyKind();
    const newer = { ...b!, pinned: true, reminder: { days: 3 } } as Touch;
    expect(touchesIn(structuredClone(toColumns(CONTACT, 682, [a!, newer])))).toEqual([a, newer]);
  });

  it('refuses a channel it has no code for, naming it, instead of storing something else', () => {
    const [a] = everyKind();
    const odd = { ...a!, channel: 'fax' } as unknown as Touch;
    expect(() => toColumns(CONTACT, 682, [odd])).toThrow(/"fax".*email, call/);
  });
});
