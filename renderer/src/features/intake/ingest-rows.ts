// State of the per-file progress rows: a pure reducer over what the analyst started
// (added/prepared), what the engine pushes ('ingest.progress') and how each call ended.
import type { CodedText, IngestedIndicatorFile, IngestFileResult, IngestProgress } from '../../contracts';
import { zipTotals } from './zip-outcome';

export type IngestPhase = 'uploading' | 'queued' | 'ingesting' | 'done' | 'error';

export interface IngestRow {
  key: string;
  jobId: string;
  /** The engine-side path, once known (serve mode learns it from the upload). */
  path: string | null;
  name: string;
  phase: IngestPhase;
  bytesRead: number;
  totalBytes: number;
  events: number;
  rejected: number;
  eventsPerSecond: number;
  error: string | null;
  /** `error` as a code the UI renders in its language (absent: the English is shown). */
  errorCode?: CodedText;
  /** The file was an indicator list, kept as one of the case's IOC files (no events). */
  indicator: IngestedIndicatorFile | null;
}

export type IngestAction =
  | {
      type: 'added';
      jobId: string;
      phase: 'uploading' | 'queued';
      files: { key: string; name: string; path: string | null }[];
    }
  | { type: 'prepared'; key: string; path: string }
  | { type: 'progress'; progress: IngestProgress }
  | { type: 'finished'; jobId: string; results: IngestFileResult[] }
  | { type: 'failed'; key: string; message: string }
  | { type: 'jobFailed'; jobId: string; message: string }
  | { type: 'dismissed'; key: string }
  | { type: 'clearedDone' };

const isOpen = (row: IngestRow): boolean => row.phase !== 'done' && row.phase !== 'error';

/** The row an engine report is about: same job, same path; else same job, same name, no path yet. */
function findRow(rows: IngestRow[], jobId: string, path: string, name: string): number {
  const byPath = rows.findIndex((r) => r.jobId === jobId && r.path === path);
  if (byPath >= 0) return byPath;
  return rows.findIndex((r) => r.jobId === jobId && r.name === name && isOpen(r));
}

function blankRow(key: string, jobId: string, name: string, path: string | null, phase: IngestPhase): IngestRow {
  return {
    key,
    jobId,
    path,
    name,
    phase,
    bytesRead: 0,
    totalBytes: 0,
    events: 0,
    rejected: 0,
    eventsPerSecond: 0,
    error: null,
    indicator: null,
  };
}

function replaceAt(rows: IngestRow[], index: number, row: IngestRow): IngestRow[] {
  const next = rows.slice();
  next[index] = row;
  return next;
}

function applyProgress(rows: IngestRow[], p: IngestProgress): IngestRow[] {
  let index = findRow(rows, p.jobId, p.path, p.name);
  let base = rows;
  if (index < 0) {
    // A file the engine reports that we did not list ourselves (e.g. started elsewhere).
    base = [...rows, blankRow(`${p.jobId}:${p.path}`, p.jobId, p.name, p.path, 'ingesting')];
    index = base.length - 1;
  }
  const row = base[index];
  if (row.phase === 'error') return rows;
  const phase: IngestPhase = p.error ? 'error' : p.done ? 'done' : 'ingesting';
  return replaceAt(base, index, {
    ...row,
    path: p.path,
    name: p.name || row.name,
    phase,
    bytesRead: p.bytesRead,
    totalBytes: p.totalBytes,
    events: p.events,
    rejected: p.rejected,
    eventsPerSecond: p.eventsPerSecond,
    error: p.error ?? null,
    errorCode: p.error_code,
    indicator: p.indicator ?? row.indicator,
  });
}

function applyResults(rows: IngestRow[], jobId: string, results: IngestFileResult[]): IngestRow[] {
  let next = rows;
  for (const result of results) {
    const index = findRow(next, jobId, result.path, result.name);
    if (index < 0) continue;
    const row = next[index];
    if (row.phase === 'error') continue;
    const evidence = result.evidence;
    // A .zip: its entries hold the events; entries left out are listed (zip-outcome.ts).
    const zip = result.entries ? zipTotals(result.entries) : null;
    next = replaceAt(next, index, {
      ...row,
      phase: result.ok ? 'done' : 'error',
      error: result.ok ? (zip?.problems ?? null) : result.error || 'ingest failed',
      errorCode: result.ok ? zip?.problemsCode : result.error_code,
      events: zip ? zip.events : evidence ? evidence.events : row.events,
      rejected: zip ? zip.rejected : evidence ? evidence.rejected : row.rejected,
      bytesRead: result.ok && row.totalBytes ? row.totalBytes : row.bytesRead,
      indicator: result.indicator ?? row.indicator,
    });
  }
  // The call has returned: nothing of this job is still running.
  return next.map((r) => (r.jobId === jobId && isOpen(r) ? { ...r, phase: 'done' } : r));
}

export function ingestRowsReducer(rows: IngestRow[], action: IngestAction): IngestRow[] {
  switch (action.type) {
    case 'added':
      return [...rows, ...action.files.map((f) => blankRow(f.key, action.jobId, f.name, f.path, action.phase))];
    case 'prepared':
      return rows.map((r) => (r.key === action.key ? { ...r, path: action.path, phase: 'queued' } : r));
    case 'progress':
      return applyProgress(rows, action.progress);
    case 'finished':
      return applyResults(rows, action.jobId, action.results);
    case 'failed':
      return rows.map((r) => (r.key === action.key ? { ...r, phase: 'error', error: action.message } : r));
    case 'jobFailed':
      return rows.map((r) =>
        r.jobId === action.jobId && isOpen(r) ? { ...r, phase: 'error', error: action.message } : r,
      );
    case 'dismissed':
      return rows.filter((r) => r.key !== action.key);
    case 'clearedDone':
      return rows.filter((r) => r.phase !== 'done');
  }
}

/** 0..1 for the progress bar, or null while the size is unknown (indeterminate bar). */
export function progressFraction(row: IngestRow): number | null {
  if (row.phase === 'done') return 1;
  if (row.totalBytes <= 0) return row.phase === 'error' ? 0 : null;
  return Math.min(1, row.bytesRead / row.totalBytes);
}
