// Microsoft Defender for Endpoint advanced-hunting results as exported: CSV (the portal's
// "Export" of a results grid: a header row of column names, RFC 4180 quoting), JSONL (one row
// object per line) and JSON documents (an array of rows, or the hunting API's
// {"Schema":[...],"Results":[...]} / Graph runHuntingQuery {"schema":[...],"results":[...]}).
// Every shape is keyed by column name and mapped by defender-mapping.ts.
import type { LineFormat, ParseContext, ParseOutcome, RecordParser, SniffSample } from '../types';
import { normalizeHeader, parseCsvRecord, recordObject } from '../csv';
import { parseJsonLine } from '../json-line';
import { lineVote } from '../line-vote';
import { firstJsonByte, jsonDocumentFormat, readJsonDocumentHead, type JsonDocumentLayout } from '../json-document';
import { isDefenderColumns, mapDefenderRow, type Row } from './defender-mapping';

const TIME_SEMANTICS =
  'Timestamp (or TimeGenerated) is UTC: ISO-8601 with up to 7 fractional digits and Z. A zone-less value (e.g. re-saved by a spreadsheet) takes the file time zone.';

function isObj(v: unknown): v is Row {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// ---- CSV ----

function csvHeader(line: string): string[] | null {
  const fields = parseCsvRecord(line.replace(/^\ufeff/, ''));
  return fields ? normalizeHeader(fields) : null;
}

function createCsvParser(ctx: ParseContext): RecordParser {
  let header: string[] | null = null;
  return {
    parseLine(line: string): ParseOutcome {
      if (line.trim() === '') return { kind: 'skip' };
      const fields = parseCsvRecord(line);
      if (fields === null) return { kind: 'more' };
      if (!header) {
        const h = normalizeHeader(fields);
        if (!isDefenderColumns(h)) return { kind: 'reject', reason: 'expected a header row of Defender advanced-hunting columns (Timestamp, DeviceName, ActionType...)' };
        header = h;
        return { kind: 'skip' };
      }
      if (fields.length !== header.length) {
        return { kind: 'reject', reason: `${fields.length} fields where the header names ${header.length}` };
      }
      return mapDefenderRow(recordObject(header, fields), ctx);
    },
  };
}

export const defenderCsvFormat: LineFormat = {
  id: 'defender-hunting-csv',
  name: 'Microsoft Defender for Endpoint advanced hunting (CSV)',
  family: 'edr',
  description:
    'Advanced-hunting results exported as CSV (DeviceProcessEvents, DeviceNetworkEvents, DeviceFileEvents, DeviceRegistryEvents, DeviceEvents...), any projection of columns.',
  timeSemantics: TIME_SEMANTICS,
  sniff(sample: SniffSample): number {
    const first = sample.lines[0];
    if (first === undefined) return 0;
    const header = csvHeader(first);
    return header && isDefenderColumns(header) ? 0.95 : 0;
  },
  createParser: (ctx) => createCsvParser(ctx),
};

// ---- JSONL ----

function rowFromLine(line: string): Row | string | null {
  const t = line.trim();
  if (t === '') return null;
  const parsed = parseJsonLine(t);
  if (!parsed.ok) return `invalid JSON: ${parsed.error}`;
  return isObj(parsed.value) ? parsed.value : `not a JSON object (${Array.isArray(parsed.value) ? 'array' : typeof parsed.value})`;
}

export const defenderJsonlFormat: LineFormat = {
  id: 'defender-hunting-jsonl',
  name: 'Microsoft Defender for Endpoint advanced hunting (JSONL)',
  family: 'edr',
  description: 'Advanced-hunting rows as JSON Lines, one row object per line (any projection of the Device* tables, union schemas too).',
  timeSemantics: TIME_SEMANTICS,
  sniff: (sample) =>
    lineVote(sample.lines, (line) => {
      if (line.trimStart().charCodeAt(0) !== 123) return false;
      const o = rowFromLine(line);
      return typeof o === 'object' && o !== null && isDefenderColumns(Object.keys(o));
    }),
  createParser(ctx) {
    return {
      parseLine(line: string): ParseOutcome {
        const o = rowFromLine(line);
        if (o === null) return { kind: 'skip' };
        if (typeof o === 'string') return { kind: 'reject', reason: o };
        return mapDefenderRow(o, ctx);
      },
    };
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
  sniff(sample: SniffSample): number {
    const c = firstJsonByte(sample.head);
    if (c !== 0x5b && c !== 0x7b) return 0;
    const head = readJsonDocumentHead(sample.head, LAYOUT, 5);
    if (head.layout === null || head.records.length === 0) return 0;
    return head.records.every((r) => isDefenderColumns(Object.keys(r))) ? 0.95 : 0;
  },
  createMapper: (ctx) => (row) => mapDefenderRow(row, ctx),
});
