// CASE.tlcase.journal: the durable tail of the custody log. sql.js holds the case in memory
// and writing the whole database after every tag would be slow, so each action is first
// appended here as one JSON line and fsynced before the caller is answered; on the next
// open the lines the case file does not have yet are replayed, the case is saved atomically
// and the journal is reset to one checkpoint line (count and head hash of the log), which
// also anchors the chain against a case file whose tail was cut off.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { writeFileAtomic } from '../store/atomic-write';
import type { CustodyEntry } from './chain';

export interface Checkpoint {
  count: number;
  head: string;
}

export interface JournalContents {
  checkpoint: Checkpoint | null;
  entries: CustodyEntry[];
  /** A line that is not valid JSON before the last one: the journal was edited. */
  damaged?: string;
}

export function journalPath(casePath: string): string {
  return `${casePath}.journal`;
}

export function readJournal(file: string): JournalContents {
  if (!existsSync(file)) return { checkpoint: null, entries: [] };
  const lines = readFileSync(file, 'utf8').split('\n');
  const out: JournalContents = { checkpoint: null, entries: [] };
  for (const [i, line] of lines.entries()) {
    if (line === '') continue;
    let parsed: { checkpoint?: Checkpoint; entry?: CustodyEntry };
    try {
      parsed = JSON.parse(line) as typeof parsed;
    } catch {
      // The last line may be torn by a crash mid-write; it was never acknowledged, so it
      // is dropped. Anywhere else an unreadable line means the journal was tampered with.
      if (i === lines.length - 1) break;
      out.damaged = `journal line ${i + 1} is unreadable`;
      break;
    }
    if (parsed.checkpoint && i === 0) out.checkpoint = parsed.checkpoint;
    else if (parsed.entry) out.entries.push(parsed.entry);
    else {
      out.damaged = `journal line ${i + 1} is not a custody entry`;
      break;
    }
  }
  return out;
}

export class Journal {
  private fd: number | null = null;

  constructor(readonly file: string) {}

  /** Appends one entry and returns only once it is on disk. */
  append(entry: CustodyEntry): void {
    if (this.fd === null) this.fd = openSync(this.file, 'a', 0o600);
    writeSync(this.fd, `${JSON.stringify({ entry })}\n`);
    fsyncSync(this.fd);
  }

  /** Called after the case file holding every entry has been saved. */
  reset(checkpoint: Checkpoint): void {
    this.close();
    writeFileAtomic(this.file, Buffer.from(`${JSON.stringify({ checkpoint })}\n`, 'utf8'));
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
