// A host's events read for the process tree: the story's columns plus the parent pid and
// start time that some sources write only in their own fields (kept in `extra`).
import { STORY_PLAIN_COLUMNS } from '../detect/story/events';
import type { LinkEvent } from '../detect/story/process-links';
import type { CaseStore } from '../store/case-store';
import { extraSql } from '../store/extra/extra-sql';

export interface TreeEvent extends LinkEvent {
  extra: string | null;
  source_format: string;
}

// Parent pid as each source names it: Sysmon ParentProcessId, Defender InitiatingProcessId
// (on process events the initiating process is the parent), Carbon Black parent_pid,
// Falcon ParentProcessId. Security 4688 writes the creator as ProcessId (NewProcessId is the
// new process), so it is read only for that event id.
const PARENT_PID_KEYS = ['ParentProcessId', 'InitiatingProcessId', 'parent_pid', 'ParentProcessID', 'ppid'];
const PARENT_START_KEYS = ['InitiatingProcessCreationTime', 'ParentProcessCreationTime', 'parent_start_time'];

function pidValue(v: unknown): number | null {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v !== 'string') return null;
  const t = v.trim();
  if (/^0x[0-9a-f]+$/i.test(t)) return parseInt(t.slice(2), 16);
  return /^\d+$/.test(t) ? Number(t) : null;
}

function timeValue(v: unknown): string | null {
  if (typeof v !== 'string' || !v.trim()) return null;
  const ms = Date.parse(v.trim());
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** Fills parent_pid / parent_start of a process event from its source fields. */
export function withParentFields(e: TreeEvent): TreeEvent {
  if (e.category !== 'process' || !e.extra) return e;
  let x: Record<string, unknown>;
  try {
    x = JSON.parse(e.extra) as Record<string, unknown>;
  } catch {
    return e;
  }
  let pid: number | null = null;
  for (const k of PARENT_PID_KEYS) if (pid === null && k in x) pid = pidValue(x[k]);
  if (pid === null && Number(x.event_id) === 4688 && 'ProcessId' in x) pid = pidValue(x.ProcessId);
  let start: string | null = null;
  for (const k of PARENT_START_KEYS) if (start === null && k in x) start = timeValue(x[k]);
  return { ...e, parent_pid: pid, parent_start: start };
}

// Actions that mean "this process started" across sources (before and after the action
// vocabulary is normalized); other process events (access, image load, end) are events of a
// process, not its start.
const START_ACTION = /^(process_start|processcreated?|process_?create|create|start|exec|spawn|processrollup2|procstart|process|4688|1)$/i;

export function isProcessStart(e: LinkEvent): boolean {
  return e.category === 'process' && !!e.process_name && (e.action === null || START_ACTION.test(e.action));
}

/**
 * The host's events that name a process, from `since` on (ordered by time). One scan of the
 * table: walking the time index for the order would visit every event of every host.
 */
export function hostProcessEvents(store: CaseStore, host: string, since: string | null, limit: number): TreeEvent[] {
  const rows = store.all<TreeEvent>(
    `SELECT ${STORY_PLAIN_COLUMNS.split(', ').map((c) => `e.${c}`).join(', ')}, NULL AS content_type, ${extraSql('e')} AS extra, v.format AS source_format
     FROM event_row e NOT INDEXED JOIN evidence v ON v.id = e.evidence_id
     WHERE e.host = ? COLLATE NOCASE AND (e.process_guid IS NOT NULL OR e.process_pid IS NOT NULL OR e.process_name IS NOT NULL)
       AND (? IS NULL OR e.time >= ?)
     ORDER BY e.time, e.id LIMIT ?`,
    [host, since, since, limit],
  );
  return rows.map(withParentFields);
}
