/**
 * `items` in lists by key, each list in the order the items came: `Map.groupBy`, which the
 * browsers have but Node 20, which runs the unit tests here, does not.
 */
export function groupBy<K, T>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
