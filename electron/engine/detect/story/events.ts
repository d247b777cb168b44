// The events behind findings, read once by id, and what the story needs to know about them.
import type { CaseStore } from '../../store/case-store';
import { extraKeyLiteral } from '../../store/extra/extra-sql';

export interface StoryEvent {
  id: number;
  time: string;
  host: string | null;
  user: string | null;
  category: string;
  action: string | null;
  process_name: string | null;
  process_command_line: string | null;
  process_pid: number | null;
  process_guid: string | null;
  parent_process_guid: string | null;
  parent_process_name: string | null;
  parent_process_command_line: string | null;
  src_ip: string | null;
  dst_ip: string | null;
  dst_port: number | null;
  url: string | null;
  domain: string | null;
  http_status: number | null;
  /** Bytes the actor received (a proxy's reply size). */
  bytes_in: number | null;
  /** The reply's content type, as proxies log it (Squid mime_type, ELFF rs(Content-Type)...). */
  content_type: string | null;
  file_path: string | null;
  registry_path: string | null;
  /** 1 when host was filled from the address map (ingest/resolve-hosts.ts), not written by the source. */
  host_resolved?: number;
  evidence_id?: number;
}

/** The story's plain columns (a table alias can be put before each). */
export const STORY_PLAIN_COLUMNS =
  'id, time, host, user, category, action, process_name, process_command_line, process_pid, process_guid, parent_process_guid, parent_process_name, parent_process_command_line, src_ip, dst_ip, dst_port, url, domain, http_status, bytes_in, file_path, registry_path';

export const STORY_COLUMNS =
  'id, time, host, user, category, action, process_name, process_command_line, process_pid, process_guid, parent_process_guid, parent_process_name, parent_process_command_line, src_ip, dst_ip, dst_port, url, domain, http_status, bytes_in, ' +
  `CASE WHEN category = 'web' AND extra_values IS NOT NULL THEN COALESCE(${['mime_type', 'content_type', 'contenttype', 'rs(Content-Type)'].map((k) => extraKeyLiteral(k)).join(', ')}) END AS content_type, ` +
  'file_path, registry_path, host_resolved, evidence_id';

/** Events by id (chunks of ids keep each statement's parameter list small). */
export function eventsById(store: CaseStore, ids: Iterable<number>): Map<number, StoryEvent> {
  const out = new Map<number, StoryEvent>();
  const all = Array.from(new Set(ids));
  for (let i = 0; i < all.length; i += 500) {
    const chunk = all.slice(i, i + 500);
    for (const e of store.all<StoryEvent>(`SELECT ${STORY_COLUMNS} FROM event_row WHERE id IN (${chunk.map(() => '?').join(',')})`, chunk)) {
      out.set(e.id, e);
    }
  }
  return out;
}

export const ms = (iso: string): number => Date.parse(iso);
