// `export --ecs F` and `export --parquet DIR [--parquet-codec gzip|none]`: checked with the other
// outputs before anything is written, run after them.
import type { CaseSession } from '../../engine/custody/session';
import { ecsTemplatePath, writeEcsBulk } from '../../engine/export/ecs-bulk/write-ecs';
import { checkParquetTarget, writeParquetDataset } from '../../engine/export/parquet/write-parquet';
import type { ScaleExportResult } from '../../engine/export/scale-export';
import { checkTargets, ExportTargetError, type ExportTarget } from '../../engine/export/targets';
import type { ExportOptions } from '../../engine/export/types';
import { UsageError } from '../errors';

export interface ScaleOutputs {
  ecs?: string;
  parquet?: string;
  parquetCodec?: string;
}

export function hasScaleOutputs(s: ScaleOutputs | undefined): boolean {
  return s?.ecs !== undefined || s?.parquet !== undefined;
}

/** The same rules as the other outputs (never over evidence or the case, no two on one path). */
export function checkScaleTargets(session: CaseSession, s: ScaleOutputs | undefined, others: ExportTarget[], force: boolean): void {
  if (!s) return;
  if (s.parquetCodec !== undefined && !['gzip', 'none'].includes(s.parquetCodec)) throw new UsageError(`invalid --parquet-codec "${s.parquetCodec}" (gzip or none)`);
  if (s.parquetCodec !== undefined && s.parquet === undefined) throw new UsageError('--parquet-codec needs --parquet DIR');
  if (s.ecs !== undefined) {
    // Checked together with the other outputs, so that none of them shares a path with these.
    const mine: ExportTarget[] = [
      { kind: 'timesketch', path: s.ecs },
      { kind: 'timesketch', path: ecsTemplatePath(s.ecs) },
    ];
    try {
      checkTargets(session, [...others, ...mine], force);
    } catch (err) {
      if (err instanceof ExportTargetError) throw new UsageError(err.message.replace(/timesketch/g, 'ecs'));
      throw err;
    }
  }
  if (s.parquet !== undefined) {
    const problem = checkParquetTarget(s.parquet);
    if (problem) throw new UsageError(problem);
  }
}

export async function runScaleExports(session: CaseSession, s: ScaleOutputs | undefined, opts: ExportOptions): Promise<ScaleExportResult[]> {
  const results: ScaleExportResult[] = [];
  if (s?.ecs !== undefined) results.push(...(await writeEcsBulk(session, s.ecs, opts)));
  if (s?.parquet !== undefined) {
    results.push(...(await writeParquetDataset(session, s.parquet, { ...opts, codec: s.parquetCodec === 'none' ? 'UNCOMPRESSED' : 'GZIP' })));
  }
  return results;
}
