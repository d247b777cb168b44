// Carbon Black Cloud search and alert results:
// - API JSON: a search response {"results":[...], "num_found": N, ...} (process search,
//   enriched-event search, alert search), or one alert object (GET /alerts/{id}); records are
//   streamed out of the document by json-document.ts, never loading the file whole.
// - CSV exports of the same records: a header row naming the API fields (device_name,
//   process_name, event_type, backend_timestamp...). Fields that are lists in JSON arrive as
//   text; the first hash-looking value of a hash field is used.
// Mapping (and time semantics) in cbc-mapping.ts.
import type { LineFormat, ParseOutcome, SniffSample } from '../types';
import { headedCsvParser, sniffCsvHeader } from '../csv';
import { jsonDocumentFormat, sniffJsonDocument, type JsonDocumentLayout } from '../json-document';
import { cbcKind, mapCbcRecord, type Obj } from './cbc-mapping';

const TIME_SEMANTICS =
  'ISO-8601 UTC (Z). Alerts: detection_timestamp (else backend_timestamp/create_time); enriched events: event_timestamp (device clock); process results: process_start_time, else device_timestamp. The file time zone is not used.';

const LAYOUT: JsonDocumentLayout = { arrayKeys: ['results'], singleObject: true };

function mapOne(o: Obj): ParseOutcome {
  const kind = cbcKind(o);
  if (!kind) return { kind: 'reject', reason: 'not a Carbon Black Cloud alert, event or process record (no alert type/id, or no process_guid with a device time)' };
  return mapCbcRecord(o, kind);
}

export const cbcJsonFormat = jsonDocumentFormat({
  id: 'carbonblack-cloud-json',
  name: 'Carbon Black Cloud API JSON',
  family: 'edr',
  description: 'Carbon Black Cloud process search, enriched-event search and alert (v7) search results as API JSON ({"results":[...]}), or one alert object.',
  timeSemantics: TIME_SEMANTICS,
  layout: LAYOUT,
  sniff: (sample: SniffSample) => sniffJsonDocument(sample.head, LAYOUT, (r) => cbcKind(r) !== null, [0x7b]),
  createMapper: () => (o) => mapOne(o),
});

/** A CSV header naming Carbon Black Cloud fields: a process GUID, a device, and a CBC time field. */
function isCbcHeader(h: readonly string[]): boolean {
  const set = new Set(h);
  const time = ['backend_timestamp', 'device_timestamp', 'event_timestamp', 'detection_timestamp', 'process_start_time'].some((k) => set.has(k));
  const alert = set.has('id') && set.has('type') && (set.has('reason') || set.has('detection_timestamp'));
  return time && set.has('device_name') && (set.has('process_guid') || alert);
}

export const cbcCsvFormat: LineFormat = {
  id: 'carbonblack-cloud-csv',
  name: 'Carbon Black Cloud CSV export',
  family: 'edr',
  description: 'Carbon Black Cloud alerts, processes or events exported as CSV with the API field names as the header row.',
  timeSemantics: TIME_SEMANTICS,
  sniff: (sample: SniffSample) => sniffCsvHeader(sample, isCbcHeader),
  createParser: () =>
    headedCsvParser({
      isHeader: isCbcHeader,
      headerReason: 'expected a header row of Carbon Black Cloud fields (device_name, process_guid, backend_timestamp...)',
      map: mapOne,
    }),
};
