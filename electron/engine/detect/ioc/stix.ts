// STIX 2.0 / 2.1 bundles (or a bare object list): every `indicator` object's pattern, read
// with stix-pattern.ts. Other objects (malware, attack-pattern, relationships) carry no
// pattern; a bundle without indicators says so instead of yielding nothing silently.
import { classify } from './classify';
import { patternComparisons } from './stix-pattern';
import { skip, type Indicator, type IndicatorFile, type IndicatorType, type SkippedEntry } from './types';

type Json = Record<string, unknown>;

const PATH_TYPES: [RegExp, IndicatorType | 'hash' | 'port'][] = [
  [/^ipv[46]-addr:value$/, 'ip'],
  [/^network-traffic:(dst|src)_ref\.value$/, 'ip'],
  [/^domain-name:value$/, 'domain'],
  [/^url:value$/, 'url'],
  [/^(file|artifact|process\.image_ref|x509-certificate):hashes\.('?)(sha-?256|sha-?1|md5)\2$/i, 'hash'],
  [/^network-traffic:dst_port$/, 'port'],
];

export function isStixDocument(doc: unknown): boolean {
  if (Array.isArray(doc)) return doc.some((o) => isStixObject(o));
  if (!doc || typeof doc !== 'object') return false;
  const o = doc as Json;
  return o.type === 'bundle' || isStixObject(o) || (Array.isArray(o.objects) && o.objects.some((x) => isStixObject(x)));
}

function isStixObject(o: unknown): boolean {
  if (!o || typeof o !== 'object') return false;
  const x = o as Json;
  return typeof x.type === 'string' && typeof x.id === 'string' && x.id.startsWith(`${x.type}--`);
}

export function parseStix(source: string, doc: unknown): IndicatorFile {
  const objects: unknown[] = Array.isArray(doc) ? doc : Array.isArray((doc as Json).objects) ? ((doc as Json).objects as unknown[]) : [doc];
  const indicators: Indicator[] = [];
  const skipped: SkippedEntry[] = [];
  const otherTypes = new Map<string, number>();
  objects.forEach((raw, index) => {
    const o = (raw ?? {}) as Json;
    if (o.type !== 'indicator') {
      const t = typeof o.type === 'string' ? o.type : 'untyped';
      otherTypes.set(t, (otherTypes.get(t) ?? 0) + 1);
      return;
    }
    const line = index + 1;
    const name = typeof o.name === 'string' ? o.name : typeof o.id === 'string' ? o.id : `object ${line}`;
    if (o.pattern_type !== undefined && o.pattern_type !== 'stix') {
      skipped.push(skip(line, 'ioc.skip.patternType', { name, type: String(o.pattern_type) }, `indicator "${name}": pattern type "${String(o.pattern_type)}" is not STIX patterning`));
      return;
    }
    if (typeof o.pattern !== 'string') {
      skipped.push(skip(line, 'ioc.skip.noPattern', { name }, `indicator "${name}" has no pattern`));
      return;
    }
    const labels = [o.labels, o.indicator_types].flatMap((l) => (Array.isArray(l) ? l.map(String) : []));
    const context = [name, ...labels].join(' — ');
    let comparisons;
    try {
      comparisons = patternComparisons(o.pattern);
    } catch (err) {
      skipped.push(skip(line, 'ioc.skip.badPattern', { name, why: (err as Error).message }, `indicator "${name}": ${(err as Error).message}`));
      return;
    }
    const portCmp = comparisons.find((c) => c.path === 'network-traffic:dst_port' && c.operator === '=' && !c.negated);
    const port = portCmp ? Number(portCmp.values[0]) || null : null;
    let any = false;
    for (const c of comparisons) {
      const kind = PATH_TYPES.find(([re]) => re.test(c.path))?.[1];
      if (kind === 'port') continue;
      if (!kind) {
        skipped.push(skip(line, 'ioc.skip.path', { name, path: c.path }, `indicator "${name}": comparison on ${c.path} is not matched against events`));
        continue;
      }
      if (c.negated || !['=', 'IN', 'ISSUBSET'].includes(c.operator)) {
        const comparison = `${c.negated && !c.operator.includes('!=') && !c.operator.startsWith('NOT') ? 'NOT ' : ''}${c.path} ${c.operator}`;
        skipped.push(skip(line, 'ioc.skip.operator', { name, comparison }, `indicator "${name}": "${comparison}" is not supported`));
        continue;
      }
      for (const value of c.values) {
        const cl = classify(value);
        const fits = cl && (kind === 'hash' ? ['md5', 'sha1', 'sha256'].includes(cl.type) : kind === cl.type || (kind === 'ip' && cl.type === 'cidr') || (kind === 'domain' && cl.type === 'ip') || (c.path.startsWith('network-traffic:') && cl.type === 'domain'));
        if (!cl || !fits) {
          skipped.push(skip(line, 'ioc.skip.invalid', { name, value: value.slice(0, 80), kind: { code: `ioc.kind.${kind}` } }, `indicator "${name}": "${value.slice(0, 80)}" is not a valid ${kind}`));
          continue;
        }
        indicators.push({ type: cl.type, value: cl.value, raw: value, source, line, port: cl.port ?? port, context });
        any = true;
      }
    }
    if (!any && comparisons.length === 0) skipped.push(skip(line, 'ioc.skip.noComparison', { name }, `indicator "${name}": no comparison found in pattern`));
  });
  if (indicators.length === 0 && skipped.length === 0) {
    const kinds = [...otherTypes].map(([t, n]) => `${n} ${t}`).join(', ') || 'no objects';
    skipped.push(skip(null, 'ioc.skip.noIndicatorObjects', { kinds }, `STIX content without indicator objects (${kinds})`));
  }
  return { source, format: 'stix', indicators, skipped };
}
