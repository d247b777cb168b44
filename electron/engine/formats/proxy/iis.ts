// Microsoft IIS logs in W3C Extended Log File Format (the IIS default since IIS 6):
//   #Software: Microsoft Internet Information Services 10.0
//   #Version: 1.0
//   #Date: 2019-01-01 00:00:00
//   #Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken
//   2019-01-01 00:00:01 10.0.0.4 GET /default.htm - 80 - 192.0.2.1 Mozilla/5.0+(Windows+NT+10.0) - 200 0 0 15
// Fields are read by the names the #Fields line gives, so any selection of fields works, and
// a #Fields line mid-file (IIS starts a new header block when the service restarts or the
// logged fields change) applies from there on. IIS writes no quotes: spaces inside values
// are written as '+', kept as written. Lines before any #Fields (a file cut at its start)
// are read with the IIS default field list above.
//
// Time semantics: "date" and "time" are UTC (Microsoft's W3C logging reference: "the time,
// in coordinated universal time (UTC), at which the activity occurred"; IIS's "use local time
// for file naming and rollover" option renames files, it does not change the logged times).
// The file time zone is therefore not used.
//
// Fields: c-ip -> src_ip, s-ip/s-port -> dst_ip/dst_port (the server), cs-uri-stem +
// '?' + cs-uri-query -> url, cs-host -> domain, sc-bytes -> bytes_in (received by the
// client), cs-bytes -> bytes_out, time-taken (ms) -> duration_ms; user agent and referrer in
// extra as user_agent/referrer; every other field (s-sitename, s-computername, sc-substatus,
// sc-win32-status ...) in extra under its W3C name.
import type { LineFormat, SniffSample } from '../types';
import { createW3cParser, sniffW3c, type W3cDialect } from './w3c-parser';

const IIS_DEFAULT_FIELDS: readonly string[] = [
  'date', 'time', 's-ip', 'cs-method', 'cs-uri-stem', 'cs-uri-query', 's-port', 'cs-username', 'c-ip',
  'cs(User-Agent)', 'cs(Referer)', 'sc-status', 'sc-substatus', 'sc-win32-status', 'time-taken',
];

const DIALECT: W3cDialect = { role: 'server', defaultFields: IIS_DEFAULT_FIELDS };

/** Fields only a proxy (ProxySG) logs: a #Fields line with one of them is not a web server's. */
const PROXY_FIELDS = ['s-action', 'sc-filter-result', 'cs-categories', 'x-exception-id', 'cs-uri-path', 'r-ip'];

function isIis(fields: readonly string[], software: string | undefined): boolean {
  if (software !== undefined && /Internet Information Services/i.test(software)) return true;
  if (software !== undefined && !/^Microsoft/i.test(software)) return false;
  const lower = fields.map((f) => f.toLowerCase());
  return lower.includes('cs-uri-stem') && !lower.some((f) => PROXY_FIELDS.includes(f) || f.startsWith('x-bluecoat'));
}

export const iisFormat: LineFormat = {
  id: 'iis-w3c',
  name: 'IIS W3C extended log',
  family: 'web',
  description:
    'Microsoft IIS access logs in W3C Extended Log File Format: #Software/#Version/#Date/#Fields directives, fields by name (date time s-ip cs-method cs-uri-stem cs-uri-query ... sc-status time-taken).',
  timeSemantics: 'date + time fields are UTC (IIS writes W3C logs in UTC regardless of the server zone); the file time zone is not used. Files without a date field take it from #Date.',
  // Only with a header: a header-less IIS line is too generic to tell from other W3C logs.
  sniff: (sample: SniffSample): number =>
    sample.lines[0]?.startsWith('#') ? sniffW3c(sample.lines, isIis, null) : 0,
  createParser: () => createW3cParser(DIALECT),
};
