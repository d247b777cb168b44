// `tracelight hunt CASE_OR_FOLDER --ioc FILE... [--json]`: who reached what and when, across
// every case in a folder, read-only. An --ioc that is a case (.tlcase) contributes the
// indicators its examiner confirmed.
import path from 'node:path';
import type { HuntHit } from '../../common/incident';
import { CaseSession } from '../../engine/custody/session';
import { loadIndicatorFile } from '../../engine/detect/ioc/load';
import type { Indicator, IndicatorFile } from '../../engine/detect/ioc/types';
import { loadIncident } from '../../engine/incident/case-incident';
import { huntCases } from '../../engine/incident/hunt';
import { UsageError } from '../errors';
import { warn, write } from '../output';
import { parseCommand } from './incident-args';

async function caseIndicators(file: string): Promise<IndicatorFile> {
  const session = await CaseSession.open(file, { readOnly: true });
  try {
    const { state } = await loadIncident(session);
    const source = path.basename(file);
    const indicators: Indicator[] = state.indicators
      .filter((i) => i.confirmed)
      .map((i) => ({ type: i.type, value: i.value, raw: i.value, source, line: null, port: i.port, context: `confirmed in ${state.case.name}` }));
    if (!indicators.length) throw new UsageError(`${file}: the case has no confirmed indicators to hunt for`);
    return { source, format: 'plain', indicators, skipped: [] };
  } finally {
    session.close();
  }
}

export async function huntMain(argv: string[]): Promise<number> {
  const p = parseCommand(argv, { ioc: { type: 'string', multiple: true } });
  const [target, ...rest] = p.positionals;
  if (!target || rest.length) throw new UsageError('hunt needs one CASE_OR_FOLDER');
  const iocs = p.list('ioc');
  if (!iocs.length) throw new UsageError('hunt needs at least one --ioc FILE (an indicator file, or a case whose confirmed indicators to use)');
  const files: IndicatorFile[] = [];
  for (const f of iocs) files.push(/\.tlcase$/i.test(f) ? await caseIndicators(f) : loadIndicatorFile(f));
  for (const f of files) for (const s of f.skipped.slice(0, 5)) warn(`${f.source}: ${s.line !== null ? `entry ${s.line}: ` : ''}${s.reason} (skipped)`);
  const result = await huntCases(target, files);
  for (const u of result.unreadable) warn(`${u.case}: not searched (${u.reason})`);
  const json = { hits: result.hits, cases: result.cases, unreadable: result.unreadable };
  await write(p.flag('json') ? `${JSON.stringify(json, null, 2)}\n` : text(result.hits, result.cases.length, result.indicators));
  return 0;
}

function text(hits: HuntHit[], cases: number, indicators: number): string {
  const out = [`${hits.length} match${hits.length === 1 ? '' : 'es'} of ${indicators} indicators in ${cases} case${cases === 1 ? '' : 's'}`];
  for (const h of hits) {
    out.push(`${h.time}  ${path.basename(h.case)}  ${h.host ?? h.src_ip ?? '-'}${h.user ? ` (${h.user})` : ''}  ${h.indicator}  event ${h.event_id}`.replace(/[\r\n\t]+/g, ' '));
  }
  return `${out.join('\n')}\n`;
}
