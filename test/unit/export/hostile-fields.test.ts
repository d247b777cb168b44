// Hostile fields in every export: an <img onerror> payload, a javascript: URL, a bidi control
// and a spreadsheet formula, written by the evidence into the request, user, referrer and user
// agent, come out of the CSV, the XLSX workbook, the Timesketch JSONL, the PDF and the evidence
// package's README as the text they were, and never as something a reader would run.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tracelight } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const IMG = '<img src=x onerror="window.__pwned=1">';
const JS_URL = 'javascript:window.__pwned=2';
const BIDI = 'invoice\u202Egpj.exe';
const FORMULA = "=cmd|' /C calc'!A0";
const LINE = `203.0.113.9 - ${BIDI} [05/Oct/2026:09:12:41 +0900] "GET /a HTTP/1.1" 200 512 "${JS_URL}" "${IMG}"`;
/** A formula in a field that is a cell of its own (the user), and one inside the extra JSON. */
const CELL_FORMULA = '=HYPERLINK(x)';
const LINE2 = `203.0.113.9 - ${CELL_FORMULA} [05/Oct/2026:09:12:42 +0900] "GET /b HTTP/1.1" 404 0 "-" "${FORMULA}"`;

function unzip(zip: string, entry: string): string {
  const r = spawnSync('unzip', ['-p', zip, entry], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`unzip ${entry}: ${r.stderr}`);
  return r.stdout;
}

describe('hostile fields in every export', () => {
  it('stay text in CSV, XLSX, Timesketch JSONL, PDF and the package README', () => {
    const dir = tempDir();
    const log = path.join(dir, 'access_<img src=x>.log');
    writeFileSync(log, `${LINE}\n${LINE2}\n`);
    const c = path.join(dir, 'case_<img src=x onerror=alert(1)>.tlcase');
    expect(tracelight(['ingest', c, log, '--examiner', 'A']).code).toBe(0);
    expect(tracelight(['tag', c, '1', '--note', `${IMG} ${FORMULA} ${BIDI}`, '--examiner', 'A']).code).toBe(0);
    const out = (n: string) => path.join(dir, n);
    const r = tracelight(['export', c, '--csv', out('t.csv'), '--xlsx', out('w.xlsx'), '--timesketch', out('t.jsonl'), '--pdf', out('r.pdf'), '--package', out('p.zip'), '--no-detection']);
    expect(r.code, r.stderr).toBe(0);

    // CSV: the formula cannot start a cell (OWASP: a leading '), the markup is plain text.
    const csv = readFileSync(out('t.csv'), 'utf8');
    expect(csv).toContain(`,'${CELL_FORMULA},`);
    expect(csv).not.toMatch(/(^|,)"?[=+@-](cmd|HYPERLINK)/m);
    expect(csv).toContain(`""user_agent"":""${FORMULA}""`);
    // Inside the extra column's JSON (quotes JSON-escaped, then CSV-doubled).
    expect(csv).toContain('<img src=x onerror=\\""window.__pwned=1\\"">');
    expect(csv).toContain(BIDI);

    // XLSX: no formula anywhere; strings are inline strings with the markup escaped.
    const sheets = ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml'].map((e) => unzip(out('w.xlsx'), e)).join('');
    expect(sheets).not.toMatch(/<f[ >]/);
    expect(sheets).toContain('&lt;img src=x onerror=');
    expect(sheets).not.toContain('<img');
    expect(sheets).toContain(FORMULA.replace(/'/g, "'").replace(/&/g, '&amp;'));

    // Timesketch: each line parses back to exactly the strings written.
    const objects = readFileSync(out('t.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    // `extra` travels as a JSON string inside the object, as written by the exporter.
    const leaves = (v: unknown): string[] =>
      typeof v === 'string' ? (v.startsWith('{') ? [v, ...leaves(JSON.parse(v))] : [v]) : v && typeof v === 'object' ? Object.values(v).flatMap(leaves) : [];
    const values = objects.flatMap(leaves);
    for (const s of [IMG, JS_URL, BIDI, FORMULA]) expect(values.some((v) => v.includes(s)), s).toBe(true);

    // PDF: the note reads as written (a PDF has no script for it to reach).
    const pdf = spawnSync('pdftotext', [out('r.pdf'), '-'], { encoding: 'utf8' }).stdout;
    expect(pdf).toContain('<img src=x onerror=');
    expect(pdf).toContain("=cmd|' /C calc'!A0");

    // The package's README is plain text naming the case as it was named.
    const readme = unzip(out('p.zip'), 'README.txt');
    expect(readme).toContain('Case / 事件: case_<img src=x onerror=alert(1)>');
  }, 120_000);
});
