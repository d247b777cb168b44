// `tracelight iocs CASE --format fortigate|panos-edl|csv|stix|misp [--out F]`: the indicators an
// examiner confirmed, as a containment list. Without --format: the candidates the story suggests
// and which are confirmed (--json for the list). `--confirm VALUE...` / `--withdraw VALUE...`
// record the examiner's decision (custody entries) on candidates by value.
import { writeFileSync } from 'node:fs';
import type { IndicatorCandidate } from '../../common/incident';
import { ActionError } from '../../engine/custody/actions';
import { classify } from '../../engine/detect/ioc/classify';
import { confirmIndicator, withdrawIndicator } from '../../engine/incident/actions';
import { loadIncident } from '../../engine/incident/case-incident';
import { CONTAINMENT_FORMATS, containmentInput, containmentList, type ContainmentFormat } from '../../engine/incident/containment/index';
import { writeAtomically } from '../../engine/export/finish';
import { UsageError } from '../errors';
import { warn, write } from '../output';
import { parseCommand } from './incident-args';
import { openCase } from './open-case';

export async function iocsMain(argv: string[]): Promise<number> {
  const p = parseCommand(argv, {
    format: { type: 'string' },
    out: { type: 'string' },
    confirm: { type: 'string', multiple: true },
    withdraw: { type: 'string', multiple: true },
    comment: { type: 'string' },
    examiner: { type: 'string' },
    ioc: { type: 'string', multiple: true },
  });
  const [casePath, ...rest] = p.positionals;
  if (!casePath || rest.length) throw new UsageError('iocs needs one CASE');
  const format = p.str('format');
  if (format !== undefined && !CONTAINMENT_FORMATS.includes(format as ContainmentFormat)) {
    throw new UsageError(`--format is one of ${CONTAINMENT_FORMATS.join(', ')}, not "${format}"`);
  }
  const writes = p.list('confirm').length > 0 || p.list('withdraw').length > 0;
  const session = await openCase(casePath, writes ? { examiner: p.str('examiner'), mustWrite: true } : { readOnly: true });
  try {
    let loaded = await loadIncident(session, { iocFiles: p.list('ioc') });
    if (writes) {
      try {
        for (const v of p.list('confirm')) confirmIndicator(session, candidate(loaded.state.indicators, v), p.str('comment'));
        for (const v of p.list('withdraw')) {
          const c = candidate(loaded.state.indicators, v);
          withdrawIndicator(session, c.type, c.value, p.str('comment'));
        }
      } catch (err) {
        if (err instanceof ActionError) throw new UsageError(`${casePath}: ${err.message}`);
        throw err;
      }
      session.checkpoint();
      loaded = await loadIncident(session, { detection: loaded.detection });
    }
    if (format === undefined) {
      const list = loaded.state.indicators;
      await write(p.flag('json') ? `${JSON.stringify({ case: session.path, indicators: list }, null, 2)}\n` : listing(list));
      return 0;
    }
    const input = containmentInput(loaded.state);
    if (!input.indicators.length) warn(`${casePath}: no confirmed indicators (confirm them with --confirm VALUE, or in the app)`);
    const out = containmentList(format as ContainmentFormat, input);
    for (const s of out.skipped) warn(`${s.value}: not in the ${format} list (${s.reason})`);
    const file = p.str('out');
    if (file) await writeAtomically(file, async (tmp) => writeFileSync(tmp, out.text, { flag: 'wx' }));
    else await write(out.text);
    return 0;
  } finally {
    session.close();
  }
}

/** The candidate a value names (as typed, defanged or not). */
function candidate(list: IndicatorCandidate[], value: string): IndicatorCandidate {
  const c = classify(value);
  const found = c && list.find((i) => i.type === c.type && i.value === c.value);
  if (!found) throw new ActionError(`"${value}" is not an indicator of this case's story (see \`tracelight iocs CASE\`)`);
  return found;
}

function listing(list: IndicatorCandidate[]): string {
  if (!list.length) return 'no indicator candidates (run detection with indicator files, or the story has no C2 or URLs)\n';
  return (
    list
      .map((i) => `${i.confirmed ? `confirmed by ${i.confirmed.examiner}` : 'not confirmed'}\t${i.type}\t${i.value}${i.port !== null ? `:${i.port}` : ''}\t${i.source}\tevents ${i.event_ids.slice(0, 10).join(',')}${i.event_ids.length > 10 ? ',…' : ''}`.replace(/[\r\n]+/g, ' '))
      .join('\n') + '\n'
  );
}
