// Reading the evidence registry.
import type { EvidenceSummary } from '../../common/schema';
import type { CaseStore } from './case-store';

const EVIDENCE_COLUMNS =
  'id, path, name, size, mtime, sha256, sha1, md5, format, encoding, timezone, events, rejected, status, added_at,\n  exhibit, provided_by, acquired_at, acquired_how, source_host,\n  encoding_source, base_year, base_year_source, container, parent_id, entry_name, clock_skew_ms';

export function listEvidence(store: CaseStore): EvidenceSummary[] {
  return store.all<EvidenceSummary>(`SELECT ${EVIDENCE_COLUMNS} FROM evidence ORDER BY id`);
}

export function readEvidence(store: CaseStore, id: number): EvidenceSummary {
  const row = store.all<EvidenceSummary>(`SELECT ${EVIDENCE_COLUMNS} FROM evidence WHERE id = ?`, [id])[0];
  if (!row) throw new Error(`no evidence #${id}`);
  return row;
}
