// Shared by the proxy/web/timeline format tests: run a parser over lines the way the
// pipeline does (joining lines after {kind:'more'}), and pick single events.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { LineFormat, ParseContext, ParsedEvent } from '../../../../electron/engine/formats/types';
import { repoRoot } from '../../helpers/samples';

export const TOKYO: ParseContext = { fileName: 'x.log', timezone: 'Asia/Tokyo', baseYear: 2024 };

export interface RunResult {
  events: ParsedEvent[];
  rejects: string[];
  skips: number;
  /** Number of records (outcomes other than 'more'). */
  records: number;
}

export function runLines(format: LineFormat, lines: readonly string[], ctx: ParseContext = TOKYO): RunResult {
  const parser = format.createParser(ctx);
  const r: RunResult = { events: [], rejects: [], skips: 0, records: 0 };
  let pending: string | null = null;
  let first = 0;
  for (let i = 0; i < lines.length; i++) {
    const text: string = pending === null ? lines[i]! : `${pending}\n${lines[i]!}`;
    if (pending === null) first = i + 1;
    const out = parser.parseLine(text, first);
    if (out.kind === 'more') {
      pending = text;
      continue;
    }
    pending = null;
    r.records++;
    if (out.kind === 'events') r.events.push(...out.events);
    else if (out.kind === 'reject') r.rejects.push(`${first}: ${out.reason}`);
    else r.skips++;
  }
  if (pending !== null) r.rejects.push(`${first}: unterminated record`);
  return r;
}

/** The only event of one line (after the given header lines, parsed first). */
export function oneEvent(format: LineFormat, line: string, header: readonly string[] = [], ctx: ParseContext = TOKYO): ParsedEvent {
  const r = runLines(format, [...header, line], ctx);
  expect(r.rejects).toEqual([]);
  expect(r.events).toHaveLength(1);
  return r.events[0]!;
}

export function rejectOf(format: LineFormat, line: string, header: readonly string[] = []): string {
  const r = runLines(format, [...header, line]);
  expect(r.events).toEqual([]);
  expect(r.rejects).toHaveLength(1);
  return r.rejects[0]!;
}

export function fixturePath(name: string): string {
  return path.join(repoRoot, 'test/fixtures/proxy', name);
}

export function readFixtureLines(name: string): string[] {
  const lines = readFileSync(fixturePath(name), 'utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

export const FORMULA = "=cmd|' /C calc'!A0";
export const SCRIPT = '<script>alert(1)</script>';
export const JAPANESE = '請求書.doc';
export const MB = 1024 * 1024;
