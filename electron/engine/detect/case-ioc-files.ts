// Indicator files kept in the case. An IOC feed changes every day; what a finding was matched
// against must not. The bytes are stored in the case (ioc_content, by SHA-256) and the
// ioc.added custody entry names the file and its digest, so every later run, another examiner,
// or a reviewer opening the case from an evidence package matches against the same list.
// Detection reads indicator files from disk, so each run writes them to a private temporary
// folder under their original names (the names IOC hits cite) and removes it afterwards.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CaseIocFile } from '../../common/detect-review';
import { ActionError } from '../custody/actions';
import type { CustodyEntry } from '../custody/chain';
import { registerReplayEffect } from '../custody/effects';
import type { CaseSession } from '../custody/session';
import type { CaseStore } from '../store/case-store';

/** Indicator lists are text; anything this large is not one (and would bloat the case). */
export const MAX_IOC_FILE_BYTES = 64 * 1024 * 1024;

export interface IocBytes {
  name: string;
  sha256: string;
  size: number;
  bytes: Uint8Array;
}

/** Reads a file handed over as an indicator list; errors name the file. */
export function readIocFile(file: string, name: string): IocBytes {
  const label = name || path.basename(file);
  let size: number;
  try {
    size = statSync(file).size;
  } catch (err) {
    throw new ActionError(`${label}: cannot read IOC file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  if (size === 0) throw new ActionError(`${label}: IOC file is empty`);
  if (size > MAX_IOC_FILE_BYTES) throw new ActionError(`${label}: IOC file is ${size} bytes; at most ${MAX_IOC_FILE_BYTES} are accepted`);
  const bytes = readFileSync(file);
  return { name: cleanName(label), sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, bytes };
}

/** A bare file name: no folders, no control characters; Japanese kept. */
function cleanName(name: string): string {
  const base = name.replace(/\\/g, '/').split('/').pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.normalize('NFC').replace(/[:*?"<>|\u0000-\u001f\u007f]/g, '_').replace(/^\.+/, '_').trim();
  return cleaned.slice(0, 200) || 'indicators.txt';
}

// SQLite has no boolean: `stored` comes back as a count.
type IocFileRow = Omit<CaseIocFile, 'stored'> & { stored: number };

export function listIocFiles(store: CaseStore): CaseIocFile[] {
  return store
    .all<IocFileRow>(
      `SELECT f.*, (SELECT count(*) FROM ioc_content c WHERE c.sha256 = f.sha256) AS stored
       FROM ioc_file f ORDER BY f.id`,
    )
    .map((r) => ({ ...r, stored: r.stored > 0 }));
}

/** The case's indicator files with their bytes; those whose bytes were never saved are listed apart. */
export function loadIocFiles(store: CaseStore): { files: IocBytes[]; missing: CaseIocFile[] } {
  const files: IocBytes[] = [];
  const missing: CaseIocFile[] = [];
  for (const f of listIocFiles(store)) {
    const content = store.scalar('SELECT content FROM ioc_content WHERE sha256 = ?', [f.sha256]);
    if (content instanceof Uint8Array) files.push({ name: f.name, sha256: f.sha256, size: f.size, bytes: content });
    else missing.push(f);
  }
  return { files, missing };
}

/**
 * Keeps one indicator file in the case. The bytes go in first (outside the log, like events),
 * then the entry; the journal holds only the entry, so the case is saved at once.
 */
export function keepIocFile(session: CaseSession, file: IocBytes): CustodyEntry {
  session.requireWritable();
  session.store.db.run('INSERT OR IGNORE INTO ioc_content (sha256, content) VALUES (?, ?)', [file.sha256, file.bytes]);
  const entry = session.record('ioc.added', { name: file.name, sha256: file.sha256, size: file.size });
  session.checkpoint();
  return entry;
}

registerReplayEffect('ioc.added', (store, e) => {
  const d = e.details;
  store.db.run('INSERT OR IGNORE INTO ioc_file (id, name, sha256, size, examiner, added_at) VALUES (?, ?, ?, ?, ?, ?)', [
    e.id,
    String(d.name),
    String(d.sha256),
    Number(d.size) || 0,
    e.examiner,
    e.time,
  ]);
});

export interface IocWorkdir {
  paths: string[];
  /** The same error with the temporary paths replaced by the names the examiner knows. */
  explain(err: unknown): unknown;
  cleanup(): void;
}

/** Writes the files to a private temporary folder, one subfolder each so equal names never clash. */
export function writeIocWorkdir(files: IocBytes[]): IocWorkdir {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tracelight-ioc-'));
  const paths = files.map((f, i) => {
    const sub = path.join(dir, String(i));
    mkdirSync(sub, { mode: 0o700 });
    const p = path.join(sub, f.name);
    writeFileSync(p, f.bytes, { mode: 0o600 });
    return p;
  });
  return {
    paths,
    explain: (err) => {
      if (err instanceof Error) paths.forEach((p, i) => (err.message = err.message.split(p).join(files[i]!.name)));
      return err;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
