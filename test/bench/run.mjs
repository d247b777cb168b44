// `npm run bench`: measured figures, never asserted by CI. Prints a table and writes
// .bench/results.json. Inputs are generated under .bench/ (reused when present).
//   BENCH_SQUID_MB   size of the generated Squid log (default 1024)
//   BENCH_RUNS       repetitions; medians are reported (default 1)
//   BENCH_NCSA_LINES lines of the generated NCSA combined log for the lnav comparison (1M)
//   BENCH_ONLY       one or several (comma-separated) of: squid (proxy), ncsa (web), firewall, edr, network, timelines,
//                    sqlite, memory, scale, detect, generic, xlsx, pdf, workspace, detect-accuracy, assist,
//                    resources (10 GiB streamed through ingest: BENCH_RESOURCES_MB; run it alone); families.mjs and
//                    scale-curve.mjs have their own knobs; BENCH_WORKSPACE_RUNS (5) for workspace.mjs
//   BENCH_SEEDS      scenarios per family for detect-accuracy (default 50)
//   investigate: pivot ±5 min and histogram drag-select in Chromium (investigate-browser.mjs,
//                on .bench/inv.tlcase, made by investigate.mjs, which also prints engine figures)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSquid } from './generate-squid.mjs';
import { generateNcsa } from './generate-ncsa.mjs';
import { generateRealisticNcsa } from './generate-realistic.mjs';
import { generateDetect } from './generate-detect.mjs';
import { genericCsvIngest } from './generic-csv.mjs';
import { pdfExport, xlsxExport } from './exports.mjs';
import { bigCaseMemory, defenderVersusSqlite, familyIngest } from './families.mjs';
import { workspaceBench } from './workspace.mjs';
import { scaleCurve } from './scale-curve.mjs';
import { accuracyTable } from './detect-accuracy.mjs';
import { resourcesBench } from './resources.mjs';
import { runEval as assistEval } from '../assist-eval/run-eval.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const work = path.join(root, '.bench');
mkdirSync(work, { recursive: true });
const MB = 1024 * 1024;
const squidMb = Number(process.env.BENCH_SQUID_MB ?? 1024);
const runs = Number(process.env.BENCH_RUNS ?? 1);

/** A fresh case path: the case file and its journal and lock from an earlier run removed. */
function freshCase(name) {
  const c = path.join(work, name);
  for (const f of [c, `${c}.journal`, `${c}.lock`]) rmSync(f, { force: true });
  return c;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function measured(args) {
  // Per process: two benches running at once must not read each other's figures.
  const stats = path.join(work, `stats-${process.pid}.json`);
  const r = spawnSync(process.execPath, [path.join(root, 'test/bench/measure.mjs'), stats, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * MB,
  });
  if (r.status !== 0) throw new Error(`tracelight ${args[0]} failed: ${r.stderr}`);
  return { ...JSON.parse(readFileSync(stats, 'utf8')), stdout: r.stdout };
}

async function squidIngest() {
  const input = path.join(work, `squid-${squidMb}mb.log`);
  if (!existsSync(input) || Math.abs(statSync(input).size - squidMb * MB) > MB) {
    process.stderr.write(`bench: generating ${squidMb} MiB Squid log...\n`);
    await generateSquid(input, squidMb * MB);
  }
  const inputBytes = statSync(input).size;
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const c = freshCase('squid.tlcase');
    const m = measured(['ingest', c, input, '--json']);
    const out = JSON.parse(m.stdout);
    const caseBytes = statSync(c).size;
    samples.push({ seconds: m.seconds, rss: m.maxRssBytes, caseBytes, events: out.files[0].events, rejected: out.files[0].rejected });
  }
  const seconds = median(samples.map((s) => s.seconds));
  const rss = median(samples.map((s) => s.rss));
  const { caseBytes, events, rejected } = samples[0];
  const limit = 2 * caseBytes + 300 * MB;
  return {
    name: `ingest Squid native, ${(inputBytes / MB).toFixed(0)} MiB generated`,
    runs,
    input_mib: +(inputBytes / MB).toFixed(1),
    events,
    rejected,
    seconds: +seconds.toFixed(2),
    mib_per_s: +(inputBytes / MB / seconds).toFixed(1),
    events_per_s: Math.round(events / seconds),
    peak_rss_mib: +(rss / MB).toFixed(0),
    case_mib: +(caseBytes / MB).toFixed(0),
    bytes_per_event: Math.round(caseBytes / events),
    rss_limit_mib: +(limit / MB).toFixed(0),
    rss_within_limit: rss < limit,
  };
}

/** Wall time of a command, in seconds. */
function timed(cmd, args) {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * MB });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.error}`);
  return { seconds: Number(process.hrtime.bigint() - t) / 1e9, stdout: r.stdout };
}

// Side by side with lnav on the same file: load it and answer one GROUP BY. Two shapes:
// 'uniform' (every line a new random client: ~1M groups, slow for lnav) and 'realistic'
// (generate-realistic.mjs: 300 clients with Zipf traffic, 5,000 paths, real method, status
// and user-agent mixes), which is what responders' access logs look like.
async function ncsaVersusLnav(shape) {
  const lines = Number(process.env.BENCH_NCSA_LINES ?? 1_000_000);
  const input = path.join(work, shape === 'realistic' ? `ncsa-realistic-${lines}.log` : `ncsa-${lines}.log`);
  if (!existsSync(input)) {
    process.stderr.write(`bench: generating ${lines} NCSA combined lines (${shape})...\n`);
    await (shape === 'realistic' ? generateRealisticNcsa(input, lines) : generateNcsa(input, lines));
  }
  const lnavAvailable = spawnSync('lnav', ['-V']).status === 0;
  const ours = [];
  const theirs = [];
  let rss = 0;
  let events = 0;
  const ingestSeconds = [];
  const querySeconds = [];
  const startSeconds = [];
  const facetSeconds = [];
  let caseBytes = 0;
  // Interleaved, which side goes first alternating, BENCH_NCSA_RUNS times (default 3, at
  // least BENCH_RUNS): load from other jobs on a shared machine falls on both sides.
  const ncsaRuns = Math.max(runs, Number(process.env.BENCH_NCSA_RUNS ?? 3));
  const runLnav = () => theirs.push(timed('lnav', ['-n', '-c', ';SELECT c_ip, count(*) FROM access_log GROUP BY c_ip', input]).seconds);
  for (let i = 0; i < ncsaRuns; i++) {
    if (lnavAvailable && i % 2 === 1) runLnav();
    const c = freshCase('ncsa.tlcase');
    const t = process.hrtime.bigint();
    const m = measured(['ingest', c, input, '--json']);
    events = JSON.parse(m.stdout).files[0].events;
    const q = measured(['query', c, 'SELECT src_ip, count(*) FROM events GROUP BY src_ip', '--csv']);
    ours.push(Number(process.hrtime.bigint() - t) / 1e9);
    ingestSeconds.push(m.seconds);
    querySeconds.push(q.seconds);
    // Where the query's time goes: starting the CLI and opening the case, against the scan.
    startSeconds.push(measured(['query', c, 'SELECT 1', '--csv']).seconds);
    // The same question as the product answers it: the facet read from the rollups kept at
    // ingest (`tracelight facets`), not a GROUP BY over the events. Reported apart, labelled.
    const f = measured(['facets', c, '--field', 'src_ip', '--csv']);
    if (f.stdout.trimEnd().split('\n').length !== q.stdout.trimEnd().split('\n').length) throw new Error('facets and GROUP BY disagree on the number of clients');
    facetSeconds.push(f.seconds);
    caseBytes = statSync(c).size;
    rss = Math.max(rss, m.maxRssBytes, q.maxRssBytes);
    if (lnavAvailable && i % 2 === 0) runLnav();
  }
  const inputBytes = statSync(input).size;
  const oursMedian = median(ours);
  const lnavMedian = lnavAvailable ? median(theirs) : null;
  return {
    name: `NCSA combined ${lines} lines, ${shape} shape: tracelight ingest + GROUP BY (and, apart, ingest + facet from rollups) vs lnav (interleaved)`,
    runs: ncsaRuns,
    input_mib: +(inputBytes / MB).toFixed(1),
    events,
    tracelight_seconds: +oursMedian.toFixed(2),
    ingest_seconds: +median(ingestSeconds).toFixed(2),
    query_seconds: +median(querySeconds).toFixed(2),
    query_start_and_open_seconds: +median(startSeconds).toFixed(2),
    facet_from_rollups_seconds: +median(facetSeconds).toFixed(2),
    ingest_plus_facet_seconds: +median(ingestSeconds.map((x, i) => x + facetSeconds[i])).toFixed(2),
    events_per_s: Math.round(events / oursMedian),
    bytes_per_event: Math.round(caseBytes / events),
    peak_rss_mib: +(rss / MB).toFixed(0),
    lnav_seconds: lnavMedian === null ? 'lnav not installed' : +lnavMedian.toFixed(2),
    ratio_tracelight_over_lnav: lnavMedian === null ? 'n/a' : +(oursMedian / lnavMedian).toFixed(2),
    ratio_ingest_plus_facet_over_lnav: lnavMedian === null ? 'n/a' : +(median(ingestSeconds.map((x, i) => x + facetSeconds[i])) / lnavMedian).toFixed(2),
  };
}

// Detection on a 1M-event case (EDR + proxy) with one planted incident: rules, beacons, story.
async function detectMillion() {
  const edr = path.join(work, 'detect-defender.jsonl');
  const squid = path.join(work, 'detect-squid.log');
  if (!existsSync(edr) || !existsSync(squid)) {
    process.stderr.write('bench: generating the 1M-event detection case...\n');
    await generateDetect(edr, squid, 1_000_000);
  }
  const c = freshCase('detect.tlcase');
  const ingest = measured(['ingest', c, edr, squid, '--json']);
  const events = JSON.parse(ingest.stdout).files.reduce((n, f) => n + f.events, 0);
  const samples = [];
  let result = null;
  for (let i = 0; i < runs; i++) {
    const m = measured(['detect', c, '--json']);
    samples.push(m);
    result = JSON.parse(m.stdout);
  }
  return {
    name: `detect on ${events} events (Defender JSONL + Squid, one planted incident)`,
    runs,
    events,
    ingest_seconds: +ingest.seconds.toFixed(2),
    detect_seconds: +median(samples.map((s) => s.seconds)).toFixed(2),
    detect_runs_s: samples.map((s) => s.seconds.toFixed(2)).join(' / '),
    engine_elapsed_s_last_run: result.elapsed_s,
    peak_rss_mib: +(Math.max(...samples.map((s) => s.maxRssBytes)) / MB).toFixed(0),
    findings: result.findings.length,
    patient_zero: result.incident.patient_zero?.host ?? 'none',
    infected_hosts: result.incident.hosts.join(' '),
    c2: result.incident.c2.map((e) => `${e.ip}:${e.port}`).join(' '),
  };
}

// BENCH_ONLY may name several sections, comma-separated (BENCH_ONLY=scale,ncsa,sqlite).
const selected = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((x) => x.trim())) : null;
const only = selected === null ? undefined : { has: (x) => selected.has(x) };
const results = [];
if (!only || only.has('squid') || only.has('proxy')) results.push(await squidIngest());
for (const shape of ['uniform', 'realistic']) {
  if (!only || only.has('ncsa') || only.has('web')) results.push(await ncsaVersusLnav(shape));
}
for (const family of ['firewall', 'edr', 'network', 'timelines']) {
  if (!only || only.has(family)) results.push(...(await familyIngest(family, { work, measured, freshCase, runs })));
}
for (const shape of ['uniform', 'realistic']) {
  if (!only || only.has('sqlite')) results.push(await defenderVersusSqlite({ work, measured, freshCase, runs }, shape));
}
if (!only || only.has('memory')) results.push(await bigCaseMemory({ work, measured, freshCase, runs }));
if (!only || only.has('scale')) results.push(...(await scaleCurve({ work, measured, freshCase })));
if (!only || only.has('detect')) results.push(await detectMillion());
if (!only || only.has('generic')) results.push(await genericCsvIngest({ root, work, measured, freshCase }));
if (!only || only.has('xlsx')) results.push(await xlsxExport({ work, measured, freshCase }));
if (!only || only.has('pdf')) results.push(await pdfExport({ work, measured, freshCase }));
if (!only || only.has('workspace')) results.push(await workspaceBench());
if (!only || only.has('investigate')) results.push(investigateInBrowser());
if (!only || only.has('detect-accuracy')) {
  const seeds = Number(process.env.BENCH_SEEDS ?? 50);
  const rows = accuracyTable(seeds);
  writeFileSync(path.join(work, 'detect-accuracy.json'), JSON.stringify(rows, null, 2));
  const table = Object.fromEntries(rows.map((r) => [`${r.family}: ${r.question}`, `precision ${r.precision} recall ${r.recall} (tp ${r.tp} fp ${r.fp} fn ${r.fn})`]));
  results.push({ name: `detection accuracy, ${seeds} seeds per family`, ...table });
}
if (!only || only.has('assist')) results.push(await assistEval(path.join(work, 'assist')));
if (!only || only.has('resources')) results.push(await resourcesBench({ work, measured, freshCase }));
writeFileSync(path.join(work, 'results.json'), JSON.stringify(results, null, 2));
for (const r of results) {
  console.log(`\n## ${r.name}`);
  for (const [k, v] of Object.entries(r)) if (k !== 'name') console.log(`${k.padEnd(18)} ${shown(v)}`);
}

/** A figure as printed: nested results (per-run samples, a curve's points) as compact JSON. */
function shown(v) {
  return v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** The pivot and histogram timings of issue 11, in Chromium on a 1M-event case (medians). */
function investigateInBrowser() {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const engine = spawnSync(process.execPath, [path.join(here, 'investigate.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (engine.status !== 0) throw new Error('investigate.mjs failed');
  const r = spawnSync(process.execPath, [path.join(here, 'investigate-browser.mjs')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error('investigate-browser.mjs failed');
  const out = JSON.parse(r.stdout);
  return {
    name: `investigation workspace in Chromium, ${out.events} events, medians`,
    ...Object.fromEntries(Object.entries(out).filter(([k]) => k !== 'events').map(([k, v]) => [k, `${v.median_ms} ms (${v.runs_ms.join(' / ')})`])),
  };
}
