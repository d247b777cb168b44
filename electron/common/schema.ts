// The normalized event: one row of the `events` view (contract 2 in ARCHITECTURE.md).
// Pure types and constants; imported by engine, renderer and CLI alike.
import type { CodedText } from './coded-text';

export const EVENT_CATEGORIES = [
  'process',
  'network',
  'web',
  'dns',
  'file',
  'registry',
  'firewall',
  'auth',
  'alert',
  'other',
] as const;
export type EventCategory = (typeof EVENT_CATEGORIES)[number];

/** Fields a format parser fills. Absent means "the source did not say". */
export interface NormalizedFields {
  host?: string;
  user?: string;
  category: EventCategory;
  action?: string;
  severity?: string;
  process_name?: string;
  process_path?: string;
  process_command_line?: string;
  process_pid?: number;
  process_hash?: string;
  /** The source's own process identifier (CB process GUID, Sysmon ProcessGuid). */
  process_guid?: string;
  parent_process_guid?: string;
  parent_process_name?: string;
  parent_process_command_line?: string;
  src_ip?: string;
  src_port?: number;
  dst_ip?: string;
  dst_port?: number;
  url?: string;
  domain?: string;
  http_status?: number;
  /** Bytes received by the source side (a proxy's reply size, a firewall's rcvdbyte). */
  bytes_in?: number;
  /** Bytes sent by the source side. */
  bytes_out?: number;
  duration_ms?: number;
  file_path?: string;
  /** Hash of the file acted on (written, loaded, downloaded), as the source gives it. */
  file_hash?: string;
  registry_path?: string;
  message?: string;
}

/** Column names of the `events` view, in display order. */
export const EVENT_COLUMNS = [
  'id',
  'time',
  'time_raw',
  'time_zone',
  'time_original',
  'host',
  'host_resolved',
  'user',
  'category',
  'action',
  'severity',
  'process_name',
  'process_path',
  'process_command_line',
  'process_pid',
  'process_hash',
  'process_guid',
  'parent_process_guid',
  'parent_process_name',
  'parent_process_command_line',
  'src_ip',
  'src_port',
  'dst_ip',
  'dst_port',
  'url',
  'domain',
  'http_status',
  'bytes_in',
  'bytes_out',
  'duration_ms',
  'file_path',
  'file_hash',
  'registry_path',
  'message',
  'extra',
  'evidence_id',
  'source_file',
  'source_format',
  'source_line',
  'source_offset',
  'source_length',
] as const;
export type EventColumn = (typeof EVENT_COLUMNS)[number];

/** A row of the `events` view as the engine returns it (SQL NULL becomes null). */
export type EventRow = { [K in EventColumn]: string | number | null };

export type EvidenceStatus = 'ingesting' | 'complete' | 'incomplete';

export interface EvidenceSummary {
  id: number;
  path: string;
  name: string;
  size: number;
  mtime: string;
  sha256: string;
  sha1: string;
  md5: string;
  format: string;
  encoding: string;
  timezone: string;
  events: number;
  rejected: number;
  status: EvidenceStatus;
  added_at: string;
  /** Chain-of-custody registry fields (migration 2); null until entered. */
  exhibit: string | null;
  provided_by: string | null;
  acquired_at: string | null;
  acquired_how: string | null;
  source_host: string | null;
  /** Ingest options (migration 5): how the encoding and base year were decided. */
  encoding_source: 'detected' | 'chosen';
  base_year: number;
  base_year_source: 'detected' | 'chosen';
  /** 'gzip'; 'zip-archive' for a .zip; 'zip' or 'zip+gzip' for an entry inside one; null for a plain file. */
  container: string | null;
  /** For an entry inside a .zip: the archive's evidence id and the entry's path in it. */
  parent_id: number | null;
  entry_name: string | null;
  /** Clock-skew correction added to every event's time (evidence.skew); 0 when none. */
  clock_skew_ms: number;
}

export interface RejectedRecord {
  id: number;
  evidence_id: number;
  line: number;
  reason: string;
  /** `reason` as a code (common/coded-text.ts) when the engine knows its wording. */
  reason_code?: CodedText;
  raw: string;
}

export interface EventDetail {
  event: EventRow;
  /** The record exactly as the source wrote it, decoded; null when the evidence file is gone. */
  original: string | null;
  originalUnavailableReason?: string;
  /** The same reason as a code (coded-text.ts), for a UI in another language. */
  originalUnavailableReason_code?: CodedText;
  provenance: {
    file: string;
    format: string;
    line: number;
    byteOffset: number;
    byteLength: number;
    sha256: string;
    /** For an entry of a .zip (file is then the archive): the entry's path inside it. */
    entry?: string;
    /** Clock-skew correction applied to this evidence's times (time = time_original + skew). */
    clockSkewMs?: number;
  };
}

export interface FormatInfo {
  id: string;
  name: string;
  family: string;
  description: string;
  timeSemantics: string;
}
