// CrowdStrike Falcon Event Search / LogScale exports of sensor events, in the three shapes the
// consoles write: CSV with a header row of field names, JSON Lines, and a JSON array (or a
// {"resources":[...]} / {"events":[...]} / {"results":[...]} response). Mapping and time in
// falcon-events.ts.
import type { LineFormat, SniffSample } from '../types';
import { headedCsvParser, sniffCsvHeader } from '../csv';
import { jsonObjectLineParser, parseJsonObjectLine } from '../json-line';
import { lineVote } from '../line-vote';
import { jsonDocumentFormat, sniffJsonDocument, type JsonDocumentLayout } from '../json-document';
import { isFalconEventFields, mapFalconEvent } from './falcon-events';

const TIME_SEMANTICS =
  'ContextTimeStamp (sensor clock, epoch seconds), else ProcessStartTime (epoch seconds), else timestamp (epoch ms, cloud receipt); all UTC. The file time zone is not used.';

export const falconCsvFormat: LineFormat = {
  id: 'crowdstrike-falcon-events-csv',
  name: 'CrowdStrike Falcon Event Search (CSV)',
  family: 'edr',
  description: 'Falcon sensor events (ProcessRollup2, NetworkConnectIP4, DnsRequest...) exported from Event Search/LogScale as CSV.',
  timeSemantics: TIME_SEMANTICS,
  sniff: (sample: SniffSample) => sniffCsvHeader(sample, isFalconEventFields),
  createParser: () =>
    headedCsvParser({
      isHeader: isFalconEventFields,
      headerReason: 'expected a header row of Falcon event fields (event_simpleName, aid, timestamp...)',
      map: mapFalconEvent,
    }),
};

export const falconJsonlFormat: LineFormat = {
  id: 'crowdstrike-falcon-events-jsonl',
  name: 'CrowdStrike Falcon Event Search (JSON Lines)',
  family: 'edr',
  description: 'Falcon sensor events exported from Event Search/LogScale as JSON, one event object per line.',
  timeSemantics: TIME_SEMANTICS,
  sniff: (sample) =>
    lineVote(sample.lines, (line) => {
      if (line.trimStart().charCodeAt(0) !== 123) return false;
      const o = parseJsonObjectLine(line);
      return typeof o === 'object' && o !== null && isFalconEventFields(Object.keys(o));
    }),
  createParser: () => jsonObjectLineParser((o) => mapFalconEvent(o)),
};

const LAYOUT: JsonDocumentLayout = { arrayKeys: ['resources', 'events', 'results'] };

export const falconJsonFormat = jsonDocumentFormat({
  id: 'crowdstrike-falcon-events-json',
  name: 'CrowdStrike Falcon Event Search (JSON document)',
  family: 'edr',
  description: 'Falcon sensor events as one JSON document: an array of events, or a response with resources[]/events[]/results[].',
  timeSemantics: TIME_SEMANTICS,
  layout: LAYOUT,
  sniff: (sample: SniffSample) => sniffJsonDocument(sample.head, LAYOUT, (r) => isFalconEventFields(Object.keys(r))),
  createMapper: () => (o) => mapFalconEvent(o),
});
