// Seeded mutations of real samples, for the bounded fuzzers: truncation, bit flips, random
// bytes, huge fields, deep nesting and wrong encodings. A fixed seed makes every CI run feed
// the same inputs, so a failure reproduces from its printed index.

export { mulberry32 as rng } from '../../seeded-random.mjs';

export type Mutation = 'truncate' | 'bitflip' | 'random-bytes' | 'huge-field' | 'deep-nesting' | 'wrong-encoding' | 'splice-lines';
export const MUTATIONS: readonly Mutation[] = ['truncate', 'bitflip', 'random-bytes', 'huge-field', 'deep-nesting', 'wrong-encoding', 'splice-lines'];

const int = (r: () => number, n: number): number => Math.floor(r() * n);

export function mutate(seed: Buffer, kind: Mutation, r: () => number): Buffer {
  const b = Buffer.from(seed);
  switch (kind) {
    case 'truncate':
      return b.subarray(0, int(r, b.length + 1));
    case 'bitflip': {
      const flips = 1 + int(r, 16);
      for (let i = 0; i < flips && b.length; i++) {
        const at = int(r, b.length);
        b[at] = b[at]! ^ (1 << int(r, 8));
      }
      return b;
    }
    case 'random-bytes': {
      const at = int(r, b.length + 1);
      const junk = Buffer.alloc(1 + int(r, 512));
      for (let i = 0; i < junk.length; i++) junk[i] = int(r, 256);
      return Buffer.concat([b.subarray(0, at), junk, b.subarray(at)]);
    }
    case 'huge-field': {
      // One field grows to hundreds of KiB (or past the line cap), inside an existing line.
      const at = int(r, b.length + 1);
      const size = r() < 0.2 ? 9 << 20 : 1024 << int(r, 9);
      const fill = Buffer.alloc(size, ['A', '"', ',', '\\', '{', '9'][int(r, 6)]!);
      return Buffer.concat([b.subarray(0, at), fill, b.subarray(at)]);
    }
    case 'deep-nesting': {
      const depth = 1000 + int(r, 50_000);
      const open = ['[', '{"a":', '<a>'][int(r, 3)]!;
      const at = int(r, b.length + 1);
      return Buffer.concat([b.subarray(0, at), Buffer.from(open.repeat(depth)), b.subarray(at)]);
    }
    case 'wrong-encoding': {
      const text = b.toString('utf8');
      const choice = int(r, 3);
      if (choice === 0) return Buffer.from(`\ufeff${text}`, 'utf16le'); // UTF-16LE with a BOM
      if (choice === 1) return Buffer.from(text, 'latin1'); // code points cut to bytes
      return Buffer.concat([Buffer.from([0xff, 0xfe]), b]); // a UTF-16 BOM on UTF-8 bytes
    }
    case 'splice-lines': {
      const lines = b.toString('latin1').split('\n');
      for (let i = 0; i < 8 && lines.length > 1; i++) {
        const a = int(r, lines.length);
        const c = int(r, lines.length);
        [lines[a], lines[c]] = [lines[c]!.slice(0, int(r, lines[c]!.length + 1)), lines[a]!];
      }
      return Buffer.from(lines.join(r() < 0.5 ? '\n' : '\r\n'), 'latin1');
    }
  }
}
