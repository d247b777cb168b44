// CrowdStrike Falcon SIEM Connector output in CEF: one record per line,
//   CEF:0|CrowdStrike|FalconHost|1.0|<event type>|<name or operation>|<severity>|k=v ...
// bare (as the connector writes to its output file) or after a syslog header (as it sends to a
// syslog receiver). Event types include DetectionSummaryEvent, IncidentSummaryEvent,
// AuthActivityAuditEvent, UserActivityAuditEvent, FirewallMatchEvent, RemoteResponseSessionStart.
// Custom fields (cs1..cs6, cn1..cn3, deviceCustomDate1..) are named by their *Label keys; they
// are kept in extra under the label's name, and columns are filled from the standard CEF keys
// or the labels the connector uses (CommandLine, ProcessId, SHA256...).
//
// Time: rt (receipt time) is epoch milliseconds (UTC); a CEF date "MMM dd yyyy HH:mm:ss[.SSS]"
// without a zone takes the file's time zone. Without rt, start is used, then the syslog header.
import type { EventCategory } from '../../../common/schema';
import type { LineFormat, ParseContext, ParseOutcome, ParsedEvent, RecordParser, SniffSample } from '../types';
import { lineVote } from '../line-vote';
import { baseName, setField, toInt } from '../fields';
import { parseSyslogHeader, YearTracker } from '../syslog';
import { epochIntegerToMs, isValidWallTime, parseIsoInstant, wallTimeToUtc } from '../../time/zone';
import { parseCef, type CefRecord } from './cef';

const FALCON_RE = /CEF:\d+\|CrowdStrike\|Falcon\w*\|/;
const MONTHS: Record<string, number> = { Jan: 1, Feb: 2, Mar: 3, Apr: 4, May: 5, Jun: 6, Jul: 7, Aug: 8, Sep: 9, Oct: 10, Nov: 11, Dec: 12 };
const CEF_DATE_RE = /^([A-Z][a-z]{2}) (\d{1,2}) (\d{4}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?$/;

interface Time {
  ts: number;
  timeRaw: string;
  timeZone: string;
}

/** A CEF time value: epoch ms (or s), ISO with zone, or "MMM dd yyyy HH:mm:ss" in the file zone. */
function cefTime(v: string, zone: string): Time | null {
  const t = v.trim();
  if (/^\d{10,19}$/.test(t)) {
    const ms = epochIntegerToMs(t);
    return Number.isNaN(ms) ? null : { ts: ms, timeRaw: v, timeZone: 'UTC' };
  }
  const iso = parseIsoInstant(t);
  if (iso) return { ts: iso.ms, timeRaw: v, timeZone: iso.offsetMinutes === 0 ? 'UTC' : t.slice(-6) };
  const m = CEF_DATE_RE.exec(t);
  const month = m ? MONTHS[m[1]!] : undefined;
  if (!m || !month) return null;
  const w = { year: Number(m[3]), month, day: Number(m[2]), hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6]), millisecond: m[7] ? Number(m[7].padEnd(3, '0')) : 0 };
  return isValidWallTime(w) ? { ts: wallTimeToUtc(w, zone), timeRaw: v, timeZone: `${zone} (assumed)` } : null;
}

/** Extension keys with their custom labels resolved: cs1=x cs1Label=CommandLine -> CommandLine=x. */
function labelledFields(ext: Record<string, string>): Record<string, string> {
  const out = Object.create(null) as Record<string, string>;
  for (const [k, v] of Object.entries(ext)) {
    if (k.endsWith('Label') && ext[k.slice(0, -5)] !== undefined) continue;
    const label = ext[`${k}Label`];
    out[label && !(label in ext) ? label : k] = v;
  }
  return out;
}

function categoryOf(type: string): EventCategory {
  if (/Detection|Incident/.test(type)) return 'alert';
  if (type === 'AuthActivityAuditEvent') return 'auth';
  if (/Firewall/.test(type)) return 'firewall';
  return 'other';
}

function toEvent(cef: CefRecord, time: Time & { key?: string }, header: { host?: string } | null): ParsedEvent {
  const f = labelledFields(cef.ext);
  // The time field is in timeRaw already.
  const used = new Set<string>(time.key ? [time.key] : []);
  const take = (...keys: string[]): string | undefined => {
    for (const k of keys) {
      const v = f[k];
      if (v !== undefined && v !== '') {
        used.add(k);
        return v;
      }
    }
    return undefined;
  };
  // cat repeats the event type for audit events; the header's Signature ID is the type.
  const type = cef.signatureId;
  const e: ParsedEvent = { ts: time.ts, timeRaw: time.timeRaw, timeZone: time.timeZone, category: categoryOf(f.cat ?? type), action: cef.name || type, severity: cef.severity };
  const host = take('dhost', 'shost', 'dvchost', 'ComputerName') ?? header?.host;
  if (host) e.host = host;
  const user = take('duser', 'suser', 'UserName');
  if (user) e.user = user;
  const path = take('filePath', 'FilePath');
  const file = take('fname', 'FileName');
  const full = path && file && !path.toLowerCase().endsWith(file.toLowerCase()) ? `${path.replace(/\\$/, '')}\\${file}` : (path ?? file);
  const cmd = take('CommandLine', 'sproc');
  if (e.category === 'alert' && (cmd || full)) {
    // Detections describe the process that triggered them.
    if (full) {
      e.process_path = full;
      e.process_name = baseName(full);
    }
    if (cmd) e.process_command_line = cmd;
    const hash = take('fileHash', 'SHA256String', 'SHA256', 'MD5String');
    if (hash) e.process_hash = hash;
    const pid = toInt(take('ProcessId', 'dpid', 'spid'));
    if (pid !== undefined) e.process_pid = pid;
    const parent = take('ParentCommandLine', 'ParentImageFileName');
    if (parent) e.parent_process_command_line = parent;
  } else {
    if (full) e.file_path = full;
    if (cmd) e.process_command_line = cmd;
  }
  const proc = take('deviceProcessName');
  if (proc && !e.process_name) e.process_name = proc;
  const src = take('src', 'sourceAddress');
  if (src) e.src_ip = src;
  const dst = take('dst', 'destinationAddress');
  if (dst) e.dst_ip = dst;
  const spt = toInt(take('spt'));
  if (spt !== undefined) e.src_port = spt;
  const dpt = toInt(take('dpt'));
  if (dpt !== undefined) e.dst_port = dpt;
  const url = take('request');
  if (url) e.url = url;
  const msg = take('msg');
  e.message = msg ?? `${type}: ${cef.name}${user ? ` by ${user}` : ''}${proc ? ` (${proc})` : ''}`;
  const extra: Record<string, unknown> = { cef_vendor: cef.vendor, cef_product: cef.product, cef_version: cef.deviceVersion, event_type: type };
  for (const [k, v] of Object.entries(f)) if (!used.has(k) && v !== '') setField(extra, k, v);
  e.extra = extra;
  return e;
}

function createParser(ctx: ParseContext): RecordParser {
  const years = new YearTracker(ctx.baseYear);
  return {
    parseLine(line: string): ParseOutcome {
      if (line.trim() === '') return { kind: 'skip' };
      const at = line.indexOf('CEF:');
      if (at === -1) return { kind: 'reject', reason: 'no CEF record on this line' };
      const header = at > 0 ? parseSyslogHeader(line, ctx.timezone, years) : null;
      const cef = parseCef(line.slice(at));
      if (!cef) return { kind: 'reject', reason: 'malformed CEF header (expected 7 "|"-separated fields)' };
      let time: (Time & { key?: string }) | null = null;
      for (const key of ['rt', 'start', 'end']) {
        const v = cef.ext[key];
        const t = v === undefined ? null : cefTime(v, ctx.timezone);
        if (t) {
          time = { ...t, key };
          break;
        }
      }
      if (!time && header && Number.isFinite(header.ts)) time = { ts: header.ts, timeRaw: header.timeRaw, timeZone: header.timeZone };
      if (!time) return { kind: 'reject', reason: 'no usable time: expected rt or start (epoch ms or CEF date), or a syslog header' };
      return { kind: 'events', events: [toEvent(cef, time, header)] };
    },
  };
}

function fits(line: string): boolean {
  const at = line.indexOf('CEF:');
  if (at === -1 || !FALCON_RE.test(line.slice(at, at + 64))) return false;
  // Bare CEF, or CEF after a syslog header (PRI, date, host).
  return at === 0 || /^(?:<\d{1,3}>)?(?:[A-Z][a-z]{2} {1,2}\d|\d{4}-\d{2}-\d{2}T|1 \d{4}-)/.test(line);
}

export const falconCefFormat: LineFormat = {
  id: 'crowdstrike-falcon-cef',
  name: 'CrowdStrike Falcon SIEM Connector (CEF)',
  family: 'edr',
  description: 'CrowdStrike Falcon SIEM Connector events in CEF (detections, incidents, audit and auth activity), bare or behind a syslog header.',
  timeSemantics: 'rt is epoch milliseconds (UTC); CEF dates without a zone (deviceCustomDate1, "MMM dd yyyy HH:mm:ss") take the file time zone; a syslog header is used only when rt/start are absent.',
  sniff: (sample: SniffSample) => lineVote(sample.lines, fits),
  createParser: (ctx) => createParser(ctx),
};
