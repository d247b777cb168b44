// An open case as custody sees it: the database, the examiner acting on it, the single-writer
// lock, the journal, and the verified custody chain. Every change goes through record():
// the entry is fsynced to the journal before it is applied in memory and before the caller
// can answer anyone, so whatever was reported as saved survives a kill of the process.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CodedText } from '../../common/coded-text';
import { CodedError } from '../coded-error';
import { CaseError, CaseStore, type CaseMeta } from '../store/case-store';
import { VERSION } from '../version';
import type { CustodyAction, CustodyActionDetails } from '../../common/custody-actions';
import { isKnownAction } from '../../common/custody-actions';
import { applyEntry } from './apply';
import { newerVersionReason } from './effects';
import { canonicalJson, GENESIS_HASH, sealEntry, verifyChain, type ChainStatus, type CustodyEntry } from './chain';
import { resolveExaminer, workstation, type Examiner } from './identity';
import { Journal, journalPath, readJournal, type JournalContents } from './journal';
import { acquireLock } from './lock';
import { recoverInterruptedIngests } from './recovery';


export interface OpenOptions {
  /** The examiner's name; defaults to TRACELIGHT_EXAMINER, then the OS user. */
  examiner?: string;
  /** Create the case when the file does not exist. */
  create?: { name?: string; timezone?: string };
  /** Open without taking the lock or recording anything (inspection commands). */
  readOnly?: boolean;
  /** Record a case.opened entry (default true for writers). */
  recordOpen?: boolean;
}

/** How often a reader of a case another Tracelight holds reads its custody chain before calling it broken. */
const CHAIN_READS = 3;

export class CaseSession {
  private journal: Journal | null = null;
  private releaseLock: (() => void) | null = null;
  private dirty = false;
  readOnlyReason: string | null = null;
  /** `readOnlyReason` as a code (common/coded-text.ts), set with it; null when none fits. */
  readOnlyCode: CodedText | null = null;
  chain: ChainStatus = { ok: true, count: 0, head: GENESIS_HASH };

  private constructor(
    readonly store: CaseStore,
    public examiner: Examiner,
  ) {}

  get path(): string {
    return this.store.path;
  }

  get readOnly(): boolean {
    return this.readOnlyReason !== null;
  }

  static async open(file: string, opts: OpenOptions = {}): Promise<CaseSession> {
    for (let attempt = 1; ; attempt++) {
      const session = await CaseSession.openOnce(file, opts);
      // Another Tracelight holds the case and saves it in place while this one reads: the
      // chain's parts (the entries, the anchors in case_meta, the journal) are separate reads
      // and a save between two of them pairs an old part with a new one. A mismatch that is
      // still there when read again is real.
      if (session.chain.ok || session.releaseLock !== null || opts.readOnly || attempt === CHAIN_READS) return session;
      session.store.close();
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }

  private static async openOnce(file: string, opts: OpenOptions): Promise<CaseSession> {
    const examiner = resolveExaminer(opts.examiner);
    const creating = opts.create !== undefined && !existsSync(file);
    if (creating && existsSync(journalPath(file))) {
      // The case file is gone but its journal is not: replaying it into a new case would
      // graft another case's custody entries onto this one, and deleting it would lose them.
      throw new CaseError(
        `${file}: no case file, but ${path.basename(journalPath(file))} from an earlier case is still there; restore that case file or move the journal away`,
      );
    }
    // The lock first: only its holder may write the file, or restore a journal an interrupted
    // save left (doing that under a live writer would undo its save).
    let readOnlyReason: string | null = opts.readOnly ? 'opened for inspection only' : null;
    let readOnlyCode: CodedText | null = opts.readOnly ? { code: 'readOnly.inspection' } : null;
    let releaseLock: (() => void) | null = null;
    if (!opts.readOnly) {
      const lock = acquireLock(path.resolve(file), examiner.name);
      if (lock.acquired) releaseLock = lock.release;
      else {
        readOnlyReason = lock.reason;
        readOnlyCode = lock.coded;
      }
    }
    // Another Tracelight holds the case and may save it while we read: it writes the case file,
    // then restarts its journal from a checkpoint. Read in the other order (the journal, then
    // the case file) and whatever save falls between the two reads, the case file holds at
    // least what the journal says; the other way a reader could pair the old file with the new
    // checkpoint and report a broken chain that is not.
    const journalFirst = readOnlyReason !== null ? readJournal(journalPath(file)) : undefined;
    let store: CaseStore;
    try {
      store = creating ? await CaseStore.create(file, opts.create) : await CaseStore.open(file, { writer: readOnlyReason === null });
    } catch (err) {
      releaseLock?.();
      throw err;
    }
    const session = new CaseSession(store, examiner);
    session.readOnlyReason = readOnlyReason;
    session.readOnlyCode = readOnlyCode;
    session.releaseLock = releaseLock;
    session.loadChain(journalFirst ?? readJournal(journalPath(store.path)));
    if (session.readOnly) recoverInterruptedIngests(session);
    else {
      session.journal = new Journal(journalPath(store.path));
      if (creating) session.record('case.created', { caseId: store.meta().caseId, name: store.meta().name, timezone: store.meta().timezone });
      recoverInterruptedIngests(session);
      // Everything replayed or recovered goes into the case file now, and the journal restarts.
      session.checkpoint(true);
      if (opts.recordOpen !== false && !creating) session.record('case.opened', { readOnly: false });
    }
    return session;
  }

  /** Verifies the stored chain, its anchors, and replays journal entries the case file lacks. */
  private loadChain(journal: JournalContents): void {
    const stored = this.entries();
    let status = verifyChain(stored);
    // An action this version does not know has an effect this version cannot replay or keep
    // consistent: the case is shown as it is and nothing is written to it.
    let unknown = stored.find((e) => !isKnownAction(e.action))?.action ?? null;
    const anchoredCount = Number(this.store.getMeta('custodyCount') ?? 0);
    const anchoredHead = this.store.getMeta('custodyHead') ?? GENESIS_HASH;
    const fail = (entryId: number, reason: string): void => {
      if (status.ok) status = { ...status, ok: false, problem: { entryId, reason } };
    };
    if (status.ok && (anchoredCount !== status.count || anchoredHead !== status.head)) {
      fail(Math.min(anchoredCount, status.count) + 1, `the case records ${anchoredCount} custody entries but holds ${status.count} (entries deleted or added behind Tracelight's back)`);
    }
    if (journal.damaged) fail(status.count + 1, journal.damaged);
    const cp = journal.checkpoint;
    if (cp && cp.count > 0 && stored[cp.count - 1]?.entry_hash !== cp.head) {
      fail(Math.min(cp.count, stored.length + 1), `the journal's checkpoint (entry ${cp.count}) does not match the case file (entries removed or rewritten)`);
    }
    for (const e of journal.entries) {
      if (e.id <= stored.length) {
        if (stored[e.id - 1]?.entry_hash !== e.entry_hash) fail(e.id, `entry ${e.id} differs between the journal and the case file`);
        continue;
      }
      if (!status.ok) break;
      if (!isKnownAction(e.action)) {
        unknown ??= e.action;
        break;
      }
      if (e.id !== status.count + 1 || e.prev_hash !== status.head || sealEntry(e).entry_hash !== e.entry_hash) {
        fail(e.id, `journal entry ${e.id} does not continue the chain`);
        break;
      }
      this.applyAndStore(e);
      this.dirty = true;
      status = { ok: true, count: e.id, head: e.entry_hash };
    }
    this.chain = status;
    // Appending after a break would move the anchors past the damage and hide it.
    if (!status.ok && !this.readOnly) {
      this.readOnlyReason = `custody chain broken at entry ${status.problem!.entryId}`;
      this.readOnlyCode = { code: 'readOnly.chainBroken', params: { entry: String(status.problem!.entryId) } };
    }
    if (unknown !== null && !this.readOnly) {
      this.readOnlyReason = newerVersionReason(unknown);
      this.readOnlyCode = { code: 'readOnly.newer', params: { action: unknown } };
    }
  }

  /** A different examiner takes over this open case; the log says who and when. */
  setExaminer(name: string): void {
    const next = resolveExaminer(name);
    if (next.name === this.examiner.name && next.source === this.examiner.source) return;
    const previous = this.examiner;
    this.examiner = next;
    if (!this.readOnly) this.record('examiner.set', { name: next.name, previous: previous.name, previousSource: previous.source });
  }

  entries(): CustodyEntry[] {
    return this.store.all<CustodyEntry>(
      'SELECT id, time, examiner, workstation, version, action, details, prev_hash, entry_hash FROM custody_log ORDER BY id',
    );
  }

  meta(): CaseMeta {
    return this.store.meta();
  }

  requireWritable(): void {
    if (this.readOnlyReason === null) return;
    const reason = this.readOnlyCode ?? { code: 'text', params: { text: this.readOnlyReason } };
    throw new CodedError(`${this.store.path}: case is read-only: ${this.readOnlyReason}`, { code: 'case.readOnly', params: { path: this.store.path, reason } }, 'CaseError');
  }

  /** Journals (fsync), applies and returns one custody entry. */
  record<A extends CustodyAction>(action: A, details: CustodyActionDetails[A]): CustodyEntry {
    this.requireWritable();
    const entry = sealEntry({
      id: this.chain.count + 1,
      time: new Date().toISOString(),
      examiner: this.examiner.source === 'given' ? this.examiner.name : `${this.examiner.name} (${this.examiner.source})`,
      workstation: workstation(),
      version: VERSION,
      action,
      details: canonicalJson(details),
      prev_hash: this.chain.head,
    });
    this.journal!.append(entry);
    this.applyAndStore(entry);
    this.chain = { ok: true, count: entry.id, head: entry.entry_hash };
    this.dirty = true;
    return entry;
  }

  private applyAndStore(e: CustodyEntry): void {
    const db = this.store.db;
    db.exec('SAVEPOINT custody');
    try {
      applyEntry(this.store, e);
      db.run(
        `INSERT INTO custody_log (id, time, examiner, workstation, version, action, details, prev_hash, entry_hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [e.id, e.time, e.examiner, e.workstation, e.version, e.action, e.details, e.prev_hash, e.entry_hash],
      );
      this.store.setMeta('custodyCount', String(e.id));
      this.store.setMeta('custodyHead', e.entry_hash);
      db.exec('RELEASE custody');
    } catch (err) {
      db.exec('ROLLBACK TO custody');
      db.exec('RELEASE custody');
      throw err;
    }
  }

  /** Saves the case atomically, then restarts the journal from the saved state. */
  checkpoint(force = false): void {
    if (this.readOnly || (!this.dirty && !force)) return;
    this.store.save();
    this.journal!.reset({ count: this.chain.count, head: this.chain.head });
    this.dirty = false;
  }

  close(): void {
    try {
      this.checkpoint();
    } finally {
      this.journal?.close();
      this.releaseLock?.();
      this.releaseLock = null;
      this.store.close();
    }
  }
}
