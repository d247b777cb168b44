// pfSense / OPNsense packet filter log ("filterlog"), as written to the local filter.log
// and sent by syslog (docs.netgate.com "Raw Filter Log Format"; opnsense/ports
// filterlog/files/description.txt for OPNsense, which writes a rule label instead of the
// tracker number):
//   Sep 28 10:38:09 pfSense filterlog[123]: <csv>                                (BSD)
//   <134>1 2022-09-06T18:37:34+02:00 opnsense filterlog 69805 - [meta ...] <csv> (RFC 5424)
// CSV: rule,subrule,anchor,tracker,interface,reason,action,direction,ipversion, then
//   IPv4: tos,ecn,ttl,id,offset,flags,protoid,protocol,length,src,dst
//   IPv6: class,flowlabel,hoplimit,protocol,protoid,length,src,dst
// then by protocol id: TCP srcport,dstport,datalen,flags,seq,ack,window,urg,options;
// UDP srcport,dstport,datalen; ICMP type then type-specific values; CARP
// type,ttl,vhid,version,advbase,advskew.
// Other programs' lines in the same syslog stream become 'other' events with their message.
//
// Time: only the syslog header carries one. BSD stamps have neither year nor zone: the file's
// base year (December->January rollover) and the file's time zone, recorded as assumed.
// RFC 5424 stamps carry their offset, which is kept.
import type { LineFormat, ParseContext, ParseOutcome, ParsedEvent, RecordParser, SniffSample } from '../types';
import { parseSyslogHeader, YearTracker, type SyslogHeader } from '../syslog';
import { isIpLiteral } from '../net';
import { lineVote } from '../line-vote';
import { setField } from '../fields';
import { clip, port, reject, SKIP, withHostlessTag } from './common';

const COMMON = ['rule', 'subrule', 'anchor', 'tracker', 'interface', 'reason', 'action', 'direction', 'ip_version'];
const IPV4 = ['tos', 'ecn', 'ttl', 'id', 'offset', 'flags', 'proto_id', 'protocol', 'length', 'src', 'dst'];
const IPV6 = ['class', 'flow_label', 'hop_limit', 'protocol', 'proto_id', 'length', 'src', 'dst'];
const TCP = ['src_port', 'dst_port', 'data_length', 'tcp_flags', 'sequence', 'ack', 'window', 'urg', 'tcp_options'];
const UDP = ['src_port', 'dst_port', 'data_length'];
const CARP = ['carp_type', 'carp_ttl', 'vhid', 'carp_version', 'advbase', 'advskew'];
// ICMP values after the type word, per type (pfSense filterlog.c).
const ICMP: Record<string, string[]> = {
  request: ['icmp_id', 'icmp_seq'],
  reply: ['icmp_id', 'icmp_seq'],
  tstamp: ['icmp_id', 'icmp_seq'],
  tstampreply: ['icmp_id', 'icmp_seq', 'icmp_otime', 'icmp_rtime', 'icmp_ttime'],
  unreachproto: ['icmp_dst', 'unreach_proto'],
  unreachport: ['icmp_dst', 'unreach_proto', 'unreach_port'],
  needfrag: ['icmp_dst', 'icmp_mtu'],
};

/** Values not copied to extra because a normalized field holds them. */
const MAPPED = new Set(['action', 'src', 'dst', 'src_port', 'dst_port']);

function protocolFields(protoId: string, rest: string[]): string[] {
  if (protoId === '6') return TCP;
  if (protoId === '17') return UDP;
  if (protoId === '112') return CARP;
  if (protoId === '1' || protoId === '58') {
    const type = rest[0] ?? '';
    const detail = Object.hasOwn(ICMP, type) ? ICMP[type]! : ['icmp_description'];
    return ['icmp_type', ...detail];
  }
  return [];
}

/** The event for a filterlog CSV payload, or a reject reason. */
function filterEvent(h: SyslogHeader, csv: string): ParsedEvent | string {
  const v = csv.split(',');
  if (v.length < COMMON.length + 1) return `filterlog record has ${v.length} fields, fewer than the ${COMMON.length + IPV6.length} common and IP fields`;
  const ipVersion = v[8]!;
  const ipFields = ipVersion === '4' ? IPV4 : ipVersion === '6' ? IPV6 : null;
  if (!ipFields) return `unknown IP version "${clip(ipVersion, 10)}" in field 9 (expected 4 or 6)`;
  const ipEnd = COMMON.length + ipFields.length;
  if (v.length < ipEnd) return `IPv${ipVersion} filterlog record cut off: ${v.length} of at least ${ipEnd} fields`;
  const named: [string, string][] = [];
  for (let i = 0; i < COMMON.length; i++) named.push([COMMON[i]!, v[i]!]);
  for (let i = 0; i < ipFields.length; i++) named.push([ipFields[i]!, v[COMMON.length + i]!]);
  const get = (name: string): string => named.find((p) => p[0] === name)?.[1] ?? '';
  const src = get('src');
  const dst = get('dst');
  if (!isIpLiteral(src) || !isIpLiteral(dst)) return `source/destination "${clip(src, 45)}", "${clip(dst, 45)}" are not IP addresses`;

  const rest = v.slice(ipEnd);
  const protoFields = protocolFields(get('proto_id'), rest);
  for (let i = 0; i < protoFields.length && i < rest.length; i++) named.push([protoFields[i]!, rest[i]!]);
  const leftover = rest.slice(protoFields.length);

  const e: ParsedEvent = { ts: h.ts, timeRaw: h.timeRaw, timeZone: h.timeZone, category: 'firewall', src_ip: src, dst_ip: dst };
  const action = get('action');
  if (action !== '') e.action = action;
  const extra: Record<string, unknown> = {};
  if (h.host) extra.device = h.host;
  for (const [name, value] of named) {
    if (name === 'src_port' || name === 'dst_port') {
      const p = port(value);
      if (p !== undefined) e[name] = p;
      else if (value !== '') setField(extra, name, value);
      continue;
    }
    if (value !== '' && !MAPPED.has(name)) setField(extra, name, value);
  }
  if (protoFields.length > 0 && rest.length < protoFields.length && protoFields !== TCP) extra.truncated = true;
  // TCP options are optional at the end; anything short of the urg field is a cut-off record.
  if (protoFields === TCP && rest.length < TCP.length - 1) extra.truncated = true;
  if (leftover.length > 0 && !(leftover.length === 1 && leftover[0] === '')) extra.protocol_data = leftover.join(',');
  if (h.pid) extra.syslog_pid = h.pid;
  if (h.structuredData) extra.structured_data = h.structuredData;
  e.extra = extra;
  return e;
}

function createPfsenseParser(ctx: ParseContext): RecordParser {
  const years = new YearTracker(ctx.baseYear);
  return {
    parseLine(line: string): ParseOutcome {
      if (line.trim() === '') return SKIP;
      const h = withHostlessTag(parseSyslogHeader(line, ctx.timezone, years));
      if (!h) return reject('no syslog header (expected "Mmm dd HH:MM:SS host filterlog: ..." or RFC 5424)');
      if (Number.isNaN(h.ts)) return reject(`unusable syslog time "${clip(h.timeRaw)}" in zone ${ctx.timezone}`);
      if (h.app !== 'filterlog') {
        // Another program in the same syslog stream: kept, never dropped.
        const e: ParsedEvent = { ts: h.ts, timeRaw: h.timeRaw, timeZone: h.timeZone, category: 'other', message: h.message };
        const extra: Record<string, unknown> = {};
        if (h.host) extra.device = h.host;
        if (h.app) extra.app = h.app;
        if (h.pid) extra.syslog_pid = h.pid;
        e.extra = extra;
        return { kind: 'events', events: [e] };
      }
      const e = filterEvent(h, h.message.trim());
      return typeof e === 'string' ? reject(e) : { kind: 'events', events: [e] };
    },
  };
}

// rule number, then 7 fields, then direction and IP version: cheap to test on the payload.
const SNIFF_CSV_RE = /^\d+,\d*,[^,]*,[^,]*,[^,]+,[^,]+,[a-z-]+,(?:in|out|in\/out),[46],/;

function sniffLine(line: string): boolean {
  const h = withHostlessTag(parseSyslogHeader(line, 'UTC', new YearTracker(2000)));
  return h !== null && h.app === 'filterlog' && SNIFF_CSV_RE.test(h.message);
}

export const pfsenseFormat: LineFormat = {
  id: 'pfsense-filterlog',
  name: 'pfSense / OPNsense filterlog',
  family: 'firewall',
  description:
    'pfSense and OPNsense packet filter log: filterlog CSV (IPv4/IPv6; TCP, UDP, ICMP, CARP) in BSD or RFC 5424 syslog.',
  timeSemantics:
    'From the syslog header: BSD stamps take the file base year (with December-to-January rollover) and the file time zone (assumed); RFC 5424 stamps keep their stated offset.',
  sniff: (sample: SniffSample): number => lineVote(sample.lines, sniffLine),
  createParser: (ctx: ParseContext) => createPfsenseParser(ctx),
};
