// Which column mapping an ingest uses: the one given (validated, and checked against the
// file's header), else for a generic format forced without one the case's saved mapping
// for this file's signature, else the proposal (when it found a timestamp column).
import type { ColumnMapping, GenericFormatId } from '../../../common/import-mapping';
import { UnreadableInputError } from '../../errors';
import type { TextEncoding } from '../encoding';
import type { CaseStore } from '../../store/case-store';
import { csvRecords, headerSources } from '../../formats/generic/csv-layout';
import { readFileSample, sampleLines } from './file-sample';
import { isGenericFormat } from '../../formats/generic/index';
import { proposeFromSample } from './propose-mapping';
import { findSavedMapping } from './saved-mappings';
import { MappingError, validateMapping } from '../../formats/generic/validate-mapping';
import { quoted } from '../../formats/generic/quoted';

export interface MappingRequest {
  path: string;
  format?: string;
  mapping?: unknown;
  timezone: string;
  encoding?: TextEncoding;
}

export interface ResolvedMapping {
  format: GenericFormatId;
  mapping: ColumnMapping;
  /** The zone for zone-less stamps: the mapping's own, else the one asked for. */
  timezone: string;
  /** Where the mapping came from, for the custody log. */
  origin: 'given' | { saved: string } | 'proposed';
}

/** The CSV header must hold every column the mapping reads by name. */
function checkHeader(path: string, mapping: ColumnMapping, encoding?: TextEncoding): void {
  const csv = mapping.csv;
  if (mapping.format !== 'generic-csv' || !csv?.header) return;
  const lines = sampleLines(readFileSample(path, encoding));
  const header = csvRecords(lines, csv.delimiter, csv.skipRecords + 1)[csv.skipRecords];
  if (!header) throw new UnreadableInputError('no header row where the column mapping expects one', { code: 'mapping.noHeader' });
  const names = headerSources(header.fields);
  const missing = mapping.columns.filter((c) => c.target !== 'extra' && c.target !== 'ignore' && !names.includes(c.source));
  if (missing.length) {
    const lacks = missing.map((c) => quoted(c.source)).join(', ');
    const has = names.slice(0, 12).map((n) => quoted(n, 40)).join(', ');
    throw new UnreadableInputError(`the header lacks ${lacks} named in the column mapping (header: ${has})`, { code: 'mapping.headerLacks', params: { lacks, header: has } });
  }
}

/** Null when the ingest needs no mapping (a specific format, or detection). */
export function resolveMapping(store: CaseStore, req: MappingRequest): ResolvedMapping | null {
  if (req.mapping !== undefined && req.mapping !== null) {
    let mapping: ColumnMapping;
    try {
      mapping = validateMapping(req.mapping);
    } catch (err) {
      if (err instanceof MappingError) throw new UnreadableInputError(`column mapping: ${err.message}`, { code: 'mapping.problem', params: { problem: err.coded ?? { code: 'text', params: { text: err.message } } } });
      throw err;
    }
    if (req.format !== undefined && req.format !== mapping.format) {
      throw new UnreadableInputError(`the column mapping is for ${mapping.format}, not --format ${req.format}`);
    }
    checkHeader(req.path, mapping, req.encoding);
    return { format: mapping.format, mapping, timezone: mapping.timezone ?? req.timezone, origin: 'given' };
  }
  if (!isGenericFormat(req.format)) return null;
  const format = req.format as GenericFormatId;
  const proposal = proposeFromSample('', readFileSample(req.path, req.encoding), format);
  const saved = findSavedMapping(store, proposal.signature);
  if (saved && saved.format === format) {
    return { format, mapping: saved.mapping, timezone: saved.mapping.timezone ?? req.timezone, origin: { saved: saved.name } };
  }
  if (!proposal.time) {
    throw new UnreadableInputError(
      'no column reads as timestamps: write a mapping (`tracelight mapping propose FILE --json > m.json`, edit it) and ingest with --mapping m.json',
    );
  }
  return { format: proposal.mapping.format, mapping: proposal.mapping, timezone: proposal.mapping.timezone ?? req.timezone, origin: 'proposed' };
}
