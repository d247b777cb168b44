/** Mulberry32: numbers in [0, 1), the same sequence for a seed on every machine. */
export function mulberry32(seed: number): () => number;
/** The Numerical Recipes LCG: numbers in [0, 1), the same sequence for a seed on every machine. */
export function lcg(seed: number): () => number;
