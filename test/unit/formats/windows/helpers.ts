// Running a line format over lines as the pipeline does (joining lines on {kind:'more'}).
import type { LineFormat, ParsedEvent } from '../../../../electron/engine/formats/types';

export interface ParseResult {
  events: ParsedEvent[];
  rejects: string[];
  skipped: number;
}

export function parseLines(format: LineFormat, lines: readonly string[], timezone = 'Asia/Tokyo'): ParseResult {
  const parser = format.createParser({ fileName: 'x', timezone, baseYear: 2026 });
  const out: ParseResult = { events: [], rejects: [], skipped: 0 };
  let pending: { text: string; number: number } | null = null;
  lines.forEach((line, i) => {
    const rec = pending ? { text: `${pending.text}\n${line}`, number: pending.number } : { text: line, number: i + 1 };
    pending = null;
    const o = parser.parseLine(rec.text, rec.number);
    if (o.kind === 'events') out.events.push(...o.events);
    else if (o.kind === 'reject') out.rejects.push(`line ${rec.number}: ${o.reason}`);
    else if (o.kind === 'skip') out.skipped++;
    else pending = rec;
  });
  if (pending) out.rejects.push(`line ${(pending as { number: number }).number}: truncated`);
  return out;
}
