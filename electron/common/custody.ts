// Chain-of-custody types shared by the engine, the CLI and the renderer. Pure types.

export interface CustodyLogEntry {
  id: number;
  time: string;
  examiner: string;
  workstation: string;
  version: string;
  action: string;
  details: string;
  prev_hash: string;
  entry_hash: string;
}

export interface CustodyStatus {
  ok: boolean;
  count: number;
  head: string;
  problem?: { entryId: number; reason: string };
}

export interface BookmarkEvent {
  id: number;
  time: string;
  host: string | null;
  category: string;
  action: string | null;
  message: string | null;
  source_file: string;
}

export interface TagInfo {
  id: number;
  label: string;
  examiner: string;
  created_at: string;
}

export interface NoteInfo {
  id: number;
  text: string;
  examiner: string;
  created_at: string;
  edited_by: string;
  edited_at: string;
  revisions: number;
}

export interface Bookmark {
  event: BookmarkEvent;
  tags: TagInfo[];
  notes: NoteInfo[];
}

export interface NoteRevision {
  id: number;
  note_id: number;
  text: string;
  examiner: string;
  time: string;
}

export type VerificationStatus = 'intact' | 'altered' | 'missing' | 'incomplete';

export interface EvidenceVerification {
  evidenceId: number;
  exhibit: string | null;
  name: string;
  path: string;
  status: VerificationStatus;
  expectedSha256: string | null;
  actualSha256?: string;
  detail?: string;
}

export interface EvidenceEdit {
  id: number;
  custody_id: number;
  evidence_id: number;
  field: string;
  old_value: string | null;
  new_value: string | null;
  examiner: string;
  time: string;
}

export const EVIDENCE_EDITABLE = ['exhibit', 'name', 'provided_by', 'acquired_at', 'acquired_how', 'source_host'] as const;
export type EvidenceEditableField = (typeof EVIDENCE_EDITABLE)[number];

export const CASE_EDITABLE = ['name', 'caseNumber', 'organization', 'examiners', 'timezone'] as const;
export type CaseEditableField = (typeof CASE_EDITABLE)[number];

/** How an evidence file came to the examiner (entered at drop time, editable later). */
export interface Acquisition {
  provided_by?: string;
  acquired_at?: string;
  acquired_how?: string;
  source_host?: string;
}
