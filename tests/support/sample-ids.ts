/** Deterministic helpers for generated data sets (tests, benchmark). */

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** A valid UUID that says what it is: kind 1 for contacts, 2 for touches, then a number. */
export function sampleUuid(kind: number, n: number): string {
  return `${hex(kind, 8)}-0000-4000-8000-${hex(n, 12)}`;
}

/** mulberry32: small, fast and the same sequence on every machine, so runs compare. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
