// `tracelight verify F.zip`: an evidence package checked against every list it carries and
// its custody chain recomputed. Exit 0 intact, 1 altered (each problem on stderr), 2 when
// the zip cannot be read or is hostile (thrown as one line by the engine).
import type { PackageVerification } from '../../common/package';
import { verifyPackage } from '../../engine/export/package/verify-package';
import { warn, write } from '../output';

export async function verifyPackageCommand(args: { target: string; json: boolean }): Promise<number> {
  const v = await verifyPackage(args.target);
  if (args.json) await write(`${JSON.stringify(v, null, 2)}\n`);
  else await write(summary(v));
  for (const p of v.problems) warn(`${args.target}: ${p.kind}: ${p.detail}`);
  return v.ok ? 0 : 1;
}

function summary(v: PackageVerification): string {
  const lines = v.checks.map((c) => `${(c.ok ? 'ok' : 'FAILED').padEnd(8)} ${c.name.padEnd(20)} ${c.detail}`);
  const m = v.manifest;
  if (m) lines.unshift(`package of case ${m.case.name}${m.case.caseNumber ? ` (${m.case.caseNumber})` : ''}, made ${m.createdAt} by ${m.createdBy.examiner} with Tracelight ${m.createdBy.version}`);
  lines.push(
    v.ok
      ? `package intact: ${v.entries} files; custody log ${v.custody?.count ?? 0} entries, head ${v.custody?.head ?? '-'}`
      : `package ALTERED: ${v.problems.length} problem(s)`,
  );
  return `${lines.join('\n')}\n`;
}
