// What every bounded fuzzer shares: the fixed seed (a failure reproduces from its printed
// input index), the input count, how an input is fed to a reader, and what "one clear line"
// means for a refusal.
import type { ChunkSource } from '../../../electron/engine/ingest/record-pass';
import { rng } from './mutate';

export const SEED = 0x7ace11;
/** Inputs per parser: small, so the whole run stays well under 90 s on CI's two cores. */
export const INPUTS_PER_PARSER = Number(process.env.TRACELIGHT_FUZZ_INPUTS ?? 42);
/** Seeds are cut to this: the mutations, not the sample's length, find the bugs. */
export const SEED_BYTES = 48 * 1024;
/** What the ingest's sniffer reads of a file. */
export const HEAD_BYTES = 256 * 1024;
/** A refusal or a reject reason: one line, not empty, not a dump of the input. */
export const ONE_LINE = /^[^\n]{3,1000}$/;

/** The PRNG of one fuzzer: the fixed seed mixed with the fuzzer's name. */
export function fuzzRng(name: string): () => number {
  return rng(SEED ^ [...name].reduce((h, c) => Math.imul(h, 31) + c.charCodeAt(0), 7));
}

/** `input` as the ingest reads a file: chunks of `size` bytes, each seen raw first. */
export function chunksOf(input: Buffer, size = 64 * 1024): ChunkSource {
  return async function* (onRaw) {
    for (let at = 0; at < input.length; at += size) {
      const c = input.subarray(at, at + size);
      onRaw(c);
      yield c;
    }
  };
}
