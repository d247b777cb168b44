// `tracelight verify CASE`: re-hashes every evidence file against the registry and checks
// the custody chain. Exit 0 all intact, 1 something altered or missing (listed), 2 unreadable.
// An evidence package (a zip) is verified by verify-package.ts instead.
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { verifyEvidence } from '../../engine/custody/verify-evidence';
import { UsageError } from '../errors';
import { warn, write } from '../output';
import { openCase } from './open-case';
import { verifyPackageCommand } from './verify-package';

export async function verifyCommand(args: { target: string; examiner?: string; json: boolean }): Promise<number> {
  if (!existsSync(args.target) || !statSync(args.target).isFile()) {
    throw new UsageError(`${args.target}: no such ${/\.zip$/i.test(args.target) ? 'package' : 'case file'}`);
  }
  if (isZip(args.target)) return verifyPackageCommand({ target: args.target, json: args.json });
  const session = await openCase(args.target, { examiner: args.examiner, recordOpen: false });
  try {
    const results = await verifyEvidence(session.store);
    if (session.readOnly) warn(`${session.path}: case is read-only (${session.readOnlyReason}); this verification is not recorded`);
    else {
      session.record('verification.run', {
        results: results.map((r) => ({ evidenceId: r.evidenceId, status: r.status, sha256: r.actualSha256 ?? null })),
      });
    }
    const chain = session.chain;
    const bad = results.filter((r) => r.status === 'altered' || r.status === 'missing');
    if (args.json) {
      await write(`${JSON.stringify({ case: session.path, ok: bad.length === 0 && chain.ok, evidence: results, custody: chain }, null, 2)}\n`);
    } else {
      for (const r of results) {
        await write(`${r.status.padEnd(10)} ${r.exhibit ?? `#${r.evidenceId}`}  ${r.name}  ${r.path}${r.detail ? `  (${r.detail})` : ''}\n`);
      }
      await write(chain.ok ? `custody log intact: ${chain.count} entries\n` : '');
    }
    for (const r of bad) warn(`${r.path}: ${r.status}${r.detail ? ` (${r.detail})` : ''}`);
    if (!chain.ok) warn(`${session.path}: custody chain broken at entry ${chain.problem!.entryId}: ${chain.problem!.reason}`);
    return bad.length > 0 || !chain.ok ? 1 : 0;
  } finally {
    session.close();
  }
}

/** By content, not name: a package renamed .bin is still a package, a case is SQLite. */
function isZip(file: string): boolean {
  const head = Buffer.alloc(4);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, 4, 0);
  } finally {
    closeSync(fd);
  }
  return head.toString('latin1') === 'PK\x03\x04' || /\.zip$/i.test(file);
}
