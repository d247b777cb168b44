// The read-only guard every generated, edited or model-written statement passes before it
// runs: exactly one statement, SELECT or WITH ... SELECT, no ATTACH/PRAGMA/writes, no
// functions that reach outside the database, only known tables and columns. The text checks
// run on the statement with its strings and comments removed; then SQLite itself compiles it
// (EXPLAIN, which executes nothing) and the program is refused if it would open a table for
// writing or start a write transaction. The statement then runs on a copy of the case in a
// worker (run-bounded.ts), so even a statement that slipped past both could not change it.
import type { Database } from 'sql.js';

export class GuardError extends Error {
  override name = 'GuardError';
}

const FORBIDDEN = /\b(insert|update|delete|replace(?!\s*\()|upsert|create|drop|alter|attach|detach|pragma|pragma_\w+|vacuum|reindex|analyze|begin|commit|rollback|savepoint|release|load_extension|readfile|writefile|edit|fts3_tokenizer|zipfile|sqlar_compress|sqlar_uncompress)\b/i;

/** The statement without string literals, quoted identifiers' contents and comments. */
export function stripLiterals(sql: string): string {
  let out = '';
  for (let i = 0; i < sql.length; ) {
    const c = sql[i]!;
    if (c === "'" || c === '"' || c === '`' || c === '[') {
      const close = c === '[' ? ']' : c;
      let j = i + 1;
      for (; j < sql.length; j++) {
        if (sql[j] === close) {
          if (close !== ']' && sql[j + 1] === close) {
            j++;
            continue;
          }
          break;
        }
      }
      if (j >= sql.length) throw new GuardError('unterminated quote in SQL');
      out += c === "'" ? "''" : '"x"';
      i = j + 1;
    } else if (c === '-' && sql[i + 1] === '-') {
      while (i < sql.length && sql[i] !== '\n') i++;
      out += ' ';
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      if (end < 0) throw new GuardError('unterminated comment in SQL');
      i = end + 2;
      out += ' ';
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Text checks; returns the statement without a trailing semicolon. */
export function checkReadOnlyText(sql: string): string {
  const trimmed = sql.trim().replace(/;\s*$/, '');
  if (!trimmed) throw new GuardError('empty SQL');
  const bare = stripLiterals(trimmed);
  if (bare.includes(';')) throw new GuardError('only one statement may run (found more than one)');
  if (!/^\s*(select|with)\b/i.test(bare)) throw new GuardError('only SELECT (or WITH ... SELECT) may run');
  const bad = FORBIDDEN.exec(bare);
  if (bad) throw new GuardError(`"${bad[1]!.toUpperCase()}" is not allowed: the assistant only reads the case`);
  return trimmed;
}

// Opcodes of a program that would change a database file or the schema.
export const WRITE_OPS = new Set(['OpenWrite', 'Destroy', 'Clear', 'CreateBtree', 'ParseSchema', 'DropTable', 'DropIndex', 'DropTrigger', 'VUpdate', 'VCreate', 'VDestroy', 'SqlExec', 'Vacuum', 'IncrVacuum', 'JournalMode', 'Expire', 'LoadAnalysis']);

/** Compiles the statement (EXPLAIN executes nothing) and refuses write programs and SQL errors. */
export function checkCompiled(db: Database, sql: string): void {
  let stmt;
  try {
    stmt = db.prepare(`EXPLAIN ${sql}`);
  } catch (err) {
    throw new GuardError(`SQL error: ${(err as Error).message}`);
  }
  try {
    while (stmt.step()) {
      const row = stmt.getAsObject();
      const op = String(row.opcode);
      if (WRITE_OPS.has(op)) throw new GuardError(`the statement would write (${op}); the assistant only reads the case`);
      // Transaction's P2 is non-zero for a write transaction.
      if (op === 'Transaction' && Number(row.p2) !== 0) throw new GuardError('the statement would open a write transaction');
    }
  } finally {
    stmt.free();
  }
}

/** Both checks; returns the statement to run. */
export function guardSql(db: Database, sql: string): string {
  const text = checkReadOnlyText(sql);
  checkCompiled(db, text);
  return text;
}
