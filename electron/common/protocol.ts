// The typed request/response/event protocol between the renderer and the engine.
// One handler map: adding a call means adding one entry here and one handler in the
// engine (electron/engine/rpc/handlers.ts); both sides stay typed. The same envelopes
// travel over a MessagePort (desktop) and a WebSocket (serve mode).

import type { CodedText } from './coded-text';
import type {
  Acquisition,
  Bookmark,
  CaseEditableField,
  CustodyLogEntry,
  CustodyStatus,
  EvidenceEdit,
  EvidenceEditableField,
  EvidenceVerification,
  NoteRevision,
} from './custody';
import type { AssistHandlers } from './assist';
import type { DetectResult } from './detect';
import type { InvestigateHandlers } from './investigate';
import type { ExportRunArgs, ExportRunResult } from './export';
import type { CaseIocFile, FindingReviewRecord, IocFileRequest, ReviewVerdict } from './detect-review';
import type { ColumnMapping, GenericFormatId, MappingPreviewRow, MappingProposal, SavedMapping } from './import-mapping';
import type { ZipEntryOutcome } from './ingest-options';
import type { IngestedIndicatorFile } from './indicator-intake';
import type { IncidentHandlers } from './incident';
import type { PackageExportArgs, PackageExportResult, ReviewInfo } from './package';
import type {
  EventDetail,
  EvidenceSummary,
  FormatInfo,
  RejectedRecord,
} from './schema';
import type { FtsState, WorkspaceHandlers } from './workspace';

export interface CaseInfo {
  path: string;
  name: string;
  caseId: string;
  createdAt: string;
  timezone: string;
  events: number;
  evidence: number;
  /** Editable case metadata (chain of custody). */
  caseNumber: string;
  organization: string;
  examiners: string;
  /** Who this engine records as acting, and how the name was obtained. */
  examiner: string;
  examinerSource: 'given' | 'env' | 'os-user';
  /** Another Tracelight holds the case, or its custody chain is broken: writes are refused. */
  readOnly: boolean;
  readOnlyReason: string | null;
  /** `readOnlyReason` as a code (common/coded-text.ts), for a UI in another language. */
  readOnlyReason_code?: CodedText;
  /** The custody chain as verified when the case was opened and kept since. */
  custody: CustodyStatus;
  /** Evidence whose ingest was interrupted (removable). */
  incompleteEvidence: number;
  /** Set in reviewer mode: the case is an evidence package's, opened read-only after verifying it. */
  review?: ReviewInfo | null;
}

export interface CaseListEntry {
  path: string;
  name: string;
  size: number;
  modified: string;
}

/** A filter over the timeline; every part optional, all parts ANDed. */
export interface EventFilter {
  /** Free text: matched case-insensitively against host, user, process, command line, url, message. */
  text?: string;
  category?: string;
  host?: string;
  evidenceId?: number;
  /**
   * The workspace query bar's text (`host:WS-TKY-014 AND (rundll32 OR regsvr32)`), compiled
   * to SQL by the engine's whereClause (electron/engine/store/event-queries.ts) in one place,
   * so the grid, facets, histogram, pivots and exports agree on what a query matches.
   */
  query?: string;
  /** Time range, ISO-8601 UTC, inclusive `from`, exclusive `to`. */
  from?: string;
  to?: string;
}

export interface IngestFileRequest {
  /** Path on the engine's machine (a dropped file's path, or where serve stored an upload). */
  path: string;
  /** The name the user knows the file by, when path is an upload location. */
  originalName?: string;
  format?: string;
  timezone?: string;
  /** Chosen at drop time instead of detected (see common/ingest-options.ts). */
  encoding?: string;
  baseYear?: number;
  /** Who provided the file, when and how it was acquired, from which device. */
  acquisition?: Acquisition;
  /** Generic importer: how the file's rows become events (format comes from it). */
  mapping?: ColumnMapping;
}

export interface IngestFileResult {
  path: string;
  name: string;
  ok: boolean;
  evidence?: EvidenceSummary;
  /** For a .zip: what became of each entry (ingested entries are evidence of their own). */
  entries?: ZipEntryOutcome[];
  error?: string;
  /** `error` as a code (common/coded-text.ts), for a UI in another language. */
  error_code?: CodedText;
  /** No format recognized the file: it can be read with a column mapping (import.propose). */
  needsMapping?: boolean;
  /** The file is an indicator list: kept as one of the case's IOC files, not ingested as a log. */
  indicator?: IngestedIndicatorFile;
}

export interface Handlers extends IncidentHandlers, InvestigateHandlers, WorkspaceHandlers, AssistHandlers {
  'app.info': (args: Record<string, never>) => { version: string; mode: 'desktop' | 'serve' | 'cli' };
  'case.current': (args: Record<string, never>) => CaseInfo | null;
  'case.list': (args: Record<string, never>) => CaseListEntry[];
  'case.create': (args: { name: string; timezone?: string; examiner?: string }) => CaseInfo;
  'case.open': (args: { path: string; examiner?: string }) => CaseInfo;
  'case.setExaminer': (args: { name: string }) => CaseInfo;
  'case.edit': (args: { changes: Partial<Record<CaseEditableField, string | null>> }) => CaseInfo;
  'formats.list': (args: Record<string, never>) => FormatInfo[];
  'evidence.list': (args: Record<string, never>) => EvidenceSummary[];
  /** A keyset page of rejected records in line order: those after `after` (never OFFSET). */
  'evidence.rejects': (args: { evidenceId: number; limit: number; after?: { line: number; id: number } }) => RejectedRecord[];
  'ingest.files': (args: { jobId: string; files: IngestFileRequest[] }) => IngestFileResult[];
  /** Cancels a running ingest job: the file being read is rolled back, the rest not started. */
  'ingest.cancel': (args: { jobId: string }) => { cancelled: boolean };
  'events.count': (args: { filter?: EventFilter }) => number;
  'events.detail': (args: { id: number }) => EventDetail;
  'evidence.edit': (args: { evidenceId: number; changes: Partial<Record<EvidenceEditableField, string | null>> }) => EvidenceSummary;
  'evidence.history': (args: { evidenceId: number }) => EvidenceEdit[];
  'evidence.remove': (args: { evidenceId: number }) => { removed: number };
  'evidence.verify': (args: Record<string, never>) => EvidenceVerification[];
  /** Corrects one evidence file's clock: skewMs is added to every event time (an evidence.skew entry). */
  'evidence.skew': (args: { evidenceId: number; skewMs: number; reason?: string }) => EvidenceSummary;
  'custody.log': (args: Record<string, never>) => { status: CustodyStatus; entries: CustodyLogEntry[] };
  'tags.add': (args: { eventId: number; label: string }) => { tagId: number };
  'tags.remove': (args: { tagId: number }) => { removed: number };
  'notes.add': (args: { eventId: number; text: string }) => { noteId: number };
  'notes.edit': (args: { noteId: number; text: string }) => { noteId: number; changed: boolean };
  'notes.history': (args: { noteId: number }) => NoteRevision[];
  /** Tagged or annotated events; text searches notes and labels. */
  'bookmarks.list': (args: { text?: string }) => Bookmark[];
  /** The tags and notes of one event (event detail panel). */
  'bookmarks.forEvent': (args: { eventId: number }) => Bookmark | null;
  /** A column mapping proposed for a file no format recognizes (generic importer). */
  'import.propose': (args: { path: string; originalName?: string; format?: GenericFormatId; encoding?: string }) => MappingProposal;
  /** The file's first rows read with a mapping: their times, or why they would be rejected. */
  'import.preview': (args: { path: string; mapping: ColumnMapping; timezone?: string; encoding?: string }) => MappingPreviewRow[];
  'import.mappings': (args: Record<string, never>) => SavedMapping[];
  /** Saves a mapping in the case under a name (a mapping.saved custody entry). */
  'import.saveMapping': (args: { name: string; mapping: ColumnMapping }) => SavedMapping;
  /** Runs detection; iocFiles given are kept in the case (writable cases) and used with those already kept. */
  /** `chainWindowHours`: the patient-zero chain window (detect --chain-window; default 24 h). */
  'detect.run': (args: { iocFiles?: IocFileRequest[]; chainWindowHours?: number }) => DetectResult;
  /** The last run on the open case in this engine, or null. */
  'detect.last': (args: Record<string, never>) => DetectResult | null;
  /** Confirms or dismisses a finding of the last run (a finding.reviewed custody entry). */
  'detect.review': (args: { findingId: string; verdict: ReviewVerdict; comment?: string }) => FindingReviewRecord;
  'detect.reviews': (args: Record<string, never>) => FindingReviewRecord[];
  'detect.iocFiles': (args: Record<string, never>) => CaseIocFile[];
  /** Writes the chosen exports (PDF, XLSX, CSV, Timesketch JSONL); each is an export.created entry. */
  'export.run': (args: ExportRunArgs) => ExportRunResult;
  /** Reviewer mode: verifies an evidence package, then opens its case read-only in place of any case. */
  'review.open': (args: { path: string; examiner?: string }) => CaseInfo;
  /** Leaves reviewer mode (back to the case picker). */
  'review.close': (args: Record<string, never>) => null;
  /** Desktop: copies the package's PDF report to where the save dialog said. */
  'review.saveReport': (args: { path: string }) => { path: string; bytes: number };
  /** Writes an evidence package (originals, report, workbook, custody log, case, manifests); an export.created entry. */
  'package.export': (args: PackageExportArgs) => PackageExportResult;
}

export type Method = keyof Handlers;
export type Args<M extends Method> = Parameters<Handlers[M]>[0];
export type Result<M extends Method> = ReturnType<Handlers[M]>;

export interface IngestProgress {
  jobId: string;
  path: string;
  name: string;
  bytesRead: number;
  totalBytes: number;
  events: number;
  rejected: number;
  eventsPerSecond: number;
  done: boolean;
  error?: string;
  error_code?: CodedText;
  /** See IngestFileResult.needsMapping. */
  needsMapping?: boolean;
  /** See IngestFileResult.indicator. */
  indicator?: IngestedIndicatorFile;
}

/** Events the engine pushes without being asked. */
export interface EngineEvents {
  'ingest.progress': IngestProgress;
  'case.changed': CaseInfo;
  /** The full-text index's progress (workspace search). */
  'search.fts': FtsState;
}
export type EngineEventName = keyof EngineEvents;

export interface SerializedError {
  name: string;
  message: string;
  /** `message` as a code (common/coded-text.ts) when the engine gave one (rpc/error-envelope.ts). */
  code?: CodedText;
}

export type Envelope =
  | { type: 'request'; seq: number; method: Method; args: unknown }
  | { type: 'response'; seq: number; ok: true; value: unknown }
  | { type: 'response'; seq: number; ok: false; error: SerializedError }
  | { type: 'event'; name: EngineEventName; payload: unknown };

/** Channel names shared by Electron main and preload. Direction prefix: main->renderer. */
export const IPC = {
  enginePort: 'main->renderer:engine-port',
  openFilesDialog: 'renderer->main:open-files-dialog',
  saveFileDialog: 'renderer->main:save-file-dialog',
  openPackageDialog: 'renderer->main:open-package-dialog',
  menuCommand: 'main->renderer:menu-command',
} as const;

/** The narrow API the preload exposes to the page as `window.tracelight`. */
export interface DesktopBridge {
  /** Native open dialog; resolves to absolute paths (empty when cancelled). */
  openFiles(): Promise<string[]>;
  /** Native open dialog for one evidence package (.zip) to review; null when cancelled. */
  openPackage(): Promise<string | null>;
  /** Native save dialog; resolves to the chosen path or null. */
  saveFile(defaultName: string): Promise<string | null>;
  /** The absolute path of a dropped File (Electron's webUtils). */
  pathForFile(file: Blob & { name: string }): string;
}

/** The message the preload posts to the page carrying the engine's MessagePort. */
export const ENGINE_PORT_MESSAGE = 'tracelight:engine-port';

/** Application-menu commands the preload forwards to the page as {type, command}. */
export const MENU_COMMAND_MESSAGE = 'tracelight:menu-command';
export type MenuCommand = 'add-evidence';
