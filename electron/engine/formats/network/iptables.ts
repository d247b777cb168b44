// Linux netfilter LOG target records (iptables/nftables "log"), as the kernel writes them to
// syslog/kern.log, and the Proxmox VE firewall's pve-firewall.log:
//   Sep 30 10:09:23 host kernel: [19955416.516358] IPTABLES-DROP: IN=ens2 OUT= MAC=.. SRC=..
//   0 3 PVEFW-HOST-IN 20/Jun/2022:13:09:14 +0200 policy DROP: IN=vmbr0.94 MAC=.. SRC=..
//     (<vmid> <loglevel> <chain> <time> <action>: <packet>, pve-firewall's own logger)
// The kernel writes the log prefix (up to 29 characters chosen by the rule, e.g.
// "IPTABLES-DROP: ") then always "IN=<if> OUT=<if>" (nf_log_syslog.c); a kernel line with a
// packet's SRC=/DST= but no IN= is therefore a damaged record and is rejected. Interface
// names are taken as written: Linux allows dots ("eth0.100", "vmbr0.94"). The action comes
// from the prefix / pve action text when it says drop, reject or accept.
// Other programs' lines (a whole syslog or kern.log) are kept as 'other' events.
//
// Time: kernel lines take the syslog header's stamp: BSD stamps take the file base year
// (December-to-January rollover) and the file time zone (assumed); RFC 3339 stamps keep their
// offset. The bracketed kernel uptime is kept in extra.uptime, not used as a time.
// pve-firewall stamps (DD/Mon/YYYY:HH:MM:SS +ZZZZ) carry their offset, which is kept.
import type { LineFormat, ParseContext, ParseOutcome, ParsedEvent, RecordParser, SniffSample } from '../types';
import { parseSyslogHeader, YearTracker } from '../syslog';
import { isIpLiteral } from '../net';
import { lineVote } from '../line-vote';
import { formatOffset, isValidWallTime, parseOffsetMinutes, wallTimeToUtc } from '../../time/zone';
import { clip, port, reject, SKIP, withHostlessTag } from './common';
import { actionFromPrefix, parseNetfilterFields } from './netfilter-fields';

const MONTHS: Record<string, number> = {
  Jan: 1, Feb: 2, Mar: 3, Apr: 4, May: 5, Jun: 6, Jul: 7, Aug: 8, Sep: 9, Oct: 10, Nov: 11, Dec: 12,
};
// "0 3 PVEFW-HOST-IN 20/Jun/2022:13:09:14 +0200 rest"
const PVE_RE = /^(\d{1,10}) (\d) (\S{1,64}) (\d{2})\/([A-Z][a-z]{2})\/(\d{4}):(\d{2}):(\d{2}):(\d{2}) ([+-]\d{4}) /;
const UPTIME_RE = /^\[ {0,12}(\d{1,12}\.\d{1,9})\] ?/;
/** Where the packet dump starts: "IN=" as a token of its own. */
function packetStart(text: string): number {
  if (text.startsWith('IN=')) return 0;
  const i = text.indexOf(' IN=');
  return i === -1 ? -1 : i + 1;
}

/** A SRC=/DST= pair as tokens: the text holds a packet dump. */
function looksLikePacket(text: string): boolean {
  return /(?:^| )SRC=\S+ DST=/.test(text);
}

function packetEvent(
  base: Omit<ParsedEvent, 'category'>,
  dump: string,
  verdict: string,
  extra: Record<string, unknown>,
): ParsedEvent | string {
  if (verdict !== '') extra.prefix = verdict;
  const p = parseNetfilterFields(dump, extra);
  const { src, dst } = p;
  if (src === undefined || dst === undefined) return 'packet record without SRC= and DST=';
  if (!isIpLiteral(src) || !isIpLiteral(dst)) return `SRC/DST "${clip(src, 45)}", "${clip(dst, 45)}" are not IP addresses`;
  const e: ParsedEvent = { ts: base.ts, timeRaw: base.timeRaw, timeZone: base.timeZone, category: 'firewall', src_ip: src, dst_ip: dst };
  const action = actionFromPrefix(verdict);
  if (action) e.action = action;
  const sp = port(p.spt);
  if (sp !== undefined) e.src_port = sp;
  else if (p.spt !== undefined) extra.SPT = p.spt;
  const dp = port(p.dpt);
  if (dp !== undefined) e.dst_port = dp;
  else if (p.dpt !== undefined) extra.DPT = p.dpt;
  if (p.flags.length > 0) extra.flags = p.flags.join(' ');
  if (p.inner !== undefined) extra.inner_packet = p.inner;
  e.extra = extra;
  return e;
}

function createIptablesParser(ctx: ParseContext): RecordParser {
  const years = new YearTracker(ctx.baseYear);

  function pve(line: string, m: RegExpExecArray): ParseOutcome {
    const month = MONTHS[m[5]!];
    const offset = parseOffsetMinutes(m[10]!);
    const wall = { year: Number(m[6]), month: month ?? 0, day: Number(m[4]), hour: Number(m[7]), minute: Number(m[8]), second: Number(m[9]), millisecond: 0 };
    if (month === undefined || offset === null || !isValidWallTime(wall)) return reject(`bad pve-firewall time "${m[4]}/${m[5]}/${m[6]}:${m[7]}:${m[8]}:${m[9]} ${m[10]}"`);
    const label = formatOffset(offset);
    const rest = line.slice(m[0].length);
    const at = packetStart(rest);
    // pve-firewall leaves out an empty IN= (host OUT chains): the dump starts at the first KEY=.
    const start = at !== -1 ? at : rest.search(/(?:^| )[A-Z]+=/);
    const verdict = (start <= 0 ? '' : rest.slice(0, start)).trim().replace(/:$/, '');
    const base = { ts: wallTimeToUtc(wall, label), timeRaw: `${m[4]}/${m[5]}/${m[6]}:${m[7]}:${m[8]}:${m[9]} ${m[10]}`, timeZone: label };
    const extra: Record<string, unknown> = { vmid: m[1], loglevel: Number(m[2]), chain: m[3] };
    const e = packetEvent(base, start === -1 ? '' : rest.slice(start), verdict, extra);
    return typeof e === 'string' ? reject(e) : { kind: 'events', events: [e] };
  }

  return {
    parseLine(line: string): ParseOutcome {
      if (line.trim() === '') return SKIP;
      const pm = PVE_RE.exec(line);
      if (pm) return pve(line, pm);
      const h = withHostlessTag(parseSyslogHeader(line, ctx.timezone, years));
      if (!h) return reject('neither a syslog line nor a pve-firewall line');
      if (Number.isNaN(h.ts)) return reject(`unusable syslog time "${clip(h.timeRaw)}" in zone ${ctx.timezone}`);
      const base = { ts: h.ts, timeRaw: h.timeRaw, timeZone: h.timeZone };
      const extra: Record<string, unknown> = {};
      if (h.host) extra.device = h.host;
      let text = h.message;
      // printk's "[seconds.micros]" uptime; a bracketed prefix such as "[UFW BLOCK]" is not one.
      const uptime = UPTIME_RE.exec(text);
      if (uptime) {
        extra.uptime = uptime[1];
        text = text.slice(uptime[0].length);
      }
      const at = packetStart(text);
      if (at === -1) {
        if (looksLikePacket(text)) return reject('netfilter packet record without IN= (the LOG target always writes IN= and OUT=)');
        const e: ParsedEvent = { ...base, category: 'other', message: h.message };
        if (h.app) extra.app = h.app;
        if (h.pid) extra.syslog_pid = h.pid;
        e.extra = extra;
        return { kind: 'events', events: [e] };
      }
      if (h.app && h.app !== 'kernel') extra.app = h.app;
      const e = packetEvent(base, text.slice(at), text.slice(0, at).trim(), extra);
      return typeof e === 'string' ? reject(e) : { kind: 'events', events: [e] };
    },
  };
}

function sniffLine(line: string): boolean {
  const pm = PVE_RE.exec(line);
  if (pm) return looksLikePacket(line.slice(pm[0].length));
  const h = withHostlessTag(parseSyslogHeader(line, 'UTC', new YearTracker(2000)));
  return h !== null && h.app === 'kernel' && packetStart(h.message) !== -1 && looksLikePacket(h.message);
}

export const iptablesFormat: LineFormat = {
  id: 'netfilter-log',
  name: 'iptables / netfilter LOG',
  family: 'firewall',
  description:
    'Linux netfilter LOG target records (iptables/nftables, kernel: IN= OUT= SRC= DST= PROTO= SPT= DPT=, optional log prefix as action) in syslog or kern.log, and Proxmox VE pve-firewall.log.',
  timeSemantics:
    'Kernel lines: the syslog stamp (BSD: file base year with rollover and file time zone, assumed; RFC 3339: its offset); kernel uptime kept in extra. pve-firewall: DD/Mon/YYYY:HH:MM:SS +ZZZZ with its offset.',
  sniff: (sample: SniffSample): number => lineVote(sample.lines, sniffLine),
  createParser: (ctx: ParseContext) => createIptablesParser(ctx),
};
