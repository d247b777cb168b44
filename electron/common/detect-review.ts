// What the story view and the RPC say about examiners' corrections to a detection run and
// about the indicator files kept in a case. Types only (the renderer imports them).
import type { FindingReview } from './detect';

export type ReviewVerdict = FindingReview['verdict'];

/** One finding.reviewed custody entry as stored in finding_review (migration 007). */
export interface FindingReviewRecord extends FindingReview {
  /** = the custody entry's id. */
  id: number;
  finding_id: string;
  rule: string;
  title: string | null;
  host: string | null;
  event_ids: number[];
}

/** An indicator file kept in the case (its bytes are stored, so every later run uses the same list). */
export interface CaseIocFile {
  /** = the custody entry (ioc.added) that added it. */
  id: number;
  name: string;
  sha256: string;
  size: number;
  examiner: string;
  added_at: string;
  /** False when the engine stopped before the file's bytes were saved: add the file again. */
  stored: boolean;
}

/** An IOC file handed to detect.run: a dropped file's path, or where serve stored an upload. */
export interface IocFileRequest {
  path: string;
  /** The name the examiner knows the file by, when path is an upload location. */
  originalName?: string;
}
