// The engine's texts for people carry codes (common/coded-text.ts) that the UI renders in its
// language. For real detections (scenarios A and B, and their network-only variant): every text
// has a code; rendered with the English dictionary the code gives back exactly the engine's
// English (so the two cannot drift); rendered in Japanese it is translated (no English template
// left) and keeps the evidence's values as written.
import { describe, expect, it } from 'vitest';
import type { CodedParam, CodedText } from '../../../../electron/common/coded-text';
import type { DetectResult } from '../../../../electron/common/detect';
import { renderCoded } from '../../../../renderer/src/features/engine-text/render-coded';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { tracelight } from '../../helpers/cli';
import { buildCase, fixture } from '../../detect/incident-helpers';
import { webAccessLog } from './web-log';

interface Pair {
  where: string;
  text: string;
  coded: CodedText | undefined;
}

function pairs(r: DetectResult): Pair[] {
  const out: Pair[] = [];
  const list = (where: string, texts: string[], codes: CodedText[] | undefined) => {
    expect(codes, where).toBeDefined();
    expect(codes!.length, where).toBe(texts.length);
    texts.forEach((text, i) => out.push({ where: `${where}[${i}]`, text, coded: codes![i] }));
  };
  for (const f of r.findings) {
    if (f.title_code) out.push({ where: `finding ${f.rule} title`, text: f.title, coded: f.title_code });
    list(`finding ${f.rule} reasons`, f.reasons, f.reason_codes);
  }
  for (const b of r.beacons) list(`beacon ${b.destination}`, b.reasons, b.reason_codes);
  const i = r.incident;
  if (i.patient_zero?.reason) out.push({ where: 'patient zero', text: i.patient_zero.reason, coded: i.patient_zero.reason_code });
  for (const h of i.infected) {
    list(`infected ${h.host}`, h.reasons, h.reason_codes);
    for (const s of h.steps) out.push({ where: `step ${h.host} ${s.stage}`, text: s.summary, coded: s.summary_code });
  }
  for (const c of i.c2) if (c.reasons) list(`c2 ${c.ip}`, c.reasons, c.reason_codes);
  for (const w of i.web?.successes ?? []) if (w.reason) out.push({ where: `web success ${w.url}`, text: w.reason, coded: w.reason_code });
  return out;
}

/** The strings of the evidence inside a coded text (its string parameters, nested too). */
function values(c: CodedParam): string[] {
  if (typeof c === 'string') return [c];
  if (typeof c === 'number') return [];
  return Object.values(c.params ?? {}).flatMap(values);
}

/** Whether the engine wrote the text itself (not a rule's own words passed through). */
const usesCode = (c: CodedText): boolean => c.code !== 'text';

const SCENARIOS = [
  { name: 'scenario A', build: () => buildCase('scenario-a', [{ files: /^Device.*\.csv$|^squid/ }, { files: /^fortigate/, tz: 'Asia/Tokyo' }]), ioc: ['--ioc', fixture('scenario-a', 'emotet-iocs.csv')] },
  { name: 'scenario A, network only', build: () => buildCase('scenario-a', [{ files: /^squid/ }, { files: /^fortigate/, tz: 'Asia/Tokyo' }]), ioc: ['--ioc', fixture('scenario-a', 'emotet-iocs.csv')] },
  {
    name: 'scenario B',
    build: () => buildCase('scenario-b', [{ files: /^sysmon|^bluecoat/ }, { files: /^panos/, tz: 'America/New_York' }]),
    ioc: ['--ioc', fixture('scenario-b', 'emotet-indicators.stix.json'), '--ioc', fixture('scenario-b', 'emotet-event.misp.json')],
  },
];

/** The web server log as a case of its own (detect needs only the file). */
function webCase(): { detect(args: string[]): DetectResult } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tracelight-coded-web-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'access.log');
  writeFileSync(file, webAccessLog());
  const casePath = path.join(dir, 'web.tlcase');
  if (tracelight(['ingest', casePath, file]).code !== 0) throw new Error('ingest failed');
  return {
    detect(args) {
      const r = tracelight(['detect', casePath, ...args, '--json']);
      if (r.code !== 0) throw new Error(r.stderr);
      return JSON.parse(r.stdout) as DetectResult;
    },
  };
}

for (const s of [...SCENARIOS, { name: 'a web server under attack', build: webCase, ioc: [] as string[] }]) {
  describe(`engine texts as codes: ${s.name}`, () => {
    const c = s.build();
    const r = c.detect(s.ioc);
    const all = pairs(r);

    it('every text has a code, and the code in English is the engine text exactly', () => {
      expect(all.length).toBeGreaterThan(5);
      if (s.name.startsWith('a web')) expect(all.filter((p) => p.where.startsWith('web success')).length).toBeGreaterThan(1);
      else expect(r.incident.patient_zero?.reason_code).toBeDefined();
      for (const p of all) {
        expect(p.coded, p.where).toBeDefined();
        expect(renderCoded('en', p.coded!), p.where).toBe(p.text);
      }
    });

    it('in Japanese: translated, with the evidence values kept as written', () => {
      let translated = 0;
      for (const p of all) {
        const ja = renderCoded('ja', p.coded!);
        expect(ja, p.where).not.toBeNull();
        for (const v of values(p.coded!)) if (v.length > 0) expect(ja, p.where).toContain(v);
        if (usesCode(p.coded!)) {
          translated++;
          expect(ja, p.where).not.toBe(p.text);
        }
      }
      // Everything the engine itself wrote is translated; only a Sigma rule's own match lines stay as written.
      expect(translated).toBeGreaterThan(all.length / 3);
      if (r.incident.patient_zero) expect(renderCoded('ja', r.incident.patient_zero.reason_code!)).toMatch(/最初/);
    });
  });
}

describe('every code the engine writes has a translation', () => {
  it('each literal code in the engine source is in both dictionaries, the Japanese not the English', async () => {
    const { readdirSync, statSync } = await import('node:fs');
    const { translate } = await import('../../../../renderer/src/i18n/strings');
    const root = path.resolve(__dirname, '../../../../electron/engine');
    const codes = new Set<string>();
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) walk(file);
        else if (file.endsWith('.ts')) {
          // Literal codes where texts are written: { code: 'x.y' }, say('x.y', ...), said('x.y', ...), skip(line, 'x.y', ...);
          // codes built from a value (`web.technique.${t}`) are checked by the rendering tests above.
          for (const m of readFileSync(file, 'utf8').matchAll(/(?:code: |\bsaid?\(|\bskip\(\w+, )'([a-zA-Z]+\.[a-zA-Z.]+)'/g)) codes.add(m[1]!);
        }
      }
    };
    walk(root);
    // Recovered from stored reasons by pattern (ingest/reject-codes.ts) rather than written as literals.
    for (const m of readFileSync(path.join(root, 'ingest/reject-codes.ts'), 'utf8').matchAll(/'(reject\.[a-zA-Z]+)'/g)) codes.add(m[1]!);
    expect(codes.size).toBeGreaterThan(120);
    const missing = [...codes].filter((c) => translate('en', `engine.${c}`) === `engine.${c}` || translate('ja', `engine.${c}`) === translate('en', `engine.${c}`));
    expect(missing).toEqual([]);
  });
});
