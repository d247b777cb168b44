// `export --parquet DIR`: the timeline as Parquet files partitioned by UTC day, in the Hive
// layout Spark, Trino and DuckDB read as one table with a `date` column:
//   DIR/date=2026-10-05/part-00000.parquet
// Rows come in time order (timeline-rows.ts), so one day's file is open at a time and memory
// is one row group. The folder is written under a temporary name and renamed when complete;
// every file is hashed and recorded in the custody log (export.created, kind parquet).
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { SqlValue } from 'sql.js';
import type { CaseSession } from '../../custody/session';
import { VERSION } from '../../version';
import { finishScaleExport, type ScaleExportResult } from '../scale-export';
import { COL, forEachTimelineRow, TIMELINE_COLUMNS, type TimelineColumn } from '../timeline-rows';
import type { ExportOptions } from '../types';
import { ParquetFileWriter, type ParquetCodec, type ParquetColumn, type ParquetColumnKind } from './parquet-file';

const INT64: ReadonlySet<TimelineColumn> = new Set([
  'id', 'host_resolved', 'process_pid', 'src_port', 'dst_port', 'http_status', 'bytes_in', 'bytes_out',
  'evidence_id', 'source_line', 'source_offset', 'source_length',
] as TimelineColumn[]);

function kindOf(c: TimelineColumn): ParquetColumnKind {
  if (c === 'time') return 'timestamp_ms';
  if (c === 'duration_ms') return 'double';
  return INT64.has(c) ? 'int64' : 'string';
}

export const PARQUET_COLUMNS: readonly ParquetColumn[] = TIMELINE_COLUMNS.map((c) => ({ name: c, kind: kindOf(c) }));

/** A cell as its Parquet column takes it; a value that does not fit fails the export, never altered. */
function cell(value: SqlValue, column: ParquetColumn, eventId: SqlValue): string | number | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  switch (column.kind) {
    case 'string':
      return String(value);
    case 'timestamp_ms': {
      const ms = Date.parse(String(value));
      if (!Number.isFinite(ms)) throw new Error(`event ${String(eventId)}: time "${String(value)}" is not an ISO time`);
      return ms;
    }
    case 'double':
      if (typeof value !== 'number') throw new Error(`event ${String(eventId)}: ${column.name} "${String(value)}" is not a number`);
      return value;
    case 'int64':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
        throw new Error(`event ${String(eventId)}: ${column.name} "${String(value)}" is not an integer; the Parquet column is INT64`);
      }
      return value;
  }
}

export interface ParquetExportOptions extends ExportOptions {
  codec?: ParquetCodec;
}

export async function writeParquetDataset(session: CaseSession, dir: string, opts: ParquetExportOptions): Promise<ScaleExportResult[]> {
  const target = path.resolve(dir);
  const tmp = `${target}.${process.pid}.partial`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  const written: { rel: string; rows: number }[] = [];
  let day = '';
  let writer: ParquetFileWriter | null = null;
  const close = (): void => {
    if (writer) written.push({ rel: path.join(`date=${day}`, 'part-00000.parquet'), rows: writer.close() });
    writer = null;
  };
  try {
    await forEachTimelineRow(session.store, opts.filter, (values) => {
      const d = String(values[COL.time]).slice(0, 10);
      if (d !== day || writer === null) {
        close();
        day = d;
        mkdirSync(path.join(tmp, `date=${day}`));
        writer = new ParquetFileWriter(path.join(tmp, `date=${day}`, 'part-00000.parquet'), PARQUET_COLUMNS, opts.codec ?? 'GZIP', 50_000, `tracelight ${VERSION}`);
      }
      writer.addRow(PARQUET_COLUMNS.map((c, i) => cell(values[i]!, c, values[COL.id]!)));
    });
    close();
  } catch (err) {
    (writer as ParquetFileWriter | null)?.abort();
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  // The caller checked that DIR is absent or empty (checkParquetTarget).
  if (existsSync(target) && readdirSync(target).length === 0) rmSync(target, { recursive: true });
  renameSync(tmp, target);
  const results: ScaleExportResult[] = [];
  for (const f of written) {
    const r = await finishScaleExport(session, 'parquet', path.join(target, f.rel), opts, f.rows);
    results.push(r);
  }
  return results;
}

/** DIR must be absent (it is created) or an empty folder, inside an existing folder. */
export function checkParquetTarget(dir: string): string | null {
  const target = path.resolve(dir);
  if (!existsSync(path.dirname(target))) return `${dir}: folder ${path.dirname(target)} does not exist`;
  if (!existsSync(target)) return null;
  try {
    return readdirSync(target).length === 0 ? null : `${dir}: folder is not empty (Parquet partitions go into a new or empty folder)`;
  } catch {
    return `${dir}: exists and is not a folder`;
  }
}
