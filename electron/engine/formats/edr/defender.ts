// Microsoft Defender for Endpoint advanced-hunting results as exported: CSV (the portal's
// "Export" of a results grid: a header row of column names, RFC 4180 quoting), JSONL (one row
// object per line) and JSON documents (an array of rows, or the hunting API's
// {"Schema":[...],"Results":[...]} / Graph runHuntingQuery {"schema":[...],"results":[...]}).
// Every shape is keyed by column name and mapped by defender-mapping.ts.
import type { LineFormat, ParseContext, RecordParser, SniffSample } from '../types';
import { headedCsvParser, sniffCsvHeader } from '../csv';
import { jsonObjectLineParser, parseJsonObjectLine } from '../json-line';
import { lineVote } from '../line-vote';
import { jsonDocumentFormat, sniffJsonDocument, type JsonDocumentLayout } from '../json-document';
import { defenderCsvMapper, defenderObjectMapper, isDefenderColumns, type Row } from './defender-mapping';

const TIME_SEMANTICS =
  'Timestamp (or TimeGenerated) is UTC: ISO-8601 with up to 7 fractional digits and Z. A zone-less value (e.g. re-saved by a spreadsheet) takes the file time zone.';

// ---- CSV ----

function createCsvParser(ctx: ParseContext): RecordParser {
  return headedCsvParser({
    isHeader: isDefenderColumns,
    headerReason: 'expected a header row of Defender advanced-hunting columns (Timestamp, DeviceName, ActionType...)',
    compile: (columns) => defenderCsvMapper(columns, ctx),
  });
}

export const defenderCsvFormat: LineFormat = {
  id: 'defender-hunting-csv',
  name: 'Microsoft Defender for Endpoint advanced hunting (CSV)',
  family: 'edr',
  description:
    'Advanced-hunting results exported as CSV (DeviceProcessEvents, DeviceNetworkEvents, DeviceFileEvents, DeviceRegistryEvents, DeviceEvents...), any projection of columns.',
  timeSemantics: TIME_SEMANTICS,
  sniff: (sample: SniffSample) => sniffCsvHeader(sample, isDefenderColumns),
  createParser: (ctx) => createCsvParser(ctx),
};

// ---- JSONL ----

export const defenderJsonlFormat: LineFormat = {
  id: 'defender-hunting-jsonl',
  name: 'Microsoft Defender for Endpoint advanced hunting (JSONL)',
  family: 'edr',
  description: 'Advanced-hunting rows as JSON Lines, one row object per line (any projection of the Device* tables, union schemas too).',
  timeSemantics: TIME_SEMANTICS,
  sniff: (sample) =>
    lineVote(sample.lines, (line) => {
      if (line.trimStart().charCodeAt(0) !== 123) return false;
      const o = parseJsonObjectLine(line);
      return typeof o === 'object' && o !== null && isDefenderColumns(Object.keys(o));
    }),
  createParser: (ctx) => {
    const map = defenderObjectMapper(ctx);
    return jsonObjectLineParser((o) => map(o as Row));
  },
};

// ---- JSON document ----

const LAYOUT: JsonDocumentLayout = { arrayKeys: ['Results', 'results', 'value'] };

export const defenderJsonFormat = jsonDocumentFormat({
  id: 'defender-hunting-json',
  name: 'Microsoft Defender for Endpoint advanced hunting (JSON)',
  family: 'edr',
  description: 'Advanced-hunting results as one JSON document: an array of rows, or the hunting API response {"Schema":[...],"Results":[...]}.',
  timeSemantics: TIME_SEMANTICS,
  layout: LAYOUT,
  sniff: (sample: SniffSample) => sniffJsonDocument(sample.head, LAYOUT, (r) => isDefenderColumns(Object.keys(r))),
  createMapper: (ctx) => defenderObjectMapper(ctx),
});
