// What the exports for a case that outgrows one machine (ecs-bulk/, parquet/) return and how
// each of their files is recorded: hashed, then one export.created custody entry per file, as
// finish.ts does for the report and timeline exports (whose kinds the app's export dialog lists;
// these two are CLI exports for now).
import type { CaseSession } from '../custody/session';
import { recordExport } from './finish';
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
  return recordExport(session, kind, file, rows, opts);
}
