// generic-json and generic-jsonl: JSON records read with a column mapping; nested keys are
// flattened to dot paths ("src.ip"). generic-json reads a document (a top-level array of
// objects, or an object whose array property holds them, streamed record by record);
// generic-jsonl one object per line. Never chosen by sniffing (see generic-csv.ts).
//
// Time semantics: those of the mapping's timestamp layout (timestamp-formats.ts).
import type { LineFormat, RecordFormat } from '../types';
import { createJsonDocumentReader } from '../json-document';
import { jsonObjectLineParser } from '../json-line';
import { documentLayout, flattenRecord } from './json-layout';
import { requireMapping } from './require-mapping';
import { createRowMapper } from './row-to-event';

const TIME_SEMANTICS = "As the mapping's timestamp layout says: epoch UTC, stated offsets kept, other stamps in the file's zone (assumed)";

export const genericJsonFormat: RecordFormat = {
  id: 'generic-json',
  name: 'Generic JSON document (column mapping)',
  family: 'generic',
  description: 'A JSON array of objects, or an object holding one ({"results":[...]}), with a column mapping; never auto-detected',
  timeSemantics: TIME_SEMANTICS,
  sniff: () => 0,
  createRecordReader(ctx) {
    const mapping = requireMapping(ctx, 'generic-json');
    const mapRow = createRowMapper(mapping, ctx);
    return createJsonDocumentReader(documentLayout(mapping.json?.arrayKey), (record) => mapRow(flattenRecord(record)));
  },
};

export const genericJsonlFormat: LineFormat = {
  id: 'generic-jsonl',
  name: 'Generic JSON Lines (column mapping)',
  family: 'generic',
  description: 'One JSON object per line (JSONL/NDJSON) with a column mapping; never auto-detected',
  timeSemantics: TIME_SEMANTICS,
  sniff: () => 0,
  createParser(ctx) {
    const mapping = requireMapping(ctx, 'generic-jsonl');
    const mapRow = createRowMapper(mapping, ctx);
    return jsonObjectLineParser((o) => mapRow(flattenRecord(o)));
  },
};
