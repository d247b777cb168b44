// What makes two files "the same kind": a saved mapping is offered again for a file whose
// signature matches. For a table: the delimiter and the header names in order (normalized:
// trimmed, case-folded, NFKC so full-width and half-width names agree); without a header,
// the column count. For JSON: the set of key paths, in any order.
import type { ColumnMapping } from '../../../common/import-mapping';

const norm = (s: string): string => s.normalize('NFKC').trim().toLowerCase();

export function mappingSignature(mapping: Pick<ColumnMapping, 'format' | 'csv' | 'columns'>): string {
  const sources = mapping.columns.map((c) => norm(c.source));
  if (mapping.format === 'generic-csv') {
    const csv = mapping.csv;
    const delimiter = JSON.stringify(csv?.delimiter ?? ',');
    return csv && !csv.header ? `csv ${delimiter} ${sources.length} columns` : `csv ${delimiter} ${JSON.stringify(sources)}`;
  }
  return `${mapping.format} ${JSON.stringify([...new Set(sources)].sort())}`;
}
