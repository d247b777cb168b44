// The custody log's hash chain. Every entry's hash covers its own fields and the hash of the
// entry before it, so editing, deleting or reordering any entry changes a hash that a later
// entry (or the anchor kept in case_meta and in the journal) has already committed to.
import { createHash } from 'node:crypto';
import type { CustodyLogEntry } from '../../common/custody';

export const GENESIS_HASH = '0'.repeat(64);

/** A custody_log row; `details` is canonical JSON (sorted keys), hashed exactly as stored. */
export type CustodyEntry = CustodyLogEntry;

export type UnsealedEntry = Omit<CustodyEntry, 'entry_hash'>;

/** JSON with object keys sorted at every level, so equal values always serialize alike. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** The bytes an entry's hash covers: every field but the hash itself, in a fixed order. */
function canonicalEntry(e: UnsealedEntry): string {
  return JSON.stringify([e.id, e.time, e.examiner, e.workstation, e.version, e.action, e.details, e.prev_hash]);
}

export function sealEntry(e: UnsealedEntry): CustodyEntry {
  return { ...e, entry_hash: createHash('sha256').update(canonicalEntry(e), 'utf8').digest('hex') };
}

export interface ChainProblem {
  /** The id (position) of the first entry that does not verify. */
  entryId: number;
  reason: string;
}

export interface ChainStatus {
  ok: boolean;
  count: number;
  head: string;
  problem?: ChainProblem;
}

/** Checks ids run 1..n, each prev_hash links to the entry before, and each hash recomputes. */
export function verifyChain(entries: readonly CustodyEntry[]): ChainStatus {
  let prev = GENESIS_HASH;
  for (const [i, e] of entries.entries()) {
    const position = i + 1;
    const fail = (reason: string): ChainStatus => ({ ok: false, count: entries.length, head: prev, problem: { entryId: position, reason } });
    if (e.id !== position) return fail(`entry ${position} is missing or out of order (found id ${e.id})`);
    if (e.prev_hash !== prev) return fail(`entry ${position} does not follow entry ${position - 1} (deleted, inserted or reordered)`);
    if (sealEntry(e).entry_hash !== e.entry_hash) return fail(`entry ${position} was altered (its hash no longer matches its content)`);
    prev = e.entry_hash;
  }
  return { ok: true, count: entries.length, head: prev };
}
