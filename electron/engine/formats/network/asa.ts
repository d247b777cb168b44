// Cisco ASA (and FTD/PIX/FWSM) syslog messages, "%ASA-<severity>-<message id>: <text>"
// (Cisco "ASA Series Syslog Messages"), behind a syslog header:
//   <166>Nov 20 2022 02:15:24 ciscoasa : %ASA-6-302016: Teardown UDP connection 474574 for ...
//   Nov 20 02:15:24 10.1.1.1 %ASA-6-302013: ...              (header added by the syslog server)
//   <166>Nov 20 2022 02:15:24: %ASA-6-302013: ...           (logging timestamp, no device-id)
//   <166>2022-11-20T02:15:24Z ciscoasa : %ASA-6-302013: ...  (logging timestamp rfc5424)
// Mapped: connection built/teardown (302013-302016, 302020/302021), denies and ACL hits
// (106001, 106002, 106006, 106007, 106010, 106014, 106015, 106021, 106023, 106100, 313001,
// 313004, 710002, 710003, 710005), IDS 4000xx as alerts. Every other message is kept as an
// 'other' event with its text. Connection messages name the sides "for A to B"; which one
// initiated follows from inbound/outbound on the Built message (remembered per connection
// id for its Teardown; without it the outbound reading is used and marked as assumed).
//
// Time: from the syslog header. ASA stamps carry no zone ("logging timestamp" is the
// device's local clock): the file time zone is assumed. Stamps without a year (a relaying
// server's BSD header) take the file's base year with December-to-January rollover.
// RFC 5424 stamps keep their stated offset.
import type { EventCategory } from '../../../common/schema';
import type { LineFormat, ParseContext, ParseOutcome, ParsedEvent, RecordParser, SniffSample } from '../types';
import { parseSyslogHeader, YearTracker, type SyslogHeader } from '../syslog';
import { lineVote } from '../line-vote';
import { clip, reject, SKIP, withHostlessTag } from './common';
import { arrow, forTo, fromTo, icmpAddrs, srcDst, type Endpoint, type Pair } from './asa-endpoints';

const SEVERITY = ['emergencies', 'alerts', 'critical', 'errors', 'warnings', 'notifications', 'informational', 'debugging'];

// "%ASA-6-302013: " anywhere after the header; "%ASA-session-6-..." is accepted too.
const TAG_RE = /%(ASA|FTD|PIX|FWSM)-(?:[a-z]{1,16}-)?([0-7])-(\d{6}): ?/;
// "Nov 20 2022 02:15:24: %ASA..." (timestamp with no device id): no host in the header.
const HOSTLESS_RE = /^(<\d{1,3}>)?([A-Z][a-z]{2} {1,2}\d{1,2} (?:\d{4} )?\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?): /;

type Kind = 'conn' | 'icmpconn' | 'fromTo' | 'srcDst' | 'arrow';
interface Rule {
  kind: Kind;
  action?: string;
  category?: EventCategory;
}

const RULES: Record<string, Rule> = {
  '302013': { kind: 'conn' },
  '302014': { kind: 'conn' },
  '302015': { kind: 'conn' },
  '302016': { kind: 'conn' },
  '302020': { kind: 'icmpconn' },
  '302021': { kind: 'icmpconn' },
  '106001': { kind: 'fromTo', action: 'deny' },
  '106002': { kind: 'srcDst', action: 'deny' },
  '106006': { kind: 'fromTo', action: 'deny' },
  '106007': { kind: 'fromTo', action: 'deny' },
  '106010': { kind: 'srcDst', action: 'deny' },
  '106014': { kind: 'srcDst', action: 'deny' },
  '106015': { kind: 'fromTo', action: 'deny' },
  '106021': { kind: 'fromTo', action: 'deny' },
  '106023': { kind: 'srcDst', action: 'deny' },
  '106100': { kind: 'arrow' },
  '313001': { kind: 'fromTo', action: 'deny' },
  '313004': { kind: 'fromTo', action: 'deny' },
  '710002': { kind: 'fromTo', action: 'permit' },
  '710003': { kind: 'fromTo', action: 'deny' },
  '710005': { kind: 'fromTo', action: 'deny' },
};

const PROTO_RE = /^(?:tcp|udp|icmp|icmp6|gre|esp|ah|sctp|igmp|ip|ipv6)$/i;
const MAX_DIRECTIONS = 100_000;

function protocolOf(text: string): string | undefined {
  const w = text.split(' ', 6);
  return w.find((x) => PROTO_RE.test(x));
}

/** "0:00:03" (h:mm:ss) or "1:02:00:03" (d:hh:mm:ss) -> ms. */
function durationMs(s: string): number | undefined {
  const parts = s.split(':');
  if (parts.length < 3 || parts.length > 4 || parts.some((p) => !/^\d{1,6}$/.test(p))) return undefined;
  const n = parts.map(Number);
  const [d, h, m, sec] = n.length === 4 ? (n as [number, number, number, number]) : [0, n[0]!, n[1]!, n[2]!];
  return (((d * 24 + h) * 60 + m) * 60 + sec) * 1000;
}

function after(text: string, key: string, stops: readonly string[]): string | undefined {
  const i = text.indexOf(key);
  if (i === -1) return undefined;
  const s = i + key.length;
  let end = text.length;
  for (const stop of stops) {
    const j = text.indexOf(stop, s);
    if (j !== -1 && j < end) end = j;
  }
  const v = text.slice(s, end).trim();
  return v === '' ? undefined : v;
}

function setEndpoints(e: ParsedEvent, extra: Record<string, unknown>, pair: Pair, portsAreIcmp = false): void {
  const put = (side: 'src' | 'dst', ep: Endpoint | undefined): void => {
    if (!ep) return;
    e[`${side}_ip`] = ep.ip;
    if (ep.num !== undefined) {
      if (portsAreIcmp) extra[`${side}_icmp_id`] = ep.num;
      else e[`${side}_port`] = ep.num;
    }
    if (ep.iface !== undefined) extra[`${side}_interface`] = ep.iface;
  };
  put('src', pair.src);
  put('dst', pair.dst);
}

function parseHeader(line: string, zone: string, years: YearTracker): SyslogHeader | null {
  const h = withHostlessTag(parseSyslogHeader(line, zone, years));
  if (h) return h;
  const m = HOSTLESS_RE.exec(line);
  if (!m) return null;
  // Re-read with a placeholder host so the shared header parser handles the stamp.
  const h2 = parseSyslogHeader(`${m[1] ?? ''}${m[2]} - ${line.slice(m[0].length)}`, zone, years);
  return h2 ? { ...h2, host: undefined } : null;
}

function createAsaParser(ctx: ParseContext): RecordParser {
  const years = new YearTracker(ctx.baseYear);
  // Connection id -> direction from its Built message, for the Teardown.
  const directions = new Map<string, string>();

  function connection(e: ParsedEvent, extra: Record<string, unknown>, text: string, icmp: boolean): void {
    const built = text.startsWith('Built');
    if (built) e.action = 'built';
    else if (text.startsWith('Teardown')) e.action = 'teardown';
    const words = text.split(' ', 8);
    const dirWord = built && (words[1] === 'inbound' || words[1] === 'outbound') ? words[1] : undefined;
    const connId = icmp ? undefined : words.find((w, i) => i > 0 && words[i - 1] === 'connection' && /^\d+$/.test(w));
    if (connId !== undefined) extra.connection_id = connId;
    let direction = dirWord;
    if (direction !== undefined && connId !== undefined) {
      if (directions.size >= MAX_DIRECTIONS) directions.clear();
      directions.set(connId, direction);
    } else if (direction === undefined && connId !== undefined) {
      direction = directions.get(connId);
      if (!built) directions.delete(connId);
    }
    if (direction === undefined) extra.direction_assumed = true;
    extra.direction = direction ?? 'outbound';
    const inbound = direction === 'inbound';
    if (icmp) {
      const a = icmpAddrs(text);
      setEndpoints(e, extra, inbound ? { src: a.faddr, dst: a.laddr } : { src: a.laddr, dst: a.faddr }, true);
      if (a.gaddr) extra.mapped_address = a.gaddr.ip;
      const type = /\btype (\d{1,3}) code (\d{1,3})/.exec(text);
      if (type) {
        extra.icmp_type = Number(type[1]);
        extra.icmp_code = Number(type[2]);
      }
    } else {
      // "for" names the lower-security side; inbound connections start there.
      const s = forTo(text);
      setEndpoints(e, extra, inbound ? { src: s.forSide, dst: s.toSide } : { src: s.toSide, dst: s.forSide });
    }
    const duration = after(text, ' duration ', [' ']);
    const ms = duration === undefined ? undefined : durationMs(duration);
    if (ms !== undefined) e.duration_ms = ms;
    const bytes = /\bbytes (\d{1,15})(?: (.{1,200}))?$/.exec(text);
    if (bytes) {
      // The session's total, both directions together: no bytes_in/bytes_out split is stated.
      extra.bytes = Number(bytes[1]);
      if (bytes[2]) extra.reason = bytes[2].trim();
    }
  }

  return {
    parseLine(line: string): ParseOutcome {
      if (line.trim() === '') return SKIP;
      const h = parseHeader(line, ctx.timezone, years);
      if (!h) return reject('no syslog timestamp before the %ASA message');
      if (Number.isNaN(h.ts)) return reject(`unusable syslog time "${clip(h.timeRaw)}" in zone ${ctx.timezone}`);
      const tag = TAG_RE.exec(h.message);
      if (!tag) return reject('no %ASA-<severity>-<message id> tag');
      const text = h.message.slice(tag.index + tag[0].length).trimEnd();
      const msgId = tag[3]!;
      const level = Number(tag[2]);
      const e: ParsedEvent = { ts: h.ts, timeRaw: h.timeRaw, timeZone: h.timeZone, category: 'other', severity: SEVERITY[level]! };
      const extra: Record<string, unknown> = {};
      if (h.host) extra.device = h.host;
      extra.product = tag[1];
      extra.message_id = msgId;
      extra.severity_level = level;

      const rule = Object.hasOwn(RULES, msgId) ? RULES[msgId] : undefined;
      const ids = msgId.startsWith('4000') ? 'alert' : undefined;
      if (rule || ids) {
        e.category = rule?.category ?? ids ?? 'firewall';
        const protocol = protocolOf(text);
        if (protocol !== undefined) extra.protocol = protocol;
        const kind: Kind = rule?.kind ?? 'fromTo';
        if (kind === 'conn' || kind === 'icmpconn') connection(e, extra, text, kind === 'icmpconn');
        else if (kind === 'fromTo') setEndpoints(e, extra, fromTo(` ${text}`));
        else if (kind === 'srcDst') setEndpoints(e, extra, srcDst(` ${text}`));
        else {
          setEndpoints(e, extra, arrow(text));
          const verdict = /^access-list (\S{1,200}) (permitted|denied|est-allowed) /.exec(text);
          if (verdict) {
            extra.acl = verdict[1];
            e.action = verdict[2] === 'denied' ? 'deny' : 'permit';
          }
        }
        if (rule?.action) e.action = rule.action;
        if (ids) extra.signature = after(text, 'IDS:', [' ']);
        const iface = after(text, ' on interface ', [' ', ':']);
        if (iface !== undefined) extra.interface = iface;
        const group = /access-group "([^"]{0,200})"/.exec(text);
        if (group) extra.acl = group[1];
        const flags = after(text, ' flags ', [' on interface ']);
        if (flags !== undefined && kind !== 'conn') extra.tcp_flags = flags;
      }
      e.message = text;
      e.extra = extra;
      return { kind: 'events', events: [e] };
    },
  };
}

function sniffLine(line: string): boolean {
  const tag = TAG_RE.exec(line);
  if (!tag || tag.index > 120) return false;
  return parseHeader(line, 'UTC', new YearTracker(2000)) !== null;
}

export const asaFormat: LineFormat = {
  id: 'cisco-asa',
  name: 'Cisco ASA syslog',
  family: 'firewall',
  description:
    'Cisco ASA/FTD syslog (%ASA-sev-msgid): connection built/teardown, deny and ACL messages mapped to addresses, ports, action, bytes and duration; other messages kept with their text.',
  timeSemantics:
    'From the syslog header: ASA stamps carry no zone, so the file time zone is assumed; year-less stamps take the file base year (December-to-January rollover); RFC 5424 stamps keep their offset.',
  sniff: (sample: SniffSample): number => lineVote(sample.lines, sniffLine),
  createParser: (ctx: ParseContext) => createAsaParser(ctx),
};
