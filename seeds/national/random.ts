// Deterministic randomness for the national data set: the same seed gives the same rows,
// so benchmark runs on different machines measure the same data.

/** mulberry32: a tiny, fast 32-bit PRNG; good enough to spread synthetic data. */
export function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    /** A pick where earlier entries are likelier (weights given per entry). */
    weighted: <T>(list: readonly (readonly [T, number])[]): T => {
      const total = list.reduce((sum, [, w]) => sum + w, 0);
      let r = next() * total;
      for (const [value, w] of list) if ((r -= w) < 0) return value;
      return list[list.length - 1]![0];
    },
  };
}
export type Prng = ReturnType<typeof prng>;

/**
 * A valid, deterministic UUID per (kind, index): kind in the first group, index in the
 * last. Cheaper than hashing and readable when debugging ("20000000-…-000000000042" is team 42).
 */
export function syntheticId(kind: number, index: number): string {
  const hex = index.toString(16).padStart(12, '0');
  return `${kind.toString(16).padStart(2, '0')}000000-0000-4000-8000-${hex}`;
}

export const KIND = { organisation: 0x10, team: 0x20, location: 0x30, person: 0x40, membership: 0x50 } as const;
