// MISP event JSON (an export of one event, a list of them, or a REST search response):
// Event.Attribute and Event.Object[].Attribute. Composite types ("ip-dst|port",
// "filename|sha256", "domain|ip") are split and their matchable half kept. Attributes whose
// to_ids flag is false are the event's context (MISP's own "not for detection"), and are
// reported as skipped rather than matched.
import { classify } from './classify';
import { skip, type Indicator, type IndicatorFile, type IndicatorType, type SkippedEntry } from './types';

type Json = Record<string, unknown>;

/** MISP attribute type (one half of a composite) -> what its value is. */
const TYPES: Record<string, IndicatorType | 'hash' | 'port' | 'ignore'> = {
  'ip-dst': 'ip', 'ip-src': 'ip', ip: 'ip', domain: 'domain', hostname: 'domain', url: 'url', uri: 'url',
  md5: 'md5', sha1: 'sha1', sha256: 'sha256', 'authentihash': 'ignore', imphash: 'ignore', ssdeep: 'ignore',
  port: 'port', filename: 'ignore',
};

function events(doc: unknown): Json[] {
  if (Array.isArray(doc)) return doc.flatMap(events);
  if (!doc || typeof doc !== 'object') return [];
  const o = doc as Json;
  if (o.Event && typeof o.Event === 'object') return [o.Event as Json];
  if (Array.isArray(o.response)) return o.response.flatMap(events);
  if (Array.isArray(o.Attribute) && (o.info !== undefined || o.uuid !== undefined)) return [o];
  return [];
}

export function isMispDocument(doc: unknown): boolean {
  return events(doc).length > 0;
}

export function parseMisp(source: string, doc: unknown): IndicatorFile {
  const indicators: Indicator[] = [];
  const skipped: SkippedEntry[] = [];
  let index = 0;
  for (const event of events(doc)) {
    const info = typeof event.info === 'string' ? event.info : null;
    const attrs: Json[] = [];
    if (Array.isArray(event.Attribute)) attrs.push(...(event.Attribute as Json[]));
    if (Array.isArray(event.Object)) {
      for (const obj of event.Object as Json[]) if (Array.isArray(obj?.Attribute)) attrs.push(...(obj.Attribute as Json[]));
    }
    for (const a of attrs) {
      const line = ++index;
      const type = String(a?.type ?? '');
      const value = String(a?.value ?? '');
      if (a?.to_ids === false || a?.to_ids === '0' || a?.to_ids === 0) {
        skipped.push(skip(line, 'ioc.skip.notIds', { type, value: value.slice(0, 60) }, `attribute ${type} "${value.slice(0, 60)}": to_ids is false (context, not for detection)`));
        continue;
      }
      const parts = type.split('|');
      const values = parts.length > 1 ? value.split('|') : [value];
      const kinds = parts.map((p) => TYPES[p]);
      if (kinds.every((k) => k === undefined || k === 'ignore' || k === 'port')) {
        skipped.push(skip(line, 'ioc.skip.attrType', { type }, `attribute type "${type}" is not matched against events`));
        continue;
      }
      const portAt = kinds.indexOf('port');
      const port = portAt >= 0 && /^\d{1,5}$/.test(values[portAt] ?? '') ? Number(values[portAt]) : null;
      const context = [typeof a.comment === 'string' && a.comment ? a.comment : null, info].filter(Boolean).join(' — ') || null;
      kinds.forEach((kind, i) => {
        if (!kind || kind === 'ignore' || kind === 'port') return;
        const raw = values[i] ?? '';
        const c = classify(raw);
        const fits = c && (kind === c.type || (kind === 'ip' && c.type === 'cidr') || (kind === 'domain' && c.type === 'ip'));
        if (!c || !fits) {
          skipped.push(skip(line, 'ioc.skip.attrInvalid', { type, value: raw.slice(0, 80), kind: { code: `ioc.kind.${kind}` } }, `attribute ${type}: "${raw.slice(0, 80)}" is not a valid ${kind}`));
          return;
        }
        indicators.push({ type: c.type, value: c.value, raw, source, line, port: c.port ?? port, context });
      });
    }
  }
  return { source, format: 'misp', indicators, skipped };
}
