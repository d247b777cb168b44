// The Electron checklist a reviewer runs: electronegativity (Doyensec) over the desktop shell
// and the page it loads, with the project's own Electron version (it reads versions only from
// (dev)dependencies, and electron is optional here). The tool takes one input folder, so the
// shell's sources (electron/) and the renderer's entry page (renderer/index.html, where the
// CSP meta tag is) are staged side by side. Prints every finding; fails on any HIGH.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronVersion = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).optionalDependencies?.electron ?? '41.7.1';
const stage = mkdtempSync(path.join(os.tmpdir(), 'tracelight-audit-'));
try {
  cpSync(path.join(root, 'electron'), path.join(stage, 'electron'), { recursive: true });
  cpSync(path.join(root, 'renderer/index.html'), path.join(stage, 'renderer/index.html'));
  const report = path.join(stage, 'electronegativity.csv');
  const bin = path.join(root, 'node_modules/.bin/electronegativity');
  const run = spawnSync(bin, ['-i', stage, '-e', electronVersion.replace(/^[^\d]*/, ''), '-o', report, '-r'], { encoding: 'utf8' });
  if (run.status !== 0) {
    process.stderr.write(run.stderr || run.stdout);
    process.exit(2);
  }
  const rows = readFileSync(report, 'utf8').trim().split('\n').slice(1).filter(Boolean);
  const findings = rows.map((line) => {
    const [id, severity, confidence, file, location] = line.split(',').map((c) => c.replace(/^"|"$/g, ''));
    return { id, severity, confidence, file, location };
  });
  for (const f of findings) console.log(`electronegativity: ${f.severity.padEnd(13)} ${f.id} ${f.file}:${f.location} (${f.confidence})`);
  const high = findings.filter((f) => f.severity === 'HIGH');
  console.log(`electronegativity ${electronVersion}: ${findings.length} findings, ${high.length} HIGH (dispositions: docs/security.md)`);
  process.exit(high.length ? 1 : 0);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
