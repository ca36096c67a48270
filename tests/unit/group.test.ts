import { describe, expect, it } from 'vitest';
import { groupBy } from '../../lib/group';

describe('groupBy', () => {
  it('keeps each key’s items in the order they came, keys in first-seen order', () => {
    const groups = groupBy(['b1', 'a1', 'b2', 'c1', 'a2'], (s) => s[0]);
    expect([...groups]).toEqual([
      ['b', ['b1', 'b2']],
      ['a', ['a1', 'a2']],
      ['c', ['c1']],
    ]);
  });

  it('gives an empty map for no items', () => {
    expect(groupBy([], (s: string) => s).size).toBe(0);
  });
});
