import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackageManifest } from '../../../electron/common/package';
import { verifyChain } from '../../../electron/engine/custody/chain';
import { CaseSession } from '../../../electron/engine/custody/session';
import { parseCustodyJsonl } from '../../../electron/engine/export/package/custody-log';
import { verifyPackage } from '../../../electron/engine/export/package/verify-package';
import { buildPackagedCase, hasCommand, JAPANESE_EVIDENCE, JAPANESE_NOTE, readEntries, run, type PackagedCase } from './package-fixture';

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

function filesUnder(root: string, rel = ''): string[] {
  return readdirSync(path.join(root, rel)).flatMap((n) => {
    const r = rel ? `${rel}/${n}` : n;
    return statSync(path.join(root, r)).isDirectory() ? filesUnder(root, r) : [r];
  });
}

describe('evidence package', () => {
  let dir: string;
  let pkg: PackagedCase;
  let entries: Map<string, Buffer>;
  let manifest: PackageManifest;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tracelight-package-'));
    pkg = await buildPackagedCase(dir);
    entries = await readEntries(pkg.packagePath);
    manifest = JSON.parse(entries.get('data/manifest.json')!.toString('utf8')) as PackageManifest;
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes `sha256sum -c SHA256SUMS` after a standard unzip, and lists every file but itself', () => {
    const out = path.join(dir, 'extracted');
    expect(hasCommand('unzip'), 'this test extracts with the standard unzip (apt-get install unzip)').toBe(true);
    expect(run('unzip', ['-q', pkg.packagePath, '-d', out], dir).code).toBe(0);
    const check = run('sha256sum', ['--strict', '-c', 'SHA256SUMS'], out);
    expect(check.out).not.toMatch(/FAILED|WARNING/);
    expect(check.code).toBe(0);
    const listed = readFileSync(path.join(out, 'SHA256SUMS'), 'utf8').trim().split('\n').map((l) => l.slice(66));
    expect(filesUnder(out).filter((f) => f !== 'SHA256SUMS').sort()).toEqual([...listed].sort());
    // The Japanese evidence name survives a standard unzip, bytes identical to the original.
    const extracted = path.join(out, 'data', 'evidence', `EX-001_${JAPANESE_EVIDENCE}`);
    expect(readFileSync(extracted).equals(readFileSync(pkg.evidencePath))).toBe(true);
  });

  it('has the layout: originals, report, workbook, custody log, case database, manifest, provenance', () => {
    expect([...entries.keys()].sort()).toEqual(
      [
        'README.txt',
        'SHA256SUMS',
        'bag-info.txt',
        'bagit.txt',
        'data/case/インシデント 2026-041.tlcase',
        'data/custody/custody-log.jsonl',
        `data/evidence/EX-001_${JAPANESE_EVIDENCE}`,
        'data/manifest.json',
        'data/provenance.jsonld',
        'data/report/report.pdf',
        'data/report/workbook.xlsx',
        'manifest-sha256.txt',
        'tagmanifest-sha256.txt',
        'verify-custody.py',
      ].sort(),
    );
    expect(entries.get('data/report/report.pdf')!.subarray(0, 5).toString()).toBe('%PDF-');
    expect(entries.get('data/report/workbook.xlsx')!.subarray(0, 2).toString()).toBe('PK');
    expect(entries.get('data/case/インシデント 2026-041.tlcase')!.subarray(0, 15).toString()).toBe('SQLite format 3');
    const readme = entries.get('README.txt')!.toString('utf8');
    expect(readme).toContain('sha256sum -c SHA256SUMS');
    expect(readme).toContain('改ざん・追加・削除がないことの確認方法');
  });

  it('is a valid BagIt bag (RFC 8493): declaration, complete payload manifest, tag manifest, Payload-Oxum', () => {
    expect(entries.get('bagit.txt')!.toString()).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    const payload = [...entries].filter(([n]) => n.startsWith('data/'));
    const manifestLines = entries.get('manifest-sha256.txt')!.toString('utf8').trim().split('\n');
    expect(manifestLines.map((l) => l.split(/ +/).slice(1).join(' ')).sort()).toEqual(payload.map(([n]) => n).sort());
    for (const line of manifestLines) {
      const [hash, ...rest] = line.split('  ');
      expect(sha256(entries.get(rest.join('  '))!), line).toBe(hash);
    }
    const tagLines = entries.get('tagmanifest-sha256.txt')!.toString('utf8').trim().split('\n');
    expect(tagLines.map((l) => l.split('  ')[1]).sort()).toEqual(['README.txt', 'bag-info.txt', 'bagit.txt', 'manifest-sha256.txt', 'verify-custody.py']);
    for (const line of tagLines) expect(sha256(entries.get(line.split('  ')[1]!)!)).toBe(line.split('  ')[0]);
    const info = entries.get('bag-info.txt')!.toString('utf8');
    const octets = payload.reduce((n, [, b]) => n + b.length, 0);
    expect(info).toContain(`Payload-Oxum: ${octets}.${payload.length}\n`);
    expect(info).toContain('Source-Organization: 株式会社サンプル CSIRT\n');
    expect(info).toContain('Contact-Name: 山田 太郎\nContact-Name: Alice Smith\n');
    expect(info).toContain('External-Identifier: CSIRT-2026-041\n');
    expect(info).toMatch(/^Bagging-Date: \d{4}-\d{2}-\d{2}$/m);
    // Every line is "Label: value" or a folded continuation.
    for (const line of info.trimEnd().split('\n')) expect(line).toMatch(/^([A-Za-z-]+: .+|\s+\S.*)$/);
  });

  it('manifest.json lists every payload file and the original with its acquisition and recorded digests', () => {
    const payloadPaths = [...entries.keys()].filter((n) => n.startsWith('data/') && n !== 'data/manifest.json');
    expect(manifest.files.map((f) => f.path).sort()).toEqual(payloadPaths.sort());
    for (const f of manifest.files) expect(f.sha256).toBe(sha256(entries.get(f.path)!));
    expect(manifest.files.find((f) => f.path.startsWith('data/evidence/'))).toMatchObject({ role: 'evidence', evidenceId: 1 });
    const original = readFileSync(pkg.evidencePath);
    expect(manifest.evidence).toEqual([
      expect.objectContaining({
        evidenceId: 1,
        exhibit: 'EX-001',
        originalName: JAPANESE_EVIDENCE,
        originalPath: pkg.evidencePath,
        packagePath: `data/evidence/EX-001_${JAPANESE_EVIDENCE}`,
        sha256: sha256(original),
        md5: createHash('md5').update(original).digest('hex'),
        providedBy: '情報システム部',
        acquiredHow: 'USB copy',
        sourceHost: 'proxy01',
      }),
    ]);
    expect(manifest.case).toMatchObject({ name: 'インシデント 2026-041', caseNumber: 'CSIRT-2026-041', examiners: '山田 太郎, Alice Smith' });
  });

  it('carries the custody log with its chain, anchored in manifest.json, and records the export in the case', async () => {
    const log = parseCustodyJsonl(entries.get('data/custody/custody-log.jsonl')!.toString('utf8'));
    const chain = verifyChain(log);
    expect(chain.ok).toBe(true);
    expect(manifest.custody).toMatchObject({ count: chain.count, head: chain.head });
    expect(log.some((e) => e.action === 'note.added' && e.details.includes(JAPANESE_NOTE))).toBe(true);
    // The reports were exported (and recorded) before the log was packaged.
    expect(log.filter((e) => e.action === 'export.created').map((e) => JSON.parse(e.details).kind)).toEqual(['pdf', 'xlsx']);
    const session = await CaseSession.open(pkg.casePath, { readOnly: true });
    try {
      const last = session.entries().at(-1)!;
      expect(last.action).toBe('export.created');
      expect(JSON.parse(last.details)).toMatchObject({
        kind: 'package',
        path: pkg.packagePath,
        sha256: sha256(readFileSync(pkg.packagePath)),
        bytes: statSync(pkg.packagePath).size,
        files: entries.size,
        custodyHead: chain.head,
      });
    } finally {
      session.close();
    }
  });

  it.skipIf(!hasCommand('python3'))('verify-custody.py re-verifies the chain without Tracelight', () => {
    const out = path.join(dir, 'extracted');
    if (!existsSync(out)) run('unzip', ['-q', pkg.packagePath, '-d', out], dir);
    const r = run('python3', ['verify-custody.py'], out);
    expect(r.out).toMatch(new RegExp(`custody log intact: ${manifest.custody.count} entries, head ${manifest.custody.head}`));
    expect(r.code).toBe(0);
  });

  it('describes provenance in CASE/UCO JSON-LD: a Bundle, actions with performers, tools, objects and SHA-256 hashes', () => {
    const doc = JSON.parse(entries.get('data/provenance.jsonld')!.toString('utf8')) as { '@context': Record<string, string>; '@graph': Record<string, unknown>[] };
    expect(doc['@context']['uco-core']).toBe('https://ontology.unifiedcyberontology.org/uco/core/');
    const graph = doc['@graph'];
    const byId = new Map(graph.map((n) => [n['@id'] as string, n]));
    const bundle = graph[0]!;
    expect(bundle['@type']).toBe('uco-core:Bundle');
    // Every node is reachable from the bundle, and every reference resolves.
    const objectIds = (bundle['uco-core:object'] as { '@id': string }[]).map((r) => r['@id']);
    expect(new Set(objectIds)).toEqual(new Set(graph.slice(1).map((n) => n['@id'])));
    const actions = graph.filter((n) => n['@type'] === 'case-investigation:InvestigativeAction');
    expect(actions.map((a) => a['uco-core:name']).sort()).toEqual(['acquisition', 'examination', 'export', 'ingest']);
    const ingest = actions.find((a) => a['uco-core:name'] === 'ingest')!;
    const performer = byId.get((ingest['uco-action:performer'] as { '@id': string })['@id'])!;
    expect(performer).toMatchObject({ '@type': 'uco-identity:Person', 'uco-core:name': '山田 太郎' });
    const tool = byId.get((ingest['uco-action:instrument'] as { '@id': string })['@id'])!;
    expect(tool).toMatchObject({ '@type': 'uco-tool:Tool', 'uco-core:name': 'Tracelight' });
    const file = byId.get((ingest['uco-action:object'] as { '@id': string }[])[0]!['@id'])!;
    expect(file['@type']).toBe('uco-observable:File');
    const facets = file['uco-core:hasFacet'] as Record<string, unknown>[];
    expect(facets.find((f) => f['@type'] === 'uco-observable:FileFacet')).toMatchObject({ 'uco-observable:fileName': JAPANESE_EVIDENCE });
    const content = facets.find((f) => f['@type'] === 'uco-observable:ContentDataFacet')!;
    const hashes = content['uco-observable:hash'] as Record<string, { '@value': string }>[];
    expect(hashes.find((h) => h['uco-types:hashMethod']!['@value'] === 'SHA256')!['uco-types:hashValue']!['@value']).toBe(sha256(readFileSync(pkg.evidencePath)));
    const exported = actions.find((a) => a['uco-core:name'] === 'export')!;
    const results = (exported['uco-action:result'] as { '@id': string }[]).map((r) => byId.get(r['@id'])!);
    const reportHash = sha256(entries.get('data/report/report.pdf')!);
    expect(JSON.stringify(results)).toContain(reportHash);
  });

  it('verifies with the engine: every check passes', async () => {
    const v = await verifyPackage(pkg.packagePath);
    expect(v.problems).toEqual([]);
    expect(v.ok).toBe(true);
    expect(v.checks.map((c) => [c.name, c.ok])).toEqual([
      ['SHA256SUMS', true],
      ['BagIt', true],
      ['data/manifest.json', true],
      ['custody log', true],
    ]);
    expect(v.custody).toMatchObject({ ok: true, count: manifest.custody.count });
  });
});
