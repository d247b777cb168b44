// Commits inside one file's ingest, and the undo that replaces ROLLBACK once one happened.
//
// Why: the case runs with journal_mode = MEMORY, so a transaction keeps in memory the
// original of every page that existed when it began and that it changes. A file's rows go
// into the time index (event_row_time) between the earlier files' rows of the same times:
// over a whole file that touches nearly every leaf of the index, and the journal grew to
// the index's size (~40 B per event already in the case: ~650 MiB when the last file of a
// 20M-event case went in, most of the 1.1 GiB peak measured). Logs are written in time
// order, so the pages one stretch of the file touches are few; committing every
// CHECKPOINT_ROWS rows keeps the journal to those.
//
// The case on disk is not touched by these commits (store/case-file.ts holds what they change
// apart, behind its own rollback journal, until CaseStore.save()), so a crash still leaves
// the case as it was. What
// a commit takes away is ROLLBACK over the whole file: a cancel or a failure then deletes
// what the file stored, in the same bounded steps, which leaves the case as ROLLBACK would
// have (the same rows, and the ids SQLite hands out next).
import type { Database } from 'sql.js';

/** Rows between commits: a batch is 2048 rows; 8 batches bound the journal to the pages they touch. */
export const CHECKPOINT_ROWS = 16_384;

export class IngestCheckpoints {
  /** True once a commit made part of this file's ingest permanent in the open case. */
  committed = false;
  private sinceCommit = 0;

  constructor(
    private readonly db: Database,
    /** The first event_row id this file's rows can have (every earlier row has a lower one). */
    readonly firstRowId: number,
  ) {}

  /** Called after each stored batch; commits when enough rows went in since the last commit. */
  stored(rows: number): void {
    this.sinceCommit += rows;
    if (this.sinceCommit >= CHECKPOINT_ROWS) this.commit();
  }

  /**
   * Commits what the open transaction holds and opens the next one; only when the case held
   * events before this file. Into an empty case nothing old is changed, so the journal stays
   * small, and a cancel keeps the instant ROLLBACK instead of deleting what was stored (which
   * takes as long as storing it did).
   */
  commit(): void {
    if (this.firstRowId <= 1) return;
    this.db.exec('COMMIT; BEGIN');
    this.sinceCommit = 0;
    this.committed = true;
  }

  /**
   * After ROLLBACK of the open part: deletes what earlier commits kept of this evidence, in
   * id ranges with commits between them (the same bound on the journal as the inserts).
   * The caller then drops the file's rollups and resolves hosts again (file-ingest.ts).
   */
  undo(evidenceId: number): void {
    if (!this.committed) return;
    const db = this.db;
    const last = Number(db.exec('SELECT coalesce(max(id), 0) FROM event_row')[0]?.values[0]?.[0] ?? 0);
    for (let from = this.firstRowId; from <= last; from += CHECKPOINT_ROWS) {
      db.exec('BEGIN');
      db.run('DELETE FROM event_row WHERE id >= ? AND id < ? AND evidence_id = ?', [from, from + CHECKPOINT_ROWS, evidenceId]);
      db.exec('COMMIT');
    }
    db.exec('BEGIN');
    db.run('DELETE FROM rejected_record WHERE evidence_id = ?', [evidenceId]);
    db.run('DELETE FROM evidence WHERE id = ?', [evidenceId]);
    db.exec('COMMIT');
  }
}
