// Running a line format over lines, as the pipeline does (minus hashing and storage).
import { expect } from 'vitest';
import type { LineFormat, ParseContext, ParsedEvent } from '../../../../electron/engine/formats/types';

export const TOKYO: ParseContext = { fileName: 'x.log', timezone: 'Asia/Tokyo', baseYear: 2024 };
export const UTC: ParseContext = { fileName: 'x.log', timezone: 'UTC', baseYear: 2024 };

export interface Parsed {
  events: ParsedEvent[];
  /** Rejected lines: 1-based line number and reason. */
  rejects: { line: number; reason: string }[];
  skipped: number;
}

/** Parses lines with one parser instance; joins lines on {kind:'more'} as the pipeline does. */
export function parseAll(format: LineFormat, lines: readonly string[], ctx: ParseContext = TOKYO): Parsed {
  const parser = format.createParser(ctx);
  const out: Parsed = { events: [], rejects: [], skipped: 0 };
  let pending: string | null = null;
  let pendingLine = 0;
  lines.forEach((l, i) => {
    const text = pending === null ? l : `${pending}\n${l}`;
    const lineNo = pending === null ? i + 1 : pendingLine;
    const o = parser.parseLine(text, lineNo);
    pending = null;
    if (o.kind === 'events') out.events.push(...o.events);
    else if (o.kind === 'reject') out.rejects.push({ line: lineNo, reason: o.reason });
    else if (o.kind === 'skip') out.skipped++;
    else {
      pending = text;
      pendingLine = lineNo;
    }
  });
  if (pending !== null) out.rejects.push({ line: pendingLine, reason: 'record not closed at end of file' });
  return out;
}

/** The single event a record gives (after any header lines fed first). */
export function one(format: LineFormat, line: string, ctx: ParseContext = TOKYO, header: readonly string[] = []): ParsedEvent {
  const { events, rejects } = parseAll(format, [...header, line], ctx);
  expect(rejects).toEqual([]);
  expect(events).toHaveLength(1);
  return events[0]!;
}

export function rejectReason(format: LineFormat, line: string, ctx: ParseContext = TOKYO, header: readonly string[] = []): string {
  const { events, rejects } = parseAll(format, [...header, line], ctx);
  expect(events).toEqual([]);
  expect(rejects).toHaveLength(1);
  return rejects[0]!.reason;
}

/**
 * Runs lines through one parser counting events, without keeping them (100k events with
 * their extra fields would dominate the test's memory and time). `tally` sees each event.
 */
export function countAll(
  format: LineFormat,
  lines: Iterable<string>,
  ctx: ParseContext = UTC,
  tally?: (e: ParsedEvent) => void,
): { events: number; rejects: string[] } {
  const parser = format.createParser(ctx);
  let events = 0;
  const rejects: string[] = [];
  let n = 0;
  for (const l of lines) {
    const o = parser.parseLine(l, ++n);
    if (o.kind === 'reject') rejects.push(`${n}: ${o.reason}`);
    else if (o.kind === 'events') {
      events += o.events.length;
      if (tally) for (const e of o.events) tally(e);
    }
  }
  return { events, rejects };
}
