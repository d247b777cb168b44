// The seeded pseudo-random generators of the tests, fixtures and benches: the same sequence on
// every machine for a seed, so a generated input or a fuzz failure reproduces from its seed.
// Two, because inputs already generated (committed fixtures, bench figures) depend on each.

/** Mulberry32: small, fast, well mixed (the fuzzers, the incident fixtures, beacon series). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The Numerical Recipes linear congruential generator (the bench generators' inputs). */
export function lcg(seed) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 4294967296;
}
