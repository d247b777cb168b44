// Column mappings saved in the case (the import_mapping table, filled by mapping.saved custody
// entries: custody/save-mapping.ts). A file whose signature matches a saved mapping is offered
// that mapping again.
import type { ColumnMapping, SavedMapping } from '../../../common/import-mapping';
import type { CaseStore } from '../../store/case-store';

export interface SavedMappingRow {
  id: number;
  name: string;
  signature: string;
  format: string;
  mapping: string;
  created_by: string;
  created_at: string;
}

export function toSaved(r: SavedMappingRow): SavedMapping {
  const mapping = JSON.parse(r.mapping) as ColumnMapping;
  return { id: r.id, name: r.name, signature: r.signature, format: mapping.format, mapping, created_by: r.created_by, created_at: r.created_at };
}

export const COLUMNS = 'id, name, signature, format, mapping, created_by, created_at';

/** The newest version of every saved name, newest first. */
export function listSavedMappings(store: CaseStore): SavedMapping[] {
  return store
    .all<SavedMappingRow>(`SELECT ${COLUMNS} FROM import_mapping WHERE id IN (SELECT max(id) FROM import_mapping GROUP BY name) ORDER BY id DESC`)
    .map(toSaved);
}

/** The newest saved mapping for files with this signature (still current under its name). */
export function findSavedMapping(store: CaseStore, signature: string): SavedMapping | null {
  return listSavedMappings(store).find((m) => m.signature === signature) ?? null;
}

export function findSavedMappingByName(store: CaseStore, name: string): SavedMapping | null {
  const row = store.all<SavedMappingRow>(`SELECT ${COLUMNS} FROM import_mapping WHERE name = ? ORDER BY id DESC LIMIT 1`, [name.normalize('NFC').trim()])[0];
  return row ? toSaved(row) : null;
}
