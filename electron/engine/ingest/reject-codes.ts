// The code (common/coded-text.ts) of a per-record reject reason, for a UI in another language.
// Reasons are stored as the English text the parser wrote (rejected_record.reason: what the CLI,
// the reports and `tracelight query` show), so the code is recovered where a reason is read for
// the UI: each pattern below mirrors the wording of the parsers that write it, and the coded-texts
// test renders every code back in English and compares it with the stored reason, so a parser
// whose wording changes loses its translation (the UI shows its English) rather than a wrong one.
// A reason no pattern knows gets no code and is shown as written.
import type { CodedText } from '../../common/coded-text';

type Pattern = readonly [RegExp, string, readonly string[]];

const PATTERNS: readonly Pattern[] = [
  // ingest/event-batch.ts, ingest/line-records.ts: any format.
  [/^unparseable timestamp "(.*)"$/s, 'reject.timestamp', ['value']],
  [/^line of (\d+) bytes exceeds the (\d+)-byte record limit$/, 'reject.lineTooLong', ['bytes', 'limit']],
  [/^record spanning lines exceeds (\d+) bytes$/, 'reject.recordTooLong', ['limit']],
  [/^record reader asked for more input$/, 'reject.needsMore', []],
  // formats/csv.ts, formats/generic/: tables.
  [/^(\d+) fields where the header names (\d+)$/, 'reject.fieldsHeader', ['n', 'width']],
  [/^(\d+) fields where the mapping has (\d+)$/, 'reject.fieldsMapping', ['n', 'width']],
  [/^no timestamp: (.*) empty$/s, 'reject.noTimestamp', ['columns']],
  [/^timestamp (".*") in (.*) does not read as (.*)$/s, 'reject.timestampLayout', ['value', 'columns', 'layout']],
  [/^a quoted field is cut off \(no closing quote\)$/, 'reject.openQuote', []],
  [/^quoted field not closed \(cut-off record\)$/, 'reject.openQuoteCut', []],
  [/^expected (\d+) space-separated fields per #Fields, found (\d+) \(cut-off or damaged record\)$/, 'reject.w3cFields', ['n', 'found']],
  [/^expected (\d+) fields per #fields, found (\d+) \(cut-off or damaged record\)$/, 'reject.zeekFields', ['n', 'found']],
  [/^expected (\d+) fields \(per header\), found (\d+)$/, 'reject.fieldsPerHeader', ['n', 'found']],
  [/^expected at least (\d+) space-separated fields \(Squid native format\), found (\d+)$/, 'reject.squidFields', ['n', 'found']],
  // Syslog-framed and JSON formats.
  [/^unusable syslog time "(.*)" in zone (.*)$/s, 'reject.syslogTime', ['value', 'zone']],
  [/^unknown time zone "(.*)"$/s, 'reject.zone', ['zone']],
  [/^not valid JSON: (.*)$/s, 'reject.json', ['why']],
  [/^not a JSON object$/, 'reject.notObject', []],
  [/^no usable time: expected (.*)$/s, 'reject.noUsableTime', ['expected']],
  [/^bad timestamp "(.*)" \(expected epoch seconds like ([\d.]+)\)$/s, 'reject.epoch', ['value', 'example']],
  [/^malformed Event XML: (.*)$/s, 'reject.eventXml', ['why']],
  // Firewalls (formats/fortigate.ts, formats/network/panos.ts, formats/network/cisco-asa.ts).
  [/^no key=value pairs \(not a FortiGate log record\)$/, 'reject.fortiNoPairs', []],
  [/^no type= field \(not a FortiGate log record, or cut off before type=\)$/, 'reject.fortiNoType', []],
  [/^unparseable date\/time "(.*)"$/s, 'reject.dateTime', ['value']],
  [/^not a PAN-OS CSV record \(expected "<n>,YYYY\/MM\/DD HH:MM:SS,<serial>,<TYPE>," after an optional syslog header\)$/, 'reject.notPanos', []],
  [/^unknown PAN-OS log type "(.*)"$/s, 'reject.panosType', ['type']],
  [/^no %ASA-<severity>-<message id> tag$/, 'reject.asaNoTag', []],
  [/^no syslog timestamp before the %ASA message$/, 'reject.asaNoTime', []],
  // JSON-per-line and document formats (json-document.ts, carbonblack-edr.ts, plaso, Timesketch).
  [/^invalid JSON: (.*)$/s, 'reject.invalidJson', ['why']],
  [/^not JSON: (.*)$/s, 'reject.notJson', ['why']],
  [/^not a JSON object \((.*)\)$/s, 'reject.notObjectKind', ['kind']],
  [/^parser error: (.*)$/s, 'reject.parserError', ['why']],
  [/^not read: (.*)$/s, 'reject.notRead', ['why']],
  // EDR exports (formats/edr/).
  [/^not a Carbon Black Cloud alert, event or process record \(no alert type\/id, or no process_guid with a device time\)$/, 'reject.notCbc', []],
  [/^no Timestamp \(or TimeGenerated\) value$/, 'reject.defenderNoTime', []],
  [/^unparseable Timestamp "(.*)"$/s, 'reject.defenderTimestamp', ['value']],
  [/^malformed CEF header \(expected 7 "\|"-separated fields\)$/, 'reject.cefHeader', []],
  [/^no CEF record on this line$/, 'reject.noCef', []],
  // Timelines and web logs (formats/proxy/).
  [/^no integer "timestamp" \(microseconds since 1970 UTC\)$/, 'reject.plasoTimestamp', []],
  [/^(.*): no integer "timestamp" \(microseconds since 1970 UTC\)$/s, 'reject.plasoKeyTimestamp', ['key']],
  [/^expected (\d+) comma-separated fields \(l2tcsv\), found (\d+)$/, 'reject.l2tcsvFields', ['n', 'found']],
  [/^header lacks Timesketch column\(s\) (.*)$/s, 'reject.timesketchColumns', ['columns']],
  [/^no #Fields header, and the line fits no documented default layout$/, 'reject.w3cNoFields', []],
  // Windows events (formats/windows/).
  [/^not a Windows event: expected EventID and SourceName$/, 'reject.notWindowsEvent', []],
  [/^not a Winlogbeat event: no winlog object$/, 'reject.notWinlogbeat', []],
  [/^winlog\.event_id is missing or not a number$/, 'reject.winlogEventId', []],
  [/^expected an <Event> element$/, 'reject.noEventElement', []],
  [/^(\d+) stray bytes at chunk offset (\d+)$/, 'reject.evtxStray', ['n', 'offset']],
  [/^no record signature at chunk offset (\d+)$/, 'reject.evtxNoSignature', ['offset']],
  [/^record (\d+) at chunk offset (\d+): implausible size (\d+)$/, 'reject.evtxImplausible', ['record', 'offset', 'size']],
  [/^record (\d+) at chunk offset (\d+) is cut off: (\d+) bytes declared, (\d+) in the file$/, 'reject.evtxCut', ['record', 'offset', 'size', 'have']],
  [/^record (\d+) at chunk offset (\d+): size (\d+) runs past the chunk's records$/, 'reject.evtxPast', ['record', 'offset', 'size']],
  [/^record (\d+) at chunk offset (\d+): size (\d+) is not repeated at its end$/, 'reject.evtxNoTrailer', ['record', 'offset', 'size']],
];

export function rejectReasonCode(reason: string): CodedText | undefined {
  for (const [re, code, names] of PATTERNS) {
    const m = re.exec(reason);
    if (m) return { code, params: Object.fromEntries(names.map((n, i) => [n, m[i + 1] ?? ''])) };
  }
  return undefined;
}

/** Rows with a reason, each given its reason's code where one is known. */
export function withRejectCodes<T extends { reason: string }>(rows: T[]): (T & { reason_code?: CodedText })[] {
  return rows.map((r) => {
    const code = rejectReasonCode(r.reason);
    return code ? { ...r, reason_code: code } : r;
  });
}
