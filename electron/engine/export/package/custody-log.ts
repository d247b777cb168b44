// The custody log as it leaves the case: one JSON object per line, every field the hash
// covers plus the hash, so the chain can be recomputed by anyone (verify-custody.py, or the
// formula in README.txt) without Tracelight or SQLite.
import type { CustodyEntry } from '../../custody/chain';

/** The formula, stated in manifest.json and README.txt exactly as chain.ts computes it. */
export const CUSTODY_HASH_FORMULA =
  'entry_hash = hex(SHA-256(UTF-8(JSON.stringify([id, time, examiner, workstation, version, action, details, prev_hash])))); ' +
  'prev_hash of entry 1 = 64 zeros, of entry n = entry_hash of entry n-1; details is the canonical JSON string as stored';

export function custodyJsonl(entries: readonly CustodyEntry[]): string {
  return entries
    .map((e) =>
      JSON.stringify({
        id: e.id,
        time: e.time,
        examiner: e.examiner,
        workstation: e.workstation,
        version: e.version,
        action: e.action,
        details: e.details,
        prev_hash: e.prev_hash,
        entry_hash: e.entry_hash,
      }),
    )
    .map((l) => `${l}\n`)
    .join('');
}

/** Parses custody-log.jsonl back into entries; a line that is not an entry is an error naming it. */
export function parseCustodyJsonl(text: string): CustodyEntry[] {
  const out: CustodyEntry[] = [];
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let v: Record<string, unknown>;
    try {
      v = JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new Error(`line ${i + 1} is not JSON`);
    }
    const strings = ['time', 'examiner', 'workstation', 'version', 'action', 'details', 'prev_hash', 'entry_hash'] as const;
    if (typeof v.id !== 'number' || strings.some((k) => typeof v[k] !== 'string')) throw new Error(`line ${i + 1} is not a custody entry`);
    out.push(v as unknown as CustodyEntry);
  }
  return out;
}

/**
 * A standalone checker for the package's custody log: Python 3's standard library only, so
 * a reviewer can run it on any machine. It recomputes every hash and link and compares the
 * count and head with data/manifest.json.
 */
export const VERIFY_CUSTODY_SCRIPT = `#!/usr/bin/env python3
"""Re-verify the custody log of a Tracelight evidence package, without Tracelight.

usage:  python3 verify-custody.py            (run from the extracted package folder)
        python3 verify-custody.py PATH/TO/custody-log.jsonl

Each line of data/custody/custody-log.jsonl is one custody entry. Its entry_hash is the
SHA-256 (hex) of the UTF-8 bytes of the JSON array
    [id, time, examiner, workstation, version, action, details, prev_hash]
written without spaces and without escaping non-ASCII characters (JavaScript's
JSON.stringify); details is the JSON text exactly as stored. prev_hash is the previous
entry's entry_hash, and 64 zeros for entry 1. Exit status 0 intact, 1 broken.
"""
import hashlib
import json
import os
import sys


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    log = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "data", "custody", "custody-log.jsonl")
    prev = "0" * 64
    count = 0
    with open(log, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            e = json.loads(line)
            count += 1
            if e["id"] != count:
                return broken(lineno, "entry %d is missing or out of order (found id %s)" % (count, e["id"]))
            if e["prev_hash"] != prev:
                return broken(lineno, "entry %d does not follow entry %d" % (count, count - 1))
            fields = [e["id"], e["time"], e["examiner"], e["workstation"], e["version"], e["action"], e["details"], e["prev_hash"]]
            text = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
            if digest != e["entry_hash"]:
                return broken(lineno, "entry %d was altered (its hash no longer matches its content)" % count)
            prev = digest
    manifest = os.path.join(os.path.dirname(os.path.dirname(log)), "manifest.json")
    if os.path.exists(manifest):
        with open(manifest, encoding="utf-8") as f:
            anchor = json.load(f).get("custody", {})
        if anchor.get("count") != count or anchor.get("head") != prev:
            return broken(0, "manifest.json records %s entries ending %s; the log has %d ending %s" % (anchor.get("count"), anchor.get("head"), count, prev))
    print("custody log intact: %d entries, head %s" % (count, prev))
    return 0


def broken(lineno, reason):
    where = " (line %d)" % lineno if lineno else ""
    print("custody log BROKEN%s: %s" % (where, reason))
    return 1


if __name__ == "__main__":
    sys.exit(main())
`;
