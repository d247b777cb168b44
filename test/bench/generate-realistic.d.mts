// Types of generate-realistic.mjs for the TypeScript tests that write its logs.
export function zipf(n: number, s: number, rand: () => number): () => number;
export function generateRealisticNcsa(file: string, lines: number, opts?: { clients?: number; paths?: number; seed?: number }): Promise<void>;
export const REALISTIC_DEFENDER_VERSION: number;
export function generateRealisticDefenderCsv(file: string, rows: number, opts?: { devices?: number; sites?: number; seed?: number }): Promise<void>;
export function generateRealisticSquid(file: string, lines: number, opts?: { clients?: number; sites?: number; seed?: number }): Promise<void>;
export function generateRealisticFortigate(file: string, lines: number, opts?: { clients?: number; dests?: number; seed?: number }): Promise<void>;
