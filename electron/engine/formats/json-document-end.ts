// What the end of a JSON document says about its shape, once every record in it has been
// reported: nothing at all, brackets left open, bytes that are not JSON, data after the
// document, or an object with no records in the layout a format reads. Each is one problem
// the reader turns into a rejected record, so the examiner sees it among the rejects.
import type { ScannedRecord } from './json-document-types';

export interface DocumentEnd {
  /** A record (or the one-record top object) was cut off by the end; the scanner reported it. */
  recordCut: boolean;
  /** Nothing but white space was read. */
  empty: boolean;
  /** The top-level value closed. */
  closed: boolean;
  /** The layout found ('array', a wrapper key, 'members', 'single'), or null. */
  found: string | null;
  /** Bytes seen (where a cut-off document ends). */
  pos: number;
  /** Offset of a first byte that cannot start a JSON document, or -1. */
  notDocument: number;
  /** Offset of the first non-blank byte after the document, or -1. */
  trailing: number;
  arrayKeys?: readonly string[];
}

export function documentEndProblems(d: DocumentEnd): ScannedRecord[] {
  const out: ScannedRecord[] = [];
  if (d.recordCut) {
    // Already reported with the record.
  } else if (d.empty) {
    out.push({ offset: 0, length: 0, problem: 'no JSON document (the file holds only white space)' });
  } else if (!d.closed) {
    // Every record was complete, but the closing brackets are missing.
    out.push({ offset: d.pos, length: 0, problem: 'file ends before the document is closed (truncated document?)' });
  }
  if (d.notDocument >= 0) {
    out.push({ offset: d.notDocument, length: d.pos - d.notDocument, problem: 'not a JSON document: it must start with [ or {' });
  } else if (d.trailing >= 0) {
    out.push({ offset: d.trailing, length: d.pos - d.trailing, problem: 'data after the end of the JSON document' });
  } else if (d.closed && d.found === null) {
    // An object that is neither a wrapper nor a record layout this format reads.
    const keys = d.arrayKeys?.join(', ') ?? '';
    out.push({
      offset: 0,
      length: d.pos,
      problem: keys ? `no records: the document object has no array property named ${keys}` : 'no records: the document is an object, not an array',
    });
  }
  return out;
}
