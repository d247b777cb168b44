// Indicator feeds as CSV with a header: abuse.ch Feodo Tracker / URLhaus (header written as a
// "# first_seen_utc,dst_ip,..." comment), the VMware TAU Emotet lists ("IoC,Data,Note";
// "IP address,Port,..."; "File sha256,..."; "Type,Epoch,IP,Port,...,File SHA1,..."), and any
// feed whose column names say what they hold. Columns are recognized by name; a value column
// next to a type column ("IoC,Data") is typed by that column, rows of other types (a report
// link) are skipped and counted, never guessed.
import { parseCsvRecord } from '../../formats/csv';
import { classify, hashType } from './classify';
import { skip, type Indicator, type IndicatorFile, type IndicatorType, type SkippedEntry } from './types';

type Role = 'ip' | 'port' | 'domain' | 'url' | 'hash' | 'kind' | 'value' | 'context';

/** Column names (lower-cased, spaces and dashes as "_") and what they hold. */
function roleOf(name: string): Role | null {
  const n = name.toLowerCase().replace(/[\s-]+/g, '_');
  if (/^(ioc_?type|indicator_type|type_of_ioc|ioc|kind|attribute_type|category_type)$/.test(n)) return 'kind';
  if (/^(data|value|indicator|ioc_value|observable|attribute_value)$/.test(n)) return 'value';
  if (/(^|_)(sha256|sha1|md5|hash)($|_)|^file_sha/.test(n)) return 'hash';
  if (/^(url|uri|payload_url|download_url)$/.test(n)) return 'url';
  if (/^(domain|hostname|fqdn|host|dst_host|c2_domain)$/.test(n)) return 'domain';
  if (/(^|_)port$/.test(n)) return 'port';
  if (/(^|_)(ip|ipv4|ip_address|ipaddress|ip_addr)$|^(dst_ip|c2_ip|ip_port)$/.test(n)) return 'ip';
  if (/^(note|notes|malware|malware_family|threat|tags|comment|description|c2_status|type|signature|family)$/.test(n)) return 'context';
  return null;
}

const KIND_WORDS: Record<string, IndicatorType | 'hash'> = {
  ip: 'ip', ipv4: 'ip', ipv6: 'ip', 'ip-dst': 'ip', 'ip-src': 'ip', ip_address: 'ip', 'ipv4-addr': 'ip', 'ipv6-addr': 'ip',
  cidr: 'cidr', subnet: 'cidr', netblock: 'cidr',
  domain: 'domain', hostname: 'domain', fqdn: 'domain', 'domain-name': 'domain',
  url: 'url', uri: 'url', link: 'url',
  md5: 'md5', sha1: 'sha1', sha256: 'sha256', hash: 'hash', filehash: 'hash', 'file hash': 'hash',
};

/** The header line: the first non-comment line, or Feodo/URLhaus's last comment line before data. */
function findHeader(lines: readonly string[]): { index: number; fields: string[] } | null {
  let lastComment: { index: number; fields: string[] } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.replace(/^\ufeff/, '');
    if (text.trim() === '') continue;
    if (/^\s*#/.test(text)) {
      const fields = parseCsvRecord(text.replace(/^\s*#\s*/, ''));
      if (fields && fields.length >= 2 && fields.some((f) => roleOf(f.trim()) !== null)) lastComment = { index: i, fields };
      continue;
    }
    const fields = parseCsvRecord(text);
    if (!fields) return null;
    if (fields.some((f) => roleOf(f.trim()) !== null) && fields.every((f) => classify(f) === null)) return { index: i, fields };
    return lastComment;
  }
  return lastComment;
}

/** True when the text reads as a headed indicator CSV. */
export function looksLikeIocCsv(lines: readonly string[]): boolean {
  const header = findHeader(lines);
  if (!header || header.fields.length < 2) return false;
  const roles = header.fields.map((f) => roleOf(f.trim()));
  return roles.some((r) => r === 'ip' || r === 'domain' || r === 'url' || r === 'hash' || r === 'value');
}

export function parseIocCsv(source: string, lines: readonly string[]): IndicatorFile {
  const indicators: Indicator[] = [];
  const skipped: SkippedEntry[] = [];
  const header = findHeader(lines)!;
  const names = header.fields.map((f) => f.trim());
  const roles = names.map(roleOf);
  const col = (role: Role) => roles.indexOf(role);
  const kindCol = col('kind');
  const valueCol = col('value');
  const portCol = col('port');
  const contextCols = roles.flatMap((r, i) => (r === 'context' || (r === 'kind' && valueCol === -1) ? [i] : []));
  let pending = '';
  let pendingLine = 0;
  for (let i = header.index + 1; i < lines.length; i++) {
    const text = pending ? `${pending}\n${lines[i]}` : lines[i]!;
    if (!pending) pendingLine = i + 1;
    if (!pending && (text.trim() === '' || /^\s*#/.test(text))) continue;
    const fields = parseCsvRecord(text);
    if (!fields) {
      pending = text;
      continue;
    }
    pending = '';
    const line = pendingLine;
    const cell = (c: number) => (c >= 0 && c < fields.length ? fields[c]!.trim() : '');
    const context = contextCols.map(cell).filter((v) => v !== '').join(' — ') || null;
    const port = portCol >= 0 && /^\d{1,5}$/.test(cell(portCol)) ? Number(cell(portCol)) : null;
    const add = (raw: string, want: IndicatorType | 'hash' | null) => {
      const c = classify(raw);
      if (!c) return false;
      if (want === 'hash' ? hashType(c.value) === null : want !== null && want !== c.type && !(want === 'ip' && c.type === 'cidr')) {
        return false;
      }
      indicators.push({ type: c.type, value: c.value, raw, source, line, port: c.port ?? port, context });
      return true;
    };
    let any = false;
    let typedOut = false;
    if (valueCol >= 0) {
      const raw = cell(valueCol);
      const kindText = kindCol >= 0 ? cell(kindCol).toLowerCase() : '';
      const want = kindText === '' ? null : (KIND_WORDS[kindText] ?? undefined);
      if (want === undefined) {
        typedOut = true;
        skipped.push(skip(line, 'ioc.skip.rowType', { type: cell(kindCol) }, `row of type "${cell(kindCol)}" is not an indicator we match`));
      } else if (raw !== '') {
        any = add(raw, want) || any;
      }
    }
    roles.forEach((role, c) => {
      if (role === 'ip' || role === 'domain' || role === 'url' || role === 'hash') {
        const raw = cell(c);
        if (raw !== '') any = add(raw, role === 'hash' ? 'hash' : role) || any;
      }
    });
    if (!any && !typedOut) skipped.push(skip(line, 'ioc.skip.noValue', { columns: names.join('/') }, `no IP, domain, URL or hash in the ${names.join('/')} columns`));
  }
  if (pending) skipped.push(skip(pendingLine, 'ioc.skip.openQuote', {}, 'quoted field never closed (file truncated?)'));
  return { source, format: 'csv', indicators, skipped };
}
