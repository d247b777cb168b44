// Blue Coat / Symantec ProxySG access logs in ELFF (W3C extended) form, as files uploaded
// with their '#Software: SGOS ...' / '#Fields: ...' header, or as syslog messages (ProxySG's
// syslog client, SIEM relays) that carry data lines only, optionally behind a syslog header.
// With a #Fields line the fields are read by name. Without one, the documented ProxySG
// reporter layouts are used, chosen per line by where the sc-filter-result value
// (OBSERVED/PROXIED/DENIED) sits:
//   main / bcreportermain_v1 (SGOS 5-6): date time time-taken c-ip cs-username cs-auth-group
//     x-exception-id sc-filter-result cs-categories cs(Referer) sc-status s-action cs-method
//     rs(Content-Type) cs-uri-scheme cs-host cs-uri-port cs-uri-path cs-uri-query
//     cs-uri-extension cs(User-Agent) s-ip sc-bytes cs-bytes x-virus-id
//     x-bluecoat-application-name x-bluecoat-application-operation
//   bcreportermain_v1 (later SGOS, Broadcom TECH244752): the same with s-supplier-name
//     s-supplier-ip s-supplier-country s-supplier-failures after cs-auth-group and
//     x-bluecoat-application-groups cs-threat-risk x-bluecoat-transaction-uuid
//     x-icap-reqmod-header(X-ICAP-Metadata) x-icap-respmod-header(X-ICAP-Metadata) at the end.
// Fields past a layout's end (site-specific additions) are kept as extra.field_N.
//
// Time semantics: ProxySG writes "date" and "time" in UTC (its "localtime" field is the
// local variant); the file time zone is not used. A syslog header's own stamp is the relay's
// and is kept in extra.syslog_time only.
//
// Fields: c-ip -> src_ip, cs-host -> domain (or dst_ip), cs-uri-port -> dst_port, r-ip/r-port
// (when logged) -> dst_ip/dst_port; s-ip is the appliance, kept in extra; url is rebuilt as
// scheme://host[:port]/path?query (host:port for CONNECT); sc-bytes -> bytes_in (to the
// client), cs-bytes -> bytes_out; time-taken (ms) -> duration_ms; categories, filter result,
// s-action, exception id ... in extra under their ELFF names.
import type { LineFormat, SniffSample } from '../types';
import { parseSyslogHeader, YearTracker } from '../syslog';
import { createW3cParser, sniffW3c, type Unwrapped, type W3cDialect } from './w3c-parser';
import { looksLikeW3cDate, startsWithW3cDate } from './w3c';
import { isDigits } from './quoted';

export const PROXYSG_MAIN_FIELDS: readonly string[] = [
  'date', 'time', 'time-taken', 'c-ip', 'cs-username', 'cs-auth-group', 'x-exception-id', 'sc-filter-result',
  'cs-categories', 'cs(Referer)', 'sc-status', 's-action', 'cs-method', 'rs(Content-Type)', 'cs-uri-scheme',
  'cs-host', 'cs-uri-port', 'cs-uri-path', 'cs-uri-query', 'cs-uri-extension', 'cs(User-Agent)', 's-ip',
  'sc-bytes', 'cs-bytes', 'x-virus-id', 'x-bluecoat-application-name', 'x-bluecoat-application-operation',
];

export const PROXYSG_REPORTER_V1_FIELDS: readonly string[] = [
  ...PROXYSG_MAIN_FIELDS.slice(0, 6),
  's-supplier-name', 's-supplier-ip', 's-supplier-country', 's-supplier-failures',
  ...PROXYSG_MAIN_FIELDS.slice(6),
  'x-bluecoat-application-groups', 'cs-threat-risk', 'x-bluecoat-transaction-uuid',
  'x-icap-reqmod-header(X-ICAP-Metadata)', 'x-icap-respmod-header(X-ICAP-Metadata)',
];

const FILTER_RESULTS = new Set(['OBSERVED', 'PROXIED', 'DENIED']);
const MAIN_FILTER_AT = PROXYSG_MAIN_FIELDS.indexOf('sc-filter-result');
const V1_FILTER_AT = PROXYSG_REPORTER_V1_FIELDS.indexOf('sc-filter-result');

/** The documented layout a header-less data line follows, or null. */
function headerlessLayout(values: readonly string[], count: number): readonly string[] | null {
  if (count < PROXYSG_MAIN_FIELDS.length || !looksLikeW3cDate(values[0]!) || !isDigits(values[2]!)) return null;
  if (FILTER_RESULTS.has(values[MAIN_FILTER_AT]!)) return PROXYSG_MAIN_FIELDS;
  if (count >= PROXYSG_REPORTER_V1_FIELDS.length && FILTER_RESULTS.has(values[V1_FILTER_AT]!)) return PROXYSG_REPORTER_V1_FIELDS;
  return null;
}

/**
 * Takes a syslog header off a line. Data lines start with their date and directives with
 * '#', so only other lines are tried as syslog (an RFC 3339 header has a 'T' after the date).
 */
function createUnwrap(): (line: string) => Unwrapped | null {
  // The header's year is never used for the event time (the ELFF date is), only shown.
  const years = new YearTracker(2000);
  return (line: string): Unwrapped | null => {
    if (line.charCodeAt(0) === 35 /* # */ || (line.charCodeAt(10) === 32 && startsWithW3cDate(line))) return null;
    const h = parseSyslogHeader(line, 'UTC', years);
    if (!h) return null;
    const extra: Record<string, unknown> = { syslog_time: h.timeRaw };
    if (h.host !== undefined) extra.syslog_host = h.host;
    if (h.app !== undefined) extra.syslog_app = h.app;
    return { text: h.message, extra };
  };
}

function isProxySg(fields: readonly string[], software: string | undefined): boolean {
  if (software !== undefined) return /SGOS|ProxySG|Blue ?Coat/i.test(software);
  return fields.some((f) => {
    const l = f.toLowerCase();
    return l === 'sc-filter-result' || l.startsWith('x-bluecoat-');
  });
}

function dialect(): W3cDialect {
  return { role: 'proxy', defaultFields: headerlessLayout, unwrap: createUnwrap() };
}

export const blueCoatFormat: LineFormat = {
  id: 'bluecoat-elff',
  name: 'Blue Coat / Symantec ProxySG access log (ELFF)',
  family: 'proxy',
  description:
    'ProxySG access logs in W3C ELFF: with #Software/#Fields headers (fields by name), or header-less data lines (plain or behind a syslog header) in the documented main / bcreportermain_v1 layouts.',
  timeSemantics: 'date + time fields are UTC (ProxySG\'s ELFF date/time); the file time zone is not used. A syslog header\'s stamp is kept as extra.syslog_time only.',
  sniff: (sample: SniffSample): number => sniffW3c(sample.lines, isProxySg, headerlessLayout, createUnwrap()),
  createParser: () => createW3cParser(dialect()),
};
