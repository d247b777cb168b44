// The package's generated files, computed from what was actually written: provenance and
// manifest.json (payload), then the BagIt tag files, README.txt, the custody checker and
// SHA256SUMS (root). Pure functions of their inputs, so a rewrite yields the same bytes.
import type { PackageFileRole, PackageManifest } from '../../../common/package';
import type { CustodyEntry } from '../../custody/chain';
import { bagInfoTxt, bagitTxt, manifestLines } from './bagit';
import { CUSTODY_HASH_FORMULA, VERIFY_CUSTODY_SCRIPT } from './custody-log';
import { BAG_INFO_TXT, BAGIT_TXT, MANIFEST_SHA256, PAYLOAD_DIR, README_TXT, SHA256SUMS, TAGMANIFEST_SHA256, VERIFY_CUSTODY_PY } from './layout';
import type { OriginalsPlan } from './originals';
import { provenanceJsonLd } from './provenance';
import { readmeTxt } from './readme';
import type { WrittenEntry } from './zip-writer';

export interface PackageContext {
  caseId: string;
  caseName: string;
  caseNumber: string;
  organization: string;
  examiners: string[];
  timezone: string;
  caseCreatedAt: string;
  events: number;
  exporter: string;
  workstation: string;
  version: string;
  createdAt: string;
  language: 'en' | 'ja';
  plan: OriginalsPlan;
  custody: readonly CustodyEntry[];
  custodyHead: string;
}

export type RoleOf = (path: string) => PackageFileRole;

export function provenanceFile(ctx: PackageContext, payload: readonly WrittenEntry[], roleOf: RoleOf): string {
  const doc = provenanceJsonLd({
    caseId: ctx.caseId,
    caseName: ctx.caseName,
    caseNumber: ctx.caseNumber,
    organization: ctx.organization,
    version: ctx.version,
    exporter: ctx.exporter,
    createdAt: ctx.createdAt,
    evidence: ctx.plan.evidence,
    products: payload.filter((e) => roleOf(e.path) !== 'evidence').map((e) => ({ ...e, role: roleOf(e.path) })),
    custody: ctx.custody,
  });
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function manifestFile(ctx: PackageContext, payload: readonly WrittenEntry[], roleOf: RoleOf): string {
  const evidenceIdOf = new Map(ctx.plan.files.map((f) => [f.entryPath, f.info.evidenceId]));
  const manifest: PackageManifest = {
    format: 'tracelight-evidence-package',
    formatVersion: 1,
    createdAt: ctx.createdAt,
    createdBy: { tool: 'Tracelight', version: ctx.version, examiner: ctx.exporter, workstation: ctx.workstation },
    case: {
      caseId: ctx.caseId,
      name: ctx.caseName,
      caseNumber: ctx.caseNumber,
      organization: ctx.organization,
      examiners: ctx.examiners.join(', '),
      timezone: ctx.timezone,
      createdAt: ctx.caseCreatedAt,
      events: ctx.events,
    },
    custody: { count: ctx.custody.length, head: ctx.custodyHead, hashAlgorithm: 'sha256', formula: CUSTODY_HASH_FORMULA },
    reportLanguage: ctx.language,
    evidence: ctx.plan.evidence,
    omittedEvidence: ctx.plan.omitted,
    files: payload.map((e) => {
      const evidenceId = evidenceIdOf.get(e.path);
      return { path: e.path, role: roleOf(e.path), bytes: e.bytes, sha256: e.sha256, ...(evidenceId !== undefined ? { evidenceId } : {}) };
    }),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Root files in writing order; each may list those before it (SHA256SUMS lists all). */
export function rootFiles(ctx: PackageContext, payload: readonly WrittenEntry[]): { path: string; text: (written: readonly WrittenEntry[]) => string }[] {
  const data = payload.filter((e) => e.path.startsWith(PAYLOAD_DIR));
  const tagged = [BAGIT_TXT, BAG_INFO_TXT, MANIFEST_SHA256, README_TXT, VERIFY_CUSTODY_PY];
  return [
    { path: BAGIT_TXT, text: () => bagitTxt() },
    {
      path: BAG_INFO_TXT,
      text: () =>
        bagInfoTxt({
          organization: ctx.organization,
          examiners: ctx.examiners,
          description: `Tracelight evidence package of case ${ctx.caseName}${ctx.caseNumber ? ` (${ctx.caseNumber})` : ''}: ${ctx.plan.files.length} evidence original(s), report, workbook, custody log (${ctx.custody.length} entries, head ${ctx.custodyHead}) and case database.`,
          caseNumber: ctx.caseNumber,
          baggingDate: new Date(ctx.createdAt),
          payload: data,
          software: `Tracelight ${ctx.version}`,
        }),
    },
    { path: MANIFEST_SHA256, text: () => manifestLines(data) },
    {
      path: README_TXT,
      text: () =>
        readmeTxt({
          caseName: ctx.caseName,
          caseNumber: ctx.caseNumber,
          createdAt: ctx.createdAt,
          examiner: ctx.exporter,
          version: ctx.version,
          files: data.length,
          custodyCount: ctx.custody.length,
          custodyHead: ctx.custodyHead,
        }),
    },
    { path: VERIFY_CUSTODY_PY, text: () => VERIFY_CUSTODY_SCRIPT },
    { path: TAGMANIFEST_SHA256, text: (written) => manifestLines(written.filter((e) => tagged.includes(e.path))) },
    // GNU format, every file but itself, so `sha256sum -c SHA256SUMS` checks the whole package.
    { path: SHA256SUMS, text: (written) => written.map((e) => `${e.sha256}  ${e.path}\n`).join('') },
  ];
}
