// Indicator matches collected during the scan, and the findings they become: one per host
// (or unnamed source address) and indicator, placed in the chain by what matched: a hash
// that ran is execution, a known-bad executable written is a download, a lure document's
// hash or a phishing URL is the lure, an address or domain contacted is C2.

import type { Finding, IocHit, Severity, Stage } from '../../common/detect';
import type { IocMatcher, MatchField } from './ioc/matcher';
import type { ScanRow } from './scan';
import { classifyIocUrl } from './story/urls';

/** Hits listed in the result; a case that matches more says so in the problems. */
export const MAX_IOC_HITS = 50_000;

export interface RichIocHit extends IocHit {
  field: MatchField;
  category: string;
  action: string | null;
  dst_ip: string | null;
  dst_port: number | null;
  url: string | null;
  domain: string | null;
  file_path: string | null;
  context: string | null;
  port_hint: number | null;
}

const DOC = /\.(?:docm?|docx|dotm?|xlsm?|xlsx|xlsb|xls|pptm?|rtf|one|pub)$/i;

export class IocCollector {
  readonly hits: RichIocHit[] = [];
  truncated = 0;

  constructor(private readonly matcher: IocMatcher) {}

  visit = (row: ScanRow): void => {
    for (const m of this.matcher.match(row)) {
      if (this.hits.length >= MAX_IOC_HITS) {
        this.truncated++;
        continue;
      }
      this.hits.push({
        indicator: m.indicator.value,
        type: m.indicator.type,
        source: m.indicator.source,
        host: row.host,
        user: row.user,
        src_ip: row.src_ip,
        time: row.time,
        event_id: row.id,
        field: m.field,
        category: row.category,
        action: row.action,
        dst_ip: row.dst_ip,
        dst_port: row.dst_port,
        url: row.url,
        domain: row.domain,
        file_path: row.file_path,
        context: m.indicator.context,
        port_hint: m.indicator.port,
      });
    }
  };
}

function hitStage(h: RichIocHit): Stage {
  if (h.field === 'process_hash') return 'execution';
  if (h.field === 'file_hash') {
    if (h.file_path && DOC.test(h.file_path)) return 'lure';
    return h.category === 'process' ? 'execution' : 'download';
  }
  if (h.type === 'url') {
    const kind = classifyIocUrl(h.indicator, h.context);
    return kind === 'phishing' ? 'lure' : kind === 'payload' ? 'download' : 'other';
  }
  if (h.type === 'domain' && h.context && /phish|lure|mail/i.test(h.context)) return 'lure';
  return 'c2';
}

const ATTACK: Record<string, string[]> = { execution: ['T1204.002'], download: ['T1105'], lure: ['T1566'], c2: ['T1071'] };

/** The grouping key of a hit: its actor and indicator. */
export function iocGroupKey(h: RichIocHit): string {
  return `${(h.host ?? h.src_ip ?? '').toLowerCase()}\u0000${h.type}\u0000${h.indicator}`;
}

/** One finding per actor and indicator (hits in time order); groupOf maps finding id -> iocGroupKey. */
export function iocFindings(hits: readonly RichIocHit[], groupOf?: Map<string, string>): Finding[] {
  const groups = new Map<string, RichIocHit[]>();
  for (const h of hits) {
    const key = iocGroupKey(h);
    const g = groups.get(key);
    if (g) g.push(h);
    else groups.set(key, [h]);
  }
  const out: Finding[] = [];
  for (const list of groups.values()) {
    list.sort((a, b) => a.time.localeCompare(b.time) || a.event_id - b.event_id);
    const h = list[0]!;
    const stage = hitStage(h);
    const severity: Severity = stage === 'lure' ? 'medium' : 'high';
    const actor = h.host ?? h.src_ip;
    const id = `ioc:${actor ?? ''}:${h.event_id}`;
    groupOf?.set(id, iocGroupKey(h));
    out.push({
      id,
      rule: 'ioc',
      title: `Indicator match: ${h.type} ${h.indicator}`,
      title_code: { code: 'finding.ioc', params: { type: h.type, indicator: h.indicator } },
      severity,
      attack: ATTACK[stage] ?? [],
      stage,
      host: h.host,
      ...(h.host ? {} : { src_ip: h.src_ip }),
      user: list.find((x) => x.user)?.user ?? null,
      time: h.time,
      event_ids: list.slice(0, 1000).map((x) => x.event_id),
      reasons: [
        `${list.length} event${list.length === 1 ? '' : 's'} matched ${h.indicator} on ${h.field} (${h.source}${h.context ? `: ${h.context}` : ''})`,
      ],
      reason_codes: [{ code: list.length === 1 ? 'ioc.matchedOne' : 'ioc.matched', params: { n: list.length, indicator: h.indicator, field: h.field, source: h.source + (h.context ? `: ${h.context}` : '') } }],
    });
  }
  return out;
}

/** The hit as contract 1 lists it (plus the field it matched and the feed's words). */
export function publicHit(h: RichIocHit): IocHit & { field: string; context: string | null } {
  return { indicator: h.indicator, type: h.type, source: h.source, host: h.host, user: h.user, src_ip: h.src_ip, time: h.time, event_id: h.event_id, field: h.field, context: h.context };
}
