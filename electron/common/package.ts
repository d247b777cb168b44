// Evidence packages (the ZIP a legal team receives) and reviewer mode, as the engine, the CLI
// and the renderer see them. Types and constants only.
import type { CustodyStatus } from './custody';

/** What a payload file is, in manifest.json and in the reviewer's file list. */
export type PackageFileRole = 'evidence' | 'report-pdf' | 'report-xlsx' | 'custody-log' | 'case-database' | 'provenance';

export interface PackageManifestFile {
  /** Path inside the package, e.g. "data/evidence/EX-001_access.log". */
  path: string;
  role: PackageFileRole;
  bytes: number;
  sha256: string;
  /** For role "evidence": the registry entry this file is the original of. */
  evidenceId?: number;
}

/** One registry entry (an evidence file as ingested) and where its bytes are in the package. */
export interface PackageEvidenceInfo {
  evidenceId: number;
  /** The package file holding the original (the file itself, or the archive it came in); null when originals were left out. */
  packagePath: string | null;
  exhibit: string | null;
  /** The name the examiner knows it by, and where it was ingested from. */
  originalName: string;
  originalPath: string;
  size: number;
  mtime: string;
  format: string;
  /** The digests recorded at ingest; the packaged bytes hash to the same SHA-256. */
  sha256: string;
  sha1: string | null;
  md5: string | null;
  providedBy: string | null;
  acquiredAt: string | null;
  acquiredHow: string | null;
  sourceHost: string | null;
  /** Logs ingested from inside another evidence file (a .zip): the archive's evidence id and entry. */
  containedIn?: { evidenceId: number; entryName: string | null };
}

/** data/manifest.json. */
export interface PackageManifest {
  format: 'tracelight-evidence-package';
  formatVersion: 1;
  createdAt: string;
  createdBy: { tool: 'Tracelight'; version: string; examiner: string; workstation: string };
  case: {
    caseId: string;
    name: string;
    caseNumber: string;
    organization: string;
    examiners: string;
    timezone: string;
    createdAt: string;
    events: number;
  };
  /** The custody chain as packaged in data/custody/custody-log.jsonl: its length and head hash. */
  custody: { count: number; head: string; hashAlgorithm: 'sha256'; formula: string };
  reportLanguage: 'en' | 'ja';
  /** Every registry entry whose original is in the package, with its acquisition and digests. */
  evidence: PackageEvidenceInfo[];
  /** Registry entries whose original could not be packaged (never fully ingested), and why. */
  omittedEvidence: { evidenceId: number; exhibit: string | null; name: string; reason: string }[];
  /** Every payload file but manifest.json itself. */
  files: PackageManifestFile[];
}

export type PackageProblemKind = 'changed' | 'missing' | 'added' | 'mismatch' | 'custody' | 'structure';

export interface PackageProblem {
  kind: PackageProblemKind;
  /** The entry concerned, when there is one. */
  path?: string;
  detail: string;
}

export interface PackageCheck {
  name: string;
  ok: boolean;
  detail: string;
}

/** The result of verifying a package: what `tracelight verify F.zip` prints, what a reviewer sees first. */
export interface PackageVerification {
  package: string;
  ok: boolean;
  /** Each independent check: SHA256SUMS, BagIt manifests, manifest.json, custody chain. */
  checks: PackageCheck[];
  problems: PackageProblem[];
  /** Entries in the zip (files, not directories). */
  entries: number;
  custody: CustodyStatus | null;
  manifest: PackageManifest | null;
}

/** Shown with the case while a package is open in reviewer mode. */
export interface ReviewInfo {
  packagePath: string;
  packageName: string;
  verification: PackageVerification;
  /** Whether the package holds a PDF report the page can fetch (GET /review/report.pdf in serve mode). */
  hasReport: boolean;
}

/** Where serve mode offers the package's PDF report to the page (same token/cookie as everything). */
export const REVIEW_REPORT_URL = '/review/report.pdf';

/** The app's "Evidence package…" export (the CLI's is `export --package F`). */
export interface PackageExportArgs {
  language: 'en' | 'ja';
  /** Findings in the report and workbook: the last run (or a new one), a new run, or none. */
  detection: 'last' | 'run' | 'none';
  /** Copy the evidence originals in (default true). */
  includeOriginals?: boolean;
  /** Desktop only: where the native save dialog said to write it. */
  path?: string;
  /** Desktop only: replace a file the save dialog confirmed overwriting. */
  overwrite?: boolean;
}

export interface PackageExportResult {
  name: string;
  path: string;
  bytes: number;
  sha256: string;
  /** Files in the zip. */
  files: number;
  /** Serve mode: the URL path the page downloads it from (same token cookie). */
  download?: string;
  /** Set when the case is read-only and the export could not be recorded in its custody log. */
  notRecordedReason?: string;
}
