// The exports for a case that outgrows one machine, read back by readers Tracelight did not
// write: Parquet partitions through hyparquet (an independent implementation of the format),
// the _bulk NDJSON and the index template through JSON schemas checked by ajv. Each must hold
// exactly what the case holds, and each file must be in the custody log with its hash.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import Ajv from 'ajv';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { ingestWithCustody } from '../../../electron/engine/custody/ingest-custody';
import { CaseSession } from '../../../electron/engine/custody/session';
import { writeEcsBulk } from '../../../electron/engine/export/ecs-bulk/write-ecs';
import { writeParquetDataset } from '../../../electron/engine/export/parquet/write-parquet';
import { forEachTimelineRow, TIMELINE_COLUMNS } from '../../../electron/engine/export/timeline-rows';
import { tempDir } from '../helpers/tmp';

const T0 = 1791159166; // 2026-10-05T01:32:46Z
const cb = (i: number) =>
  JSON.stringify({
    type: 'ingress.event.netconn', timestamp: T0 + i * 3607, computer_name: `WKS-${i % 3}`, pid: 4120 + i,
    process_path: 'c:\\windows\\system32\\windowspowershell\\v1.0\\powershell.exe', protocol: 6,
    direction: 'outbound', remote_ip: `203.0.113.${i % 5}`, remote_port: [80, 443, 8080][i % 3], local_ip: `10.20.30.${40 + (i % 3)}`, local_port: 51734 + i,
  });
// Over three days, so that there are several day partitions; Japanese text; a user on some lines.
const squid = (i: number) =>
  `${T0 + i * 1297}.${String(i % 1000).padStart(3, '0')}     68 10.20.30.${40 + (i % 5)} TCP_MISS/200 ${3705 + i} ${i % 4 ? 'GET' : 'POST'} http://site${i % 7}.example.co.jp/請求書${i}.doc ${i % 6 ? '-' : '山田'} HIER_DIRECT/203.0.113.${i % 9} application/msword`;

async function exampleCase() {
  const dir = tempDir();
  const s = await CaseSession.open(path.join(dir, 'c.tlcase'), { examiner: 'Examiner A', create: { timezone: 'UTC' } });
  writeFileSync(path.join(dir, 'cb.jsonl'), `${Array.from({ length: 40 }, (_, i) => cb(i)).join('\n')}\n`);
  writeFileSync(path.join(dir, 'access.log'), `${Array.from({ length: 300 }, (_, i) => squid(i)).join('\n')}\n`);
  await ingestWithCustody(s, { path: path.join(dir, 'cb.jsonl'), timezone: 'UTC' });
  await ingestWithCustody(s, { path: path.join(dir, 'access.log'), timezone: 'UTC' });
  const rows: Record<string, unknown>[] = [];
  await forEachTimelineRow(s.store, undefined, (values) => {
    rows.push(Object.fromEntries(TIMELINE_COLUMNS.map((c, i) => [c, values[i]])));
  });
  return { s, dir, rows };
}

const sha256 = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

function custodyExports(s: CaseSession): { kind: string; path: string; sha256: string; rows: number }[] {
  return s.store
    .all<{ details: string }>("SELECT details FROM custody_log WHERE action = 'export.created' ORDER BY id")
    .map((r) => JSON.parse(r.details) as { kind: string; path: string; sha256: string; rows: number });
}

describe('Parquet export, read back with hyparquet', () => {
  for (const codec of ['UNCOMPRESSED', 'GZIP'] as const) {
    it(`partitions by day and reads back equal to the case (${codec})`, async () => {
      const { s, dir, rows } = await exampleCase();
      const out = path.join(dir, 'parquet');
      const results = await writeParquetDataset(s, out, { language: 'en', detection: null, codec });
      const days = [...new Set(rows.map((r) => String(r.time).slice(0, 10)))].sort();
      expect(days.length).toBeGreaterThan(2);
      expect(readdirSync(out).sort()).toEqual(days.map((d) => `date=${d}`));
      const back: Record<string, unknown>[] = [];
      for (const d of days) {
        const file = path.join(out, `date=${d}`, 'part-00000.parquet');
        const buf = await asyncBufferFromFile(file);
        const meta = await parquetMetadataAsync(buf);
        expect(meta.row_groups[0]!.columns[0]!.meta_data!.codec).toBe(codec);
        // hyparquet has no GZIP of its own; zlib inflates the pages it hands over.
        const compressors = { GZIP: (input: Uint8Array) => new Uint8Array(gunzipSync(input)) };
        const part = (await parquetReadObjects({ file: buf, compressors })) as Record<string, unknown>[];
        for (const r of part) expect(String((r.time as Date).toISOString()).slice(0, 10)).toBe(d);
        back.push(...part);
      }
      expect(back.length).toBe(rows.length);
      // Every cell: strings as text, integers as BigInt (INT64), time as a UTC instant.
      back.forEach((b, i) => {
        const r = rows[i]!;
        for (const c of TIMELINE_COLUMNS) {
          const want = r[c] ?? null;
          let got = b[c] ?? null;
          if (typeof got === 'bigint') got = Number(got);
          if (got instanceof Date) got = got.toISOString();
          expect(got, `${c} of event ${String(r.id)}`).toEqual(want);
        }
      });
      expect(rows.some((r) => String(r.url).includes('請求書'))).toBe(true);
      // Custody: one entry per file, with the file's hash and row count.
      const logged = custodyExports(s);
      expect(logged.map((e) => [e.kind, e.path, e.sha256, e.rows])).toEqual(results.map((r) => ['parquet', r.path, sha256(r.path), r.rows]));
      s.close();
    });
  }
});

// JSON schemas for what OpenSearch/Elasticsearch require of the two files.
const ACTION_SCHEMA = {
  type: 'object',
  required: ['index'],
  additionalProperties: false,
  properties: { index: { type: 'object', required: ['_id'], additionalProperties: false, properties: { _id: { type: 'string', minLength: 1 } } } },
};
const DOCUMENT_SCHEMA = {
  type: 'object',
  required: ['@timestamp', 'ecs', 'event', 'tracelight'],
  properties: {
    '@timestamp': { type: 'string', format: 'date-time' },
    ecs: { type: 'object', required: ['version'], properties: { version: { const: '8.11.0' } } },
    event: {
      type: 'object',
      required: ['kind', 'dataset'],
      properties: {
        kind: { const: 'event' },
        category: { type: 'array', items: { enum: ['process', 'network', 'web', 'file', 'registry', 'authentication', 'intrusion_detection'] } },
        action: { type: 'string' },
        duration: { type: 'integer' },
      },
    },
    source: { type: 'object', properties: { ip: { type: 'string' }, port: { type: 'integer' }, bytes: { type: 'integer' } } },
    destination: { type: 'object', properties: { ip: { type: 'string' }, port: { type: 'integer' }, bytes: { type: 'integer' }, domain: { type: 'string' } } },
    host: { type: 'object', properties: { name: { type: 'string' } } },
    tags: { type: 'array', items: { type: 'string' } },
    tracelight: { type: 'object', required: ['event_id', 'source_line'], properties: { event_id: { type: 'integer' } } },
  },
};
const TEMPLATE_SCHEMA = {
  type: 'object',
  required: ['index_patterns', 'template'],
  properties: {
    index_patterns: { type: 'array', minItems: 1, items: { type: 'string' } },
    priority: { type: 'integer' },
    template: {
      type: 'object',
      required: ['mappings'],
      properties: {
        settings: { type: 'object' },
        mappings: {
          type: 'object',
          required: ['properties'],
          properties: { properties: { $ref: '#/$defs/props' } },
        },
      },
    },
  },
  $defs: {
    props: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        oneOf: [
          { required: ['type'], properties: { type: { enum: ['keyword', 'text', 'long', 'double', 'date', 'ip', 'object'] } } },
          { required: ['properties'], not: { required: ['type'] }, properties: { properties: { $ref: '#/$defs/props' } } },
        ],
      },
    },
  },
};

describe('ECS _bulk export', () => {
  it('writes action/document pairs and a template that the schemas accept, equal to the case', async () => {
    const { s, dir, rows } = await exampleCase();
    const file = path.join(dir, 'events.ndjson');
    const results = await writeEcsBulk(s, file, { language: 'en', detection: null });
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addFormat('date-time', (v: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(v));
    const action = ajv.compile(ACTION_SCHEMA);
    const document = ajv.compile(DOCUMENT_SCHEMA);
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines.pop()).toBe(''); // _bulk requires a final newline
    expect(lines.length).toBe(2 * rows.length);
    const ids = new Set<string>();
    rows.forEach((r, i) => {
      const a = JSON.parse(lines[2 * i]!) as { index: { _id: string } };
      const d = JSON.parse(lines[2 * i + 1]!) as Record<string, Record<string, unknown>> & { '@timestamp': string };
      expect(action(a), JSON.stringify(action.errors)).toBe(true);
      expect(document(d), JSON.stringify(document.errors)).toBe(true);
      ids.add(a.index._id);
      expect(d['@timestamp']).toBe(r.time);
      expect(d.tracelight!.event_id).toBe(r.id);
      expect(d.source?.ip ?? null).toBe(r.src_ip ?? null);
      expect(d.destination?.ip ?? null).toBe(r.dst_ip ?? null);
      expect(d.destination?.port ?? null).toBe(r.dst_port ?? null);
      expect(d.host?.name ?? null).toBe(r.host ?? null);
      expect(d.user?.name ?? null).toBe(r.user ?? null);
      expect(d.url?.original ?? null).toBe(r.url ?? null);
      expect(d.event!.action ?? null).toBe(r.action ?? null);
      expect(d.log!.file).toEqual({ path: r.source_file });
      expect(d.tracelight!.extra ?? null).toEqual(r.extra === null ? null : JSON.parse(String(r.extra)));
    });
    expect(ids.size).toBe(rows.length);
    const template = JSON.parse(readFileSync(results[1]!.path, 'utf8')) as Record<string, unknown>;
    const check = ajv.compile(TEMPLATE_SCHEMA);
    expect(check(template), JSON.stringify(check.errors)).toBe(true);
    // Every field a document carries is mapped (or under tracelight.extra, stored unindexed).
    const mapped = new Set<string>();
    const walk = (props: Record<string, { properties?: Record<string, never>; type?: string }>, prefix: string): void => {
      for (const [k, v] of Object.entries(props)) {
        if (v.properties) walk(v.properties, `${prefix}${k}.`);
        else mapped.add(`${prefix}${k}`);
      }
    };
    walk((template.template as { mappings: { properties: never } }).mappings.properties, '');
    const leaves = (o: Record<string, unknown>, prefix: string): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        v && typeof v === 'object' && !Array.isArray(v) && `${prefix}${k}` !== 'tracelight.extra' ? leaves(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
      );
    for (let i = 1; i < lines.length; i += 2) for (const f of leaves(JSON.parse(lines[i]!) as Record<string, unknown>, '')) expect(mapped, f).toContain(f);
    expect(custodyExports(s).map((e) => [e.kind, e.sha256])).toEqual([['ecs', sha256(file)], ['ecs-template', sha256(results[1]!.path)]]);
    s.close();
  });
});
