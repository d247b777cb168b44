// `tracelight detect` as a script calls it: usage errors and unusable indicator files are one
// stderr line with exit 2, never a stack trace.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseSession } from '../../../electron/engine/custody/session';
import { keepIocFile, readIocFile } from '../../../electron/engine/detect/case-ioc-files';
import { tracelight } from '../helpers/cli';
import { samplePath } from '../helpers/samples';
import { tempDir } from '../helpers/tmp';

describe('tracelight detect errors', () => {
  it('a missing case, a galaxy instead of indicators, and garbage: one line each, exit 2', () => {
    const dir = tempDir();
    const c = path.join(dir, 'c.tlcase');
    expect(tracelight(['ingest', c, samplePath('squid_native', 'logscale_squid_access.log')]).code).toBe(0);
    const missing = tracelight(['detect', path.join(dir, 'nope.tlcase')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`tracelight: ${path.join(dir, 'nope.tlcase')}: no such case file\n`);

    const galaxy = samplePath('misp_galaxy', 'misp-galaxy_tool_emotet_only.json');
    const g = tracelight(['detect', c, '--ioc', galaxy]);
    expect(g.code).toBe(2);
    expect(g.stderr).toBe(`tracelight: ${galaxy}: no indicators found (a MISP galaxy cluster (descriptions and references, not an event))\n`);

    const junk = path.join(dir, 'junk.json');
    writeFileSync(junk, '{"Event": {"Attribute": [\n{"type": "ip-dst", "value": "1.2.3.4"\n');
    const j = tracelight(['detect', c, '--ioc', junk]);
    expect(j.code).toBe(2);
    expect(j.stderr).toMatch(new RegExp(`^tracelight: ${junk.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not valid JSON \\(line 3: [^\\n]*\\)\\n$`));

    const extra = tracelight(['detect', c, 'other']);
    expect(extra.code).toBe(2);
    expect(extra.stderr).not.toMatch(/\n\s+at /);
  });

  it('on a case without an incident: empty story, contract shape', () => {
    const dir = tempDir();
    const c = path.join(dir, 'c.tlcase');
    expect(tracelight(['ingest', c, samplePath('squid_native', 'logscale_squid_access.log')]).code).toBe(0);
    const r = tracelight(['detect', c, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.incident).toMatchObject({ patient_zero: null, hosts: [], payload_urls: [], c2: [], ioc_hits: [] });
    expect(Array.isArray(out.findings)).toBe(true);
  });

  it('matches the IOC files the workbench kept in the case, without --ioc', async () => {
    const dir = tempDir();
    const c = path.join(dir, 'c.tlcase');
    expect(tracelight(['ingest', c, samplePath('squid_native', 'logscale_squid_access.log')]).code).toBe(0);
    const first = JSON.parse(tracelight(['query', c, 'SELECT dst_ip, domain FROM events WHERE domain IS NOT NULL ORDER BY id LIMIT 1', '--json']).stdout)[0];
    const list = path.join(dir, 'iocs.txt');
    writeFileSync(list, `# kept by the workbench\n${String(first.domain).replace(/\./g, '[.]')}\n`);
    const session = await CaseSession.open(c, { examiner: 'tester' });
    keepIocFile(session, readIocFile(list, 'iocs.txt'));
    session.close();

    const out = JSON.parse(tracelight(['detect', c, '--json']).stdout);
    expect(out.incident.ioc_hits.length).toBeGreaterThan(0);
    expect(out.incident.ioc_hits.every((h: { indicator: string }) => h.indicator === first.domain)).toBe(true);
  });
});
