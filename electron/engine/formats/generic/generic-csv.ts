// generic-csv: any delimited table (CSV, TSV, semicolon or pipe separated) read with a
// column mapping. Never chosen by sniffing: specific formats keep every file they know, and
// a table no format knows is offered to the examiner with a proposed mapping instead.
//
// Time semantics: those of the mapping's timestamp layout (timestamp-formats.ts): epoch
// values UTC, stated offsets kept, every other stamp in the file's zone (assumed).
import type { LineFormat, ParseOutcome } from '../types';
import { parseCsvRecord } from '../csv';
import { headerSources, positionalSources } from './csv-layout';
import { quoted } from './quoted';
import { requireMapping } from './require-mapping';
import { createRowMapper } from './row-to-event';

export const genericCsvFormat: LineFormat = {
  id: 'generic-csv',
  name: 'Generic CSV/TSV (column mapping)',
  family: 'generic',
  description: 'Any delimited table (comma, tab, semicolon, pipe) with a column mapping the examiner confirms; never auto-detected',
  timeSemantics: "As the mapping's timestamp layout says: epoch UTC, stated offsets kept, other stamps in the file's zone (assumed)",
  sniff: () => 0,
  createParser(ctx) {
    const mapping = requireMapping(ctx, 'generic-csv');
    const layout = mapping.csv ?? { delimiter: ',', header: true, skipRecords: 0 };
    const mapRow = createRowMapper(mapping, ctx);
    // The columns the mapping reads by name must be in the header; a header without them
    // would map every row onto the wrong fields, so the rows are rejected with the reason.
    const named = mapping.columns.filter((c) => c.target !== 'extra' && c.target !== 'ignore').map((c) => c.source);
    let seen = 0;
    let sources: string[] | null = null;
    let headerCells: string | null = null;
    let unusable: string | null = null;
    return {
      parseLine(line: string): ParseOutcome {
        const fields = parseCsvRecord(line, layout.delimiter);
        if (fields === null) return { kind: 'more' };
        if (++seen <= layout.skipRecords) return { kind: 'skip' };
        if (sources === null) {
          if (layout.header) {
            sources = headerSources(fields);
            headerCells = fields.join('\u0000');
            const missing = named.filter((s) => !sources!.includes(s));
            if (missing.length) {
              unusable = `the header lacks ${missing.map((m) => quoted(m)).join(', ')} named in the column mapping`;
              return { kind: 'reject', reason: unusable };
            }
            return { kind: 'skip' };
          }
          sources = positionalSources(Math.max(mapping.columns.length, fields.length));
        }
        if (unusable) return { kind: 'reject', reason: `not read: ${unusable}` };
        // Exports concatenated from several runs repeat their header: not a record.
        if (headerCells !== null && fields.join('\u0000') === headerCells) return { kind: 'skip' };
        if (layout.header ? fields.length !== sources.length : fields.length > sources.length) {
          return { kind: 'reject', reason: `${fields.length} fields where the ${layout.header ? 'header names' : 'mapping has'} ${sources.length}` };
        }
        return mapRow(fields.map((f, i) => [sources![i]!, f]));
      },
    };
  },
};
