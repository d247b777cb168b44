// Detection accuracy (BENCH_ONLY=detect-accuracy): scenarios with ground truth from the
// generators (generate-web.mjs, generate-emotet.mjs), each ingested and detected with the real
// CLI; precision and recall per question over every seed. BENCH_SEEDS (default 50) per family.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateWebScenario } from './generate-web.mjs';
import { generateEmotetScenario } from './generate-emotet.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'dist/cli/tracelight.mjs');

function run(args) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 256 << 20 });
  if (r.status !== 0) throw new Error(`tracelight ${args[0]} failed: ${r.stderr}`);
  return r.stdout;
}

/** Writes the scenario's files, ingests them into one case and returns detect --json. */
export function detectScenario(files) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tl-acc-'));
  try {
    const casePath = path.join(dir, 'c.tlcase');
    for (const f of files) {
      const p = path.join(dir, f.name);
      writeFileSync(p, `${f.lines.join('\n')}\n`);
      run(['ingest', casePath, p, ...(f.tz ? ['--tz', f.tz] : []), '--json']);
    }
    return JSON.parse(run(['detect', casePath, '--json']));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

class Score {
  tp = 0;
  fp = 0;
  fn = 0;
  misses = [];
  add(found, truth, seed) {
    const f = new Set(found);
    const t = new Set(truth);
    for (const x of f) {
      if (t.has(x)) this.tp++;
      else {
        this.fp++;
        this.misses.push(`seed ${seed}: extra ${x}`);
      }
    }
    for (const x of t) {
      if (f.has(x)) continue;
      this.fn++;
      this.misses.push(`seed ${seed}: missed ${x}`);
    }
  }
  get precision() {
    return this.tp + this.fp === 0 ? 1 : this.tp / (this.tp + this.fp);
  }
  get recall() {
    return this.tp + this.fn === 0 ? 1 : this.tp / (this.tp + this.fn);
  }
}

export function webAccuracy(seeds) {
  const s = { attackers: new Score(), 'successful attackers': new Score(), 'web shells': new Score() };
  for (let seed = 1; seed <= seeds; seed++) {
    const sc = generateWebScenario(seed);
    const r = detectScenario([{ name: sc.format === 'iis' ? 'u_ex261103.log' : 'access.log', lines: sc.lines }]);
    const web = r.incident.web;
    s.attackers.add(web.attackers.map((a) => a.ip), sc.truth.attackers, seed);
    s['successful attackers'].add(web.attackers.filter((a) => a.successes > 0).map((a) => a.ip), sc.truth.succeeded, seed);
    s['web shells'].add(web.webshells.map((w) => w.path), sc.truth.webshells, seed);
  }
  return s;
}

export function emotetAccuracy(seeds, only = null) {
  const s = { 'infected actors': new Score(), 'C2 endpoints': new Score(), 'payload URLs': new Score(), 'patient zero': new Score() };
  for (let seed = 1; seed <= seeds; seed++) {
    if (only && !only.includes(seed)) continue;
    const sc = generateEmotetScenario(seed);
    const r = detectScenario(sc.files);
    const i = r.incident;
    // An actor is named by its host where a source (or an address resolved from EDR) names it, else by its address.
    s['infected actors'].add(i.infected.map((h) => h.host), sc.truth.infected, seed);
    s['C2 endpoints'].add(i.c2.map((c) => `${c.ip}:${c.port}`), sc.truth.c2, seed);
    s['payload URLs'].add(i.payload_urls, sc.truth.payload_urls, seed);
    s['patient zero'].add(i.patient_zero ? [i.patient_zero.host] : [], [sc.truth.patient_zero], seed);
  }
  return s;
}

export function accuracyTable(seeds) {
  const rows = [];
  const families = [
    ['Emotet-style (network; Sysmon with Excel 4.0 lures in 2 seeds of 5)', () => emotetAccuracy(seeds)],
    ['web attack', () => webAccuracy(seeds)],
  ];
  for (const [family, fn] of families) {
    for (const [question, sc] of Object.entries(fn())) {
      rows.push({ family, question, precision: Number(sc.precision.toFixed(3)), recall: Number(sc.recall.toFixed(3)), tp: sc.tp, fp: sc.fp, fn: sc.fn, misses: sc.misses.slice(0, 10) });
    }
  }
  return rows;
}
