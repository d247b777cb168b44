// What plaso and Timesketch events have in common: plaso's attribute names (data_type,
// parser, timestamp_desc, hostname, username, message, ...) carried into json_line output
// and into Timesketch CSV/JSONL (which are mostly plaso-derived), and the category an
// event of a given plaso data_type belongs to.
import type { EventCategory } from '../../../common/schema';
import type { ParsedEvent } from '../types';
import { setField, toInt } from '../fields';

// By plaso data_type prefix (plaso/parsers/*: the "DATA_TYPE" of each event data class).
// Only the unambiguous ones; everything else (windows:evtx:record, syslog:line, ...) is
// 'other' with its message, because a data type alone does not say what happened.
const BY_DATA_TYPE: readonly (readonly [string, EventCategory])[] = [
  ['fs:', 'file'],
  ['windows:lnk:', 'file'],
  ['windows:registry:', 'registry'],
  ['windows:prefetch:', 'process'],
  ['bash:history:', 'process'],
  ['syslog:cron:task_run', 'process'],
  ['chrome:history:', 'web'],
  ['firefox:places:', 'web'],
  ['safari:history:', 'web'],
  ['msiecf:url', 'web'],
  ['msie:webcache:', 'web'],
];

// By parser name, for l2tcsv (which names the parser but not the data type).
const BY_PARSER: Readonly<Record<string, EventCategory>> = {
  filestat: 'file',
  mft: 'file',
  usnjrnl: 'file',
  lnk: 'file',
  winreg: 'registry',
  prefetch: 'process',
  bash_history: 'process',
  chrome_history: 'web',
  firefox_history: 'web',
  safari_history: 'web',
  msiecf: 'web',
};

export function timelineCategory(dataType: string | undefined, parser: string | undefined): EventCategory {
  if (dataType !== undefined) {
    for (const [prefix, category] of BY_DATA_TYPE) if (dataType.startsWith(prefix)) return category;
    return 'other';
  }
  if (parser !== undefined) {
    // plaso writes plugin parsers as "winreg/windows_run" or "sqlite/chrome_history".
    const parts = parser.split('/');
    for (const p of parts) {
      const c = BY_PARSER[p];
      if (c) return c;
    }
  }
  return 'other';
}

/** "OS:/tmp/x" (a plaso display name) -> "/tmp/x". */
export function stripPathSpecType(name: string): string {
  const m = /^[A-Z][A-Z0-9_]{1,15}:/.exec(name);
  return m ? name.slice(m[0].length) : name;
}

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v.length > 0 && v !== '-' ? v : undefined;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** Keys taken into normalized fields; the rest of a record goes to extra. */
const MAPPED = new Set([
  'message', 'timestamp_desc', 'hostname', 'computer_name', 'username', 'data_type', 'parser',
  '__container_type__', '__type__',
]);

/**
 * A plaso/Timesketch attribute record -> normalized fields (time fields set by the caller).
 * Values are kept as written; `skip` names the time keys the caller already consumed.
 */
export function timelineEvent(
  rec: Record<string, unknown>,
  time: Pick<ParsedEvent, 'ts' | 'timeRaw' | 'timeZone'>,
  skip: readonly string[],
): ParsedEvent {
  const dataType = text(rec.data_type);
  const parser = text(rec.parser);
  const category = timelineCategory(dataType, parser);
  const e: ParsedEvent = { ...time, category };
  const action = text(rec.timestamp_desc);
  if (action !== undefined) e.action = action;
  const host = text(rec.hostname) ?? text(rec.computer_name);
  if (host !== undefined) e.host = host;
  const user = text(rec.username);
  if (user !== undefined) e.user = user;
  const message = text(rec.message);
  if (message !== undefined) e.message = message;
  const used = new Set<string>(skip);
  const pid = toInt(rec.pid);
  if (pid !== undefined) {
    e.process_pid = pid;
    used.add('pid');
  }
  const command = text(rec.command);
  if (command !== undefined) {
    e.process_command_line = command;
    used.add('command');
  }
  if (category === 'file') {
    const file = text(rec.filename);
    if (file !== undefined) {
      e.file_path = file;
      used.add('filename');
    }
    // Only for file events is sha256_hash the acted-on file's; elsewhere it hashes the
    // source file plaso read (kept in extra).
    const hash = text(rec.sha256_hash);
    if (hash !== undefined) {
      e.file_hash = hash;
      used.add('sha256_hash');
    }
  }
  if (category === 'registry') {
    const key = text(rec.key_path);
    if (key !== undefined) {
      e.registry_path = key;
      used.add('key_path');
    }
  }
  const extra: Record<string, unknown> = {};
  if (dataType !== undefined) extra.data_type = dataType;
  if (parser !== undefined) extra.parser = parser;
  for (const k of Object.keys(rec)) {
    if (MAPPED.has(k) || used.has(k)) continue;
    const v = rec[k];
    if (v === undefined || v === null || v === '' || v === '-') continue;
    setField(extra, k, v);
  }
  if (Object.keys(extra).length > 0) e.extra = extra;
  return e;
}
