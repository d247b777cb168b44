// Saving a column mapping in the case: one mapping.saved custody entry (who, when, the
// mapping itself) whose effect adds the import_mapping row read by ingest/mapping/.
import type { SavedMapping } from '../../common/import-mapping';
import { mappingSignature } from '../formats/generic/signature';
import { MappingError, validateMapping } from '../formats/generic/validate-mapping';
import { COLUMNS, toSaved, type SavedMappingRow } from '../ingest/mapping/saved-mappings';
import { registerReplayEffect } from './effects';
import type { CaseSession } from './session';

const MAX_NAME = 100;

/** Validates, then records mapping.saved; returns the saved row. */
export function saveMapping(session: CaseSession, name: string, input: unknown): SavedMapping {
  const clean = String(name ?? '').normalize('NFC').trim();
  if (!clean) throw new MappingError('a saved mapping needs a name');
  if (clean.length > MAX_NAME) throw new MappingError(`a mapping name has at most ${MAX_NAME} characters`);
  const mapping = validateMapping(input);
  const entry = session.record('mapping.saved', { name: clean, signature: mappingSignature(mapping), format: mapping.format, mapping });
  return toSaved(session.store.all<SavedMappingRow>(`SELECT ${COLUMNS} FROM import_mapping WHERE id = ?`, [entry.id])[0]!);
}

/** The effect of a mapping.saved entry (idempotent on replay). */
registerReplayEffect('mapping.saved', (store, e) => {
  const d = e.details;
  store.db.run(
    `INSERT OR IGNORE INTO import_mapping (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [e.id, String(d.name), String(d.signature), String(d.format), JSON.stringify(d.mapping), e.examiner, e.time],
  );
});
