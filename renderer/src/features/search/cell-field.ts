// Which query field and value a grid cell stands for (the grid shows some columns combined).
import type { EventRow } from '../../contracts';

export interface CellValue {
  field: string;
  value: string | number | null;
}

export function cellField(columnId: string, row: EventRow): CellValue {
  switch (columnId) {
    case 'dst':
      return { field: 'dst_ip', value: row.dst_ip };
    case 'url':
      return row.url !== null ? { field: 'url', value: row.url } : { field: 'domain', value: row.domain };
    case 'hash':
      return row.file_hash !== null && row.file_hash !== undefined ? { field: 'file_hash', value: row.file_hash } : { field: 'process_hash', value: row.process_hash ?? null };
    default:
      return { field: columnId, value: columnId in row ? (row[columnId as keyof EventRow] ?? null) : null };
  }
}
