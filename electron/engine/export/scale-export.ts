// What the exports for a case that outgrows one machine (ecs-bulk/, parquet/) return and how
// each of their files is recorded: hashed, then one export.created custody entry per file, as
// finish.ts does for the report and timeline exports (whose kinds the app's export dialog lists;
// these two are CLI exports for now).
import path from 'node:path';
import type { CaseSession } from '../custody/session';
import { sha256File } from './finish';
import type { ExportedFile, ExportOptions } from './types';

export type ScaleExportKind = 'ecs' | 'ecs-template' | 'parquet';

export interface ScaleExportResult extends ExportedFile {
  kind: ScaleExportKind;
  rows: number;
  recorded: boolean;
  notRecordedReason?: string;
}

export async function finishScaleExport(
  session: CaseSession,
  kind: ScaleExportKind,
  file: string,
  opts: ExportOptions,
  rows: number,
): Promise<ScaleExportResult> {
  const target = path.resolve(file);
  const { bytes, sha256 } = await sha256File(target);
  const result: ScaleExportResult = { kind, path: target, bytes, sha256, rows, recorded: false };
  if (session.readOnly) {
    result.notRecordedReason = `case is read-only: ${session.readOnlyReason}`;
    return result;
  }
  session.record('export.created', {
    kind,
    path: target,
    bytes,
    sha256,
    rows,
    ...(opts.filter && Object.keys(opts.filter).length ? { filter: opts.filter } : {}),
  });
  result.recorded = true;
  return result;
}
