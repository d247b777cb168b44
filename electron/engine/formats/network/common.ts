// Small helpers shared by the firewall and network-monitoring formats in this folder.
import type { ParseOutcome } from '../types';
import type { SyslogHeader } from '../syslog';

export function reject(reason: string): ParseOutcome {
  return { kind: 'reject', reason };
}

export const SKIP: ParseOutcome = { kind: 'skip' };

/** Bound on format-specific keys kept per event; a hostile record can hold thousands. */
export const MAX_EXTRA_KEYS = 256;

export function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** A decimal count ("1850") as a number; undefined for anything else or beyond 2^53. */
export function count(s: string | undefined): number | undefined {
  if (s === undefined || s.length > 15 || !isDigits(s)) return undefined;
  return Number(s);
}

/** A TCP/UDP port 0-65535 from text or a number; undefined otherwise. */
export function port(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 && v <= 65535 ? v : undefined;
  if (typeof v !== 'string' || v.length > 5 || !isDigits(v)) return undefined;
  const n = Number(v);
  return n <= 65535 ? n : undefined;
}

/** Text shown in a reject reason: cut, so a 1 MB field does not become a 1 MB reason. */
export function clip(s: string, max = 60): string {
  return s.length > max ? `${s.slice(0, max)}...` : s;
}

/**
 * BSD syslog without a host name ("Sep 28 10:38:09 filterlog[12]: ..." as pfSense forwards
 * by default, or a kernel line "... kernel: ...") puts the tag where the host belongs; move
 * it back to app/pid so the program is recognised.
 */
export function withHostlessTag(h: SyslogHeader | null): SyslogHeader | null {
  if (!h || h.app !== undefined || h.host === undefined) return h;
  const m = /^([\w./-]{1,48})(?:\[(\w{1,20})\])?:$/.exec(h.host);
  if (!m) return h;
  return { ...h, host: undefined, app: m[1], pid: m[2] };
}
