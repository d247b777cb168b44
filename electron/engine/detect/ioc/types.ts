// Indicators of compromise as the matcher uses them, whatever file they came from.
import type { CodedParam, CodedText } from '../../../common/coded-text';

export type IndicatorType = 'ip' | 'cidr' | 'domain' | 'url' | 'sha256' | 'sha1' | 'md5';

export interface Indicator {
  type: IndicatorType;
  /** Normalized (refanged, lower-cased where case does not matter) value matched against events. */
  value: string;
  /** As the file wrote it (possibly defanged). */
  raw: string;
  /** The indicator file's name. */
  source: string;
  /** Line (plain, CSV) or object index (STIX, MISP) it came from; null when unknown. */
  line: number | null;
  /** A port the feed names with an IP (Feodo, TAU C2 lists, MISP ip-dst|port). */
  port: number | null;
  /** The feed's words about it: "C2 server", a malware family, a STIX indicator name. */
  context: string | null;
}

/** An entry of an indicator file that was read but is not an indicator we match. */
export interface SkippedEntry {
  line: number | null;
  reason: string;
  /** `reason` as a code (common/coded-text.ts), for a UI in another language. */
  reason_code?: CodedText;
}

/** A skipped entry whose reason is written with its code, so the two cannot drift apart. */
export function skip(line: number | null, code: string, params: Record<string, CodedParam>, reason: string): SkippedEntry {
  return { line, reason, reason_code: { code, params } };
}

export type IocFormat = 'plain' | 'csv' | 'stix' | 'misp';

export interface IndicatorFile {
  source: string;
  format: IocFormat;
  indicators: Indicator[];
  skipped: SkippedEntry[];
}

/** An indicator file that cannot be used, named with the reason (CLI: one stderr line, exit 2). */
export class IocFileError extends Error {
  override name = 'UnreadableInputError';
  /** The message as a code (common/coded-text.ts), for a UI in another language. */
  readonly coded: CodedText | undefined;

  constructor(message: string, coded?: CodedText) {
    super(message);
    this.coded = coded;
  }
}
