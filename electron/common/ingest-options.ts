// What an examiner may choose per evidence file at ingest (encoding, base year) and apply
// afterwards (clock skew), shared by the engine, the CLI and the intake UI. Pure constants and
// pure functions, no imports: the renderer bundles this file.
import type { CodedText } from './coded-text';

/** Text encodings that can be chosen instead of the detected one (`evidence.encoding`). */
export const CHOOSABLE_ENCODINGS = [
  { id: 'utf-8', label: 'UTF-8' },
  { id: 'utf-16le', label: 'UTF-16LE' },
  { id: 'utf-16be', label: 'UTF-16BE' },
  { id: 'shift_jis', label: 'Shift_JIS / CP932 (Windows Japanese)' },
  { id: 'euc-jp', label: 'EUC-JP' },
  { id: 'latin1', label: 'Latin-1 (ISO-8859-1)' },
] as const;
export type ChoosableEncoding = (typeof CHOOSABLE_ENCODINGS)[number]['id'];

/** Other spellings people type for the same encodings. */
const ENCODING_ALIASES: Record<string, ChoosableEncoding> = {
  utf8: 'utf-8',
  'utf-16': 'utf-16le',
  utf16le: 'utf-16le',
  utf16be: 'utf-16be',
  cp932: 'shift_jis',
  'windows-31j': 'shift_jis',
  ms932: 'shift_jis',
  sjis: 'shift_jis',
  'shift-jis': 'shift_jis',
  eucjp: 'euc-jp',
  euc_jp: 'euc-jp',
  'iso-8859-1': 'latin1',
  iso88591: 'latin1',
  'latin-1': 'latin1',
};

/** The canonical id of an encoding name as typed (case-insensitive), or null if unknown. */
export function canonicalEncoding(name: string): ChoosableEncoding | null {
  const key = name.trim().toLowerCase();
  const direct = CHOOSABLE_ENCODINGS.find((e) => e.id === key);
  return direct ? direct.id : (ENCODING_ALIASES[key] ?? null);
}

/** A base year outside this range is a typo, not a log. */
export const MIN_BASE_YEAR = 1970;
export const MAX_BASE_YEAR = 2200;

/** 'detected': from the content (encoding) or the file's modification year; 'chosen': given at ingest. */
export type OptionSource = 'detected' | 'chosen';

/** A clock skew correction past this (about 11 years) is refused as a typo. */
export const MAX_SKEW_MS = 100_000 * 3_600_000;

/**
 * "+HH:MM:SS", "-HH:MM:SS" or "HH:MM:SS" (hours may exceed 24), optionally with ".mmm", to
 * milliseconds; null when it is not that shape or exceeds MAX_SKEW_MS.
 */
export function parseSkew(text: string): number | null {
  const m = /^([+-]?)(\d{1,6}):([0-5]\d):([0-5]\d)(?:\.(\d{1,3}))?$/.exec(text.trim());
  if (!m) return null;
  const ms = ((Number(m[2]) * 60 + Number(m[3])) * 60 + Number(m[4])) * 1000 + Number((m[5] ?? '').padEnd(3, '0') || 0);
  if (ms > MAX_SKEW_MS) return null;
  return m[1] === '-' ? -ms : ms;
}

/** Milliseconds as "+HH:MM:SS" (".mmm" only when not whole seconds). */
export function formatSkew(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  const abs = Math.abs(Math.trunc(ms));
  const pad = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(abs / 3_600_000);
  const m = Math.floor(abs / 60_000) % 60;
  const s = Math.floor(abs / 1000) % 60;
  const frac = abs % 1000;
  return `${sign}${pad(h)}:${pad(m)}:${pad(s)}${frac ? `.${String(frac).padStart(3, '0')}` : ''}`;
}

/** Per-file choices at ingest; anything absent is detected. */
export interface IngestChoices {
  /** IANA zone or UTC for zone-less timestamps (default: the case's zone). */
  timezone?: string;
  /** A CHOOSABLE_ENCODINGS id (or alias) instead of the detected encoding. */
  encoding?: string;
  /** A format id instead of the sniffed one. */
  format?: string;
  /** Year for year-less timestamps (default: the file's modification year). */
  baseYear?: number;
}

/** What became of one entry of a .zip given as evidence. */
export interface ZipEntryOutcome {
  /** Path inside the archive. */
  entry: string;
  /** Uncompressed size declared by the archive. */
  size: number;
  /** skipped: not a log (directory, empty, binary, unrecognized, already in the case); failed: unreadable. */
  status: 'ingested' | 'skipped' | 'failed';
  reason?: string;
  /** `reason` as a code (common/coded-text.ts), for a UI in another language. */
  reason_code?: CodedText;
  evidenceId?: number;
  format?: string;
  events?: number;
  rejected?: number;
}
