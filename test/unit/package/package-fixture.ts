// One small case with a Japanese evidence name, acquisition details, a tag and a Japanese
// note, packaged through the engine as `tracelight export --package` does; and helpers to
// read a package back and to rewrite it the way someone tampering with it would.
import { spawnSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';
import { addNote, addTag, editCase } from '../../../electron/engine/custody/actions';
import { ingestWithCustody } from '../../../electron/engine/custody/ingest-custody';
import { CaseSession } from '../../../electron/engine/custody/session';
import { writeEvidencePackage, type PackageResult } from '../../../electron/engine/export/package/write-package';
import { openZip } from '../../../electron/engine/zip';
import { samplePath } from '../helpers/samples';

export const JAPANESE_EVIDENCE = '請求書メール_proxy.log';
export const JAPANESE_NOTE = '請求書を開いた直後に C2 へ通信';

export interface PackagedCase {
  dir: string;
  casePath: string;
  evidencePath: string;
  packagePath: string;
  result: PackageResult;
}

export async function buildPackagedCase(dir: string): Promise<PackagedCase> {
  const casePath = path.join(dir, 'インシデント.tlcase');
  const evidencePath = path.join(dir, JAPANESE_EVIDENCE);
  copyFileSync(samplePath('squid_native', 'logscale_squid_access.log'), evidencePath);
  const session = await CaseSession.open(casePath, { examiner: '山田 太郎', create: { name: 'インシデント 2026-041', timezone: 'Asia/Tokyo' } });
  try {
    editCase(session, { caseNumber: 'CSIRT-2026-041', organization: '株式会社サンプル CSIRT', examiners: '山田 太郎, Alice Smith' });
    await ingestWithCustody(session, {
      path: evidencePath,
      timezone: 'UTC',
      acquisition: { provided_by: '情報システム部', acquired_how: 'USB copy', source_host: 'proxy01', acquired_at: '2026-10-06T09:00:00+09:00' },
    });
    addTag(session, 1, 'evidence');
    addNote(session, 1, JAPANESE_NOTE);
    const packagePath = path.join(dir, 'package.zip');
    const result = await writeEvidencePackage(session, packagePath, { language: 'ja', detection: null });
    return { dir, casePath, evidencePath, packagePath, result };
  } finally {
    session.close();
  }
}

/** Every file entry of a zip, by name. */
export async function readEntries(file: string): Promise<Map<string, Buffer>> {
  const zip = await openZip(file);
  const out = new Map<string, Buffer>();
  try {
    for (const e of zip.entries) {
      if (e.isDirectory) continue;
      const chunks: Buffer[] = [];
      for await (const c of await zip.openEntry(e)) chunks.push(c as Buffer);
      out.set(e.name, Buffer.concat(chunks));
    }
  } finally {
    zip.close();
  }
  return out;
}

/** Writes entries back as a new zip (what a tamperer with any zip tool produces). */
export async function writeEntries(file: string, entries: Map<string, Buffer>): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of entries) zip.addBuffer(data, name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream as AsyncIterable<Buffer>) chunks.push(c);
  writeFileSync(file, Buffer.concat(chunks));
}

export function run(cmd: string, args: string[], cwd: string): { code: number; out: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  return { code: r.status ?? -1, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

export function hasCommand(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}
