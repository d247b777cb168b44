// `tracelight export CASE [--pdf F] [--xlsx F] [--csv F] [--timesketch F] [--package F]
//  [--ecs F] [--parquet DIR [--parquet-codec gzip|none]]
//  [--lang en|ja] [--ioc FILE]... [--no-detection] [--force] [--examiner NAME] [--json]`
// --ecs writes an OpenSearch/Elasticsearch _bulk NDJSON file and its index template beside it;
// --parquet writes Parquet files partitioned by day into DIR (absent or empty).
// Writes the requested files and prints each path with its SHA-256 (sha256sum's format, so the
// output checks with `sha256sum -c`). The report and workbook show a fresh detection run (with
// the case's kept indicator files, --ioc files and the examiners' reviews). Existing files are kept
// unless --force; the case and its evidence are never overwritten. Each export is recorded in
// the custody log (export.created); on a read-only case (held by another Tracelight) the
// exports are still written and the hashes printed, with a warning that nothing was recorded.
import { existsSync } from 'node:fs';
import { detectWithCaseIocs } from '../../engine/detect/case-detection';
import { checkTargets, ExportTargetError, type ExportTarget } from '../../engine/export/targets';
import { PackageError } from '../../engine/export/package/originals';
import { writeEvidencePackage, type PackageResult } from '../../engine/export/package/write-package';
import { runExports } from '../../engine/export/run-exports';
import type { ExportResult } from '../../engine/export/finish';
import type { ExportKind, ReportLanguage } from '../../engine/export/types';
import { langOf, parseCommandArgs } from '../args';
import { UsageError } from '../errors';
import { warn, write } from '../output';
import { openCase } from './open-case';
import { checkScaleTargets, hasScaleOutputs, runScaleExports, type ScaleOutputs } from './scale-exports';
import type { ScaleExportResult } from '../../engine/export/scale-export';

export interface ExportArgs {
  casePath: string;
  outputs: Partial<Record<ExportKind | 'package', string>>;
  /** The exports for a case that outgrows one machine (scale-exports.ts). */
  scale?: ScaleOutputs;
  lang?: string;
  iocs: string[];
  force: boolean;
  /** Skip detection: the report and workbook then say it was not run. */
  noDetection: boolean;
  examiner?: string;
  json: boolean;
}

export async function exportCommand(args: ExportArgs): Promise<number> {
  const language: ReportLanguage = langOf(args.lang);
  const targets = Object.entries(args.outputs)
    .filter(([, p]) => typeof p === 'string')
    .map(([kind, p]) => ({ kind, path: p }) as ExportTarget);
  if (!targets.length && !hasScaleOutputs(args.scale)) {
    throw new UsageError('export needs at least one of --pdf, --xlsx, --csv, --timesketch, --package, --ecs, --parquet');
  }
  if (args.noDetection && args.iocs.length) throw new UsageError('--ioc needs detection; drop --no-detection');
  const session = await openCase(args.casePath, { examiner: args.examiner });
  try {
    try {
      if (targets.length) checkTargets(session, targets, args.force);
      checkScaleTargets(session, args.scale, targets, args.force);
    } catch (err) {
      if (err instanceof ExportTargetError) throw new UsageError(err.message);
      throw err;
    }
    for (const f of args.iocs) if (!existsSync(f)) throw new UsageError(`${f}: no such IOC file`);
    const o = args.outputs;
    // Only the report and the workbook show findings; a timeline-only export skips detection.
    const detection = (o.pdf || o.xlsx || o.package) && !args.noDetection ? await detectWithCaseIocs(session.store, args.iocs) : null;
    for (const p of detection?.rules.problems ?? []) warn(`${p.file}${p.rule ? ` (${p.rule})` : ''}: ${p.message}`);
    const results: (ExportResult | PackageResult | ScaleExportResult)[] = await runExports(session, { pdf: o.pdf, xlsx: o.xlsx, csv: o.csv, timesketch: o.timesketch }, { language, detection });
    if (o.package) {
      try {
        results.push(await writeEvidencePackage(session, o.package, { language, detection }));
      } catch (err) {
        if (err instanceof PackageError) throw new UsageError(err.message);
        throw err;
      }
    }
    results.push(...(await runScaleExports(session, args.scale, { language, detection: null })));
    if (session.readOnly) warn(`${session.path}: case is read-only (${session.readOnlyReason}); these exports are not recorded in its custody log`);
    session.checkpoint();
    if (args.json) {
      await write(`${JSON.stringify({ case: session.path, language, detection: detection !== null, files: results }, null, 2)}\n`);
    } else {
      for (const r of results) await write(`${r.sha256}  ${r.path}\n`);
    }
    return 0;
  } finally {
    session.close();
  }
}

/**
 * Export has options of its own (`--csv F` takes a file here, while `query --csv` is a flag), so
 * it parses its arguments itself.
 */
export function parseExportArgs(argv: string[]): ExportArgs {
  const { values, positionals } = parseCommandArgs(argv, {
    pdf: { type: 'string' },
    xlsx: { type: 'string' },
    csv: { type: 'string' },
    timesketch: { type: 'string' },
    package: { type: 'string' },
    ecs: { type: 'string' },
    parquet: { type: 'string' },
    'parquet-codec': { type: 'string' },
    lang: { type: 'string' },
    ioc: { type: 'string', multiple: true, default: [] },
    force: { type: 'boolean', default: false },
    'no-detection': { type: 'boolean', default: false },
    examiner: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  const [casePath, ...extra] = positionals;
  if (!casePath || extra.length) throw new UsageError('export needs one CASE (and options naming the files to write)');
  const { pdf, xlsx, csv, timesketch } = values;
  return {
    casePath,
    outputs: { pdf, xlsx, csv, timesketch, package: values.package },
    scale: { ecs: values.ecs, parquet: values.parquet, parquetCodec: values['parquet-codec'] },
    lang: values.lang,
    iocs: values.ioc,
    force: values.force,
    noDetection: values['no-detection'],
    examiner: values.examiner,
    json: values.json,
  };
}
