// Column mappings saved in the case: each save is a mapping.saved custody entry (who, when,
// the mapping itself), applied to the import_mapping table. A file whose signature matches
// a saved mapping is offered that mapping again.
import type { ColumnMapping, SavedMapping } from '../../../common/import-mapping';
import type { CustodyEntry } from '../../custody/chain';
import type { CaseSession } from '../../custody/session';
import type { CaseStore } from '../../store/case-store';
import { mappingSignature } from './signature';
import { MappingError, validateMapping } from './validate-mapping';

const MAX_NAME = 100;

interface Row {
  id: number;
  name: string;
  signature: string;
  format: string;
  mapping: string;
  created_by: string;
  created_at: string;
}

function toSaved(r: Row): SavedMapping {
  const mapping = JSON.parse(r.mapping) as ColumnMapping;
  return { id: r.id, name: r.name, signature: r.signature, format: mapping.format, mapping, created_by: r.created_by, created_at: r.created_at };
}

const COLUMNS = 'id, name, signature, format, mapping, created_by, created_at';

/** The newest version of every saved name, newest first. */
export function listSavedMappings(store: CaseStore): SavedMapping[] {
  return store
    .all<Row>(`SELECT ${COLUMNS} FROM import_mapping WHERE id IN (SELECT max(id) FROM import_mapping GROUP BY name) ORDER BY id DESC`)
    .map(toSaved);
}

/** The newest saved mapping for files with this signature (still current under its name). */
export function findSavedMapping(store: CaseStore, signature: string): SavedMapping | null {
  return listSavedMappings(store).find((m) => m.signature === signature) ?? null;
}

export function findSavedMappingByName(store: CaseStore, name: string): SavedMapping | null {
  const row = store.all<Row>(`SELECT ${COLUMNS} FROM import_mapping WHERE name = ? ORDER BY id DESC LIMIT 1`, [name.normalize('NFC').trim()])[0];
  return row ? toSaved(row) : null;
}

/** Validates, then records mapping.saved; returns the saved row. */
export function saveMapping(session: CaseSession, name: string, input: unknown): SavedMapping {
  const clean = String(name ?? '').normalize('NFC').trim();
  if (!clean) throw new MappingError('a saved mapping needs a name');
  if (clean.length > MAX_NAME) throw new MappingError(`a mapping name has at most ${MAX_NAME} characters`);
  const mapping = validateMapping(input);
  const entry = session.record('mapping.saved', { name: clean, signature: mappingSignature(mapping), format: mapping.format, mapping });
  return toSaved(session.store.all<Row>(`SELECT ${COLUMNS} FROM import_mapping WHERE id = ?`, [entry.id])[0]!);
}

/** custody/apply.ts: the effect of a mapping.saved entry (idempotent on replay). */
export function applyMappingSaved(store: CaseStore, e: CustodyEntry, d: Record<string, unknown>): void {
  store.db.run(
    `INSERT OR IGNORE INTO import_mapping (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [e.id, String(d.name), String(d.signature), String(d.format), JSON.stringify(d.mapping), e.examiner, e.time],
  );
}
