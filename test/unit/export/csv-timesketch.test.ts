import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestWithCustody } from '../../../electron/engine/custody/ingest-custody';
import { CaseSession } from '../../../electron/engine/custody/session';
import { csvCell } from '../../../electron/engine/export/csv-cell';
import { writeTimelineCsv } from '../../../electron/engine/export/csv';
import { EVENT_COLUMNS } from '../../../electron/common/schema';
import { TIMELINE_COLUMNS } from '../../../electron/engine/export/timeline-rows';
import { writeTimesketchJsonl } from '../../../electron/engine/export/timesketch';
import { tempDir } from '../helpers/tmp';
import { buildExportCase, JA_HOST, PAYLOADS } from './helpers';

/** RFC 4180 records (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = (): void => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += ch;
  }
  return rows;
}

async function exportBoth() {
  const dir = tempDir();
  const c = await buildExportCase(dir);
  const session = await CaseSession.open(c.casePath, { examiner: 'x' });
  try {
    const csv = await writeTimelineCsv(session, path.join(dir, 'timeline.csv'), { language: 'en', detection: null });
    const jsonl = await writeTimesketchJsonl(session, path.join(dir, 'timeline.jsonl'), { language: 'en', detection: null });
    return { dir, c, csv, jsonl };
  } finally {
    session.close();
  }
}

describe('timeline CSV', () => {
  it('carries every events-view column in view order, with tags after extra and the evidence name and hash after its id', () => {
    const cols = [...TIMELINE_COLUMNS];
    expect(cols.filter((c) => c !== 'tags' && c !== 'evidence_name' && c !== 'evidence_sha256')).toEqual([...EVENT_COLUMNS]);
    expect(cols[cols.indexOf('extra') + 1]).toBe('tags');
    expect(cols.slice(cols.indexOf('evidence_id'), cols.indexOf('evidence_id') + 3)).toEqual(['evidence_id', 'evidence_name', 'evidence_sha256']);
  });

  it('is UTF-8 with a BOM, RFC 4180, and neutralizes every formula payload with a leading apostrophe', async () => {
    const { csv } = await exportBoth();
    const bytes = readFileSync(csv.path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8').slice(1));
    expect(rows[0]).toEqual([...TIMELINE_COLUMNS]);
    expect(rows).toHaveLength(13);
    const message = rows[0]!.indexOf('message');
    const messages = rows.slice(1).map((r) => r[message]);
    for (const p of PAYLOADS) expect(messages).toContain(`'${p}`);
    // Nothing in any cell starts a formula.
    for (const r of rows.slice(1)) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows.slice(1).map((r) => r[rows[0]!.indexOf('host')])).toContain(JA_HOST);
    expect(csv.rows).toBe(12);
  });

  it('shares the cell rule with `query --csv`', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell(-2)).toBe("'-2");
    expect(csvCell(null)).toBe('');
  });
});

describe('Timesketch JSONL', () => {
  it('writes message, datetime, timestamp (µs), timestamp_desc, the non-null fields and provenance', async () => {
    const { jsonl, c } = await exportBoth();
    const lines = readFileSync(jsonl.path, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(12);
    for (const l of lines) {
      expect(typeof l.message).toBe('string');
      expect(l.datetime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(l.timestamp).toBe(Date.parse(String(l.datetime)) * 1000);
      expect(l.timestamp_desc).toBe('Event Time');
      for (const v of Object.values(l)) expect(v).not.toBeNull();
      expect(l.evidence_sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(typeof l.source_line).toBe('number');
    }
    const tagged = lines.find((l) => l.tracelight_event_id === c.taggedId)!;
    expect(tagged).toMatchObject({
      datetime: '2026-10-05T09:30:00.000Z',
      host: JA_HOST,
      user: '山田',
      tracelight_tags: ['evidence'],
      source_format: 'timesketch-jsonl',
      evidence_name: 'hostile.jsonl',
    });
    expect(String(tagged.message)).toContain('請求書.doc を WINWORD.EXE で開いた');
  });

  it('is read back by Tracelight’s own Timesketch JSONL format with the same times', async () => {
    const { jsonl, dir } = await exportBoth();
    const s = await CaseSession.open(path.join(dir, 'roundtrip.tlcase'), { examiner: 'x', create: { timezone: 'UTC' } });
    try {
      const ev = await ingestWithCustody(s, { path: jsonl.path, timezone: 'UTC' });
      expect(ev.format).toBe('timesketch-jsonl');
      expect(ev.events).toBe(12);
      expect(ev.rejected).toBe(0);
      const times = s.store.all<{ time: string }>('SELECT time FROM event_row ORDER BY time').map((r) => r.time);
      const original = readFileSync(jsonl.path, 'utf8').trimEnd().split('\n').map((l) => (JSON.parse(l) as { datetime: string }).datetime).sort();
      expect(times).toEqual(original);
    } finally {
      s.close();
    }
  });
});
