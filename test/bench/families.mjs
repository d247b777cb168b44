// Bench: ingest of a generated log per format family (>= 1M records each), plus the
// Defender-CSV-vs-sqlite3 comparison and the 5M-event memory check. Called from run.mjs.
//   BENCH_FAMILY_RECORDS  records per family input (default 1,000,000)
//   BENCH_SQLITE_ROWS     rows of the Defender CSV compared with sqlite3 (default 500,000)
//   BENCH_SQLITE_RUNS     interleaved tracelight/sqlite3 pairs (default 5, at least BENCH_RUNS)
//   BENCH_MEMORY_LINES    NCSA lines of the big-case memory check (default 5,000,000)
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  generateDefenderNetworkCsv,
  generateFortigate,
  generateL2tcsv,
  generatePanos,
  generateSysmonJsonl,
  generateZeekConn,
} from './generate-families.mjs';
import { generateNcsa } from './generate-ncsa.mjs';
import { generateRealisticDefenderCsv, REALISTIC_DEFENDER_VERSION } from './generate-realistic.mjs';

const MB = 1024 * 1024;

/** family -> [format name, generator, file extension] */
export const FAMILY_INPUTS = {
  firewall: [
    ['FortiGate traffic (key=value)', generateFortigate, 'fortigate.log'],
    ['PAN-OS TRAFFIC (CSV in syslog)', generatePanos, 'panos.log'],
  ],
  edr: [
    ['Defender DeviceNetworkEvents CSV (all 45 columns)', generateDefenderNetworkCsv, 'defender-network.csv'],
    ['Sysmon event 3 JSONL (OTRF flat)', generateSysmonJsonl, 'sysmon.jsonl'],
  ],
  network: [['Zeek conn.log TSV', generateZeekConn, 'zeek-conn.log']],
  timelines: [['plaso l2tcsv', generateL2tcsv, 'l2tcsv.csv']],
};

/** An input generated once and reused while its record count is the same. */
async function input(work, fileName, records, generate) {
  const file = path.join(work, `${records}-${fileName}`);
  if (!existsSync(file)) {
    process.stderr.write(`bench: generating ${records} records of ${fileName}...\n`);
    await generate(file, records);
  }
  return file;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Ingests `file` into a fresh case `runs` times; medians of time and peak RSS. */
function ingestFigures(ctx, file, caseName) {
  const samples = [];
  let out;
  let caseBytes = 0;
  for (let i = 0; i < ctx.runs; i++) {
    const c = ctx.freshCase(caseName);
    const m = ctx.measured(['ingest', c, file, '--json']);
    out = JSON.parse(m.stdout).files[0];
    caseBytes = statSync(c).size;
    samples.push(m);
  }
  const seconds = median(samples.map((s) => s.seconds));
  const inputBytes = statSync(file).size;
  return {
    format_id: out.format,
    input_mib: +(inputBytes / MB).toFixed(1),
    events: out.events,
    rejected: out.rejected,
    seconds: +seconds.toFixed(2),
    mib_per_s: +(inputBytes / MB / seconds).toFixed(1),
    events_per_s: Math.round(out.events / seconds),
    peak_rss_mib: +(median(samples.map((s) => s.maxRssBytes)) / MB).toFixed(0),
    case_mib: +(caseBytes / MB).toFixed(0),
    bytes_per_event: Math.round(caseBytes / out.events),
  };
}

export async function familyIngest(family, ctx) {
  const records = Number(process.env.BENCH_FAMILY_RECORDS ?? 1_000_000);
  const results = [];
  for (const [label, generate, fileName] of FAMILY_INPUTS[family]) {
    const file = await input(ctx.work, fileName, records, generate);
    results.push({ name: `ingest ${family}: ${label}, ${records} records`, runs: ctx.runs, ...ingestFigures(ctx, file, `${family}.tlcase`) });
  }
  return results;
}

/** Wall time of a command. */
function timed(cmd, args) {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * MB });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.error}`);
  return { seconds: Number(process.hrtime.bigint() - t) / 1e9, stdout: r.stdout };
}

// Side by side with native SQLite: the same Defender CSV into an in-memory database with
// `.import` (no parsing of times, no normalization, no hashing, nothing saved). Shapes:
// 'uniform' (6 devices, random addresses) and 'realistic' (generate-realistic.mjs: 400
// devices with Zipf activity, 3,000 sites, a real process and action mix). Both load the CSV
// and answer one GROUP BY per device. tracelight: `ingest` then `query` (a fresh process, as an examiner would run it); sqlite3:
// `.import` into :memory: and the same GROUP BY in one process. The two run interleaved
// (which goes first alternates) BENCH_SQLITE_RUNS times (default 5, at least BENCH_RUNS), so
// load from other jobs on a shared machine falls on both sides; medians are reported, with
// the spread of the per-pair ratios.
export async function defenderVersusSqlite(ctx, shape = 'uniform') {
  const rows = Number(process.env.BENCH_SQLITE_ROWS ?? 500_000);
  const runs = Math.max(ctx.runs, Number(process.env.BENCH_SQLITE_RUNS ?? 5));
  const file = shape === 'realistic'
    ? await input(ctx.work, `defender-realistic-v${REALISTIC_DEFENDER_VERSION}.csv`, rows, generateRealisticDefenderCsv)
    : await input(ctx.work, 'defender-network.csv', rows, generateDefenderNetworkCsv);
  const sqliteAvailable = spawnSync('sqlite3', ['-version']).status === 0;
  const ours = [];
  const ingest = [];
  const query = [];
  const facet = [];
  const theirs = [];
  const ratios = [];
  let out;
  let caseBytes = 0;
  let rss = 0;
  const runOurs = () => {
    const c = ctx.freshCase('defender-sqlite.tlcase');
    const m = ctx.measured(['ingest', c, file, '--json']);
    out = JSON.parse(m.stdout).files[0];
    const q = ctx.measured(['query', c, 'SELECT host, count(*) FROM event_row GROUP BY host', '--csv']);
    // The product's own answer to "events per device": the facet from the rollups kept at
    // ingest. Reported apart from the GROUP BY, labelled; the ratio above stays the GROUP BY's.
    const f = ctx.measured(['facets', c, '--field', 'host', '--csv']);
    facet.push(f.seconds);
    caseBytes = statSync(c).size;
    rss = Math.max(rss, m.maxRssBytes);
    ingest.push(m.seconds);
    query.push(q.seconds);
    return m.seconds + q.seconds;
  };
  const runTheirs = () => {
    const r = timed('sqlite3', [':memory:', '-cmd', '.mode csv', `.import ${file} DeviceNetworkEvents`,
      'SELECT count(*) FROM DeviceNetworkEvents', 'SELECT DeviceName, count(*) FROM DeviceNetworkEvents GROUP BY DeviceName']);
    const imported = Number(r.stdout.split('\n')[0].trim());
    if (imported !== rows) throw new Error(`sqlite3 imported ${imported} rows, expected ${rows}`);
    return r.seconds;
  };
  for (let i = 0; i < runs; i++) {
    if (!sqliteAvailable) { ours.push(runOurs()); continue; }
    const [a, b] = i % 2 === 0 ? [runOurs(), runTheirs()] : (() => { const x = runTheirs(); return [runOurs(), x]; })();
    ours.push(a);
    theirs.push(b);
    ratios.push(a / b);
  }
  const inputBytes = statSync(file).size;
  const oursMedian = median(ours);
  const sqliteSeconds = sqliteAvailable ? median(theirs) : null;
  return {
    name: `Defender DeviceNetworkEvents CSV ${rows} rows, ${shape} shape: tracelight ingest + GROUP BY host (and, apart, ingest + facet from rollups) vs sqlite3 :memory: .import + GROUP BY DeviceName (interleaved)`,
    runs,
    format_id: out.format,
    input_mib: +(inputBytes / MB).toFixed(1),
    events: out.events,
    seconds: +oursMedian.toFixed(2),
    ingest_seconds: +median(ingest).toFixed(2),
    query_seconds: +median(query).toFixed(2),
    facet_from_rollups_seconds: +median(facet).toFixed(2),
    ingest_plus_facet_seconds: +median(ingest.map((x, i) => x + facet[i])).toFixed(2),
    events_per_s: Math.round(out.events / median(ingest)),
    peak_rss_mib: +(rss / MB).toFixed(0),
    case_mib: +(caseBytes / MB).toFixed(0),
    bytes_per_event: Math.round(caseBytes / out.events),
    sqlite3_seconds: sqliteSeconds === null ? 'sqlite3 not installed' : +sqliteSeconds.toFixed(2),
    ratio_tracelight_over_sqlite3: sqliteSeconds === null ? 'n/a' : +(oursMedian / sqliteSeconds).toFixed(2),
    ratio_ingest_plus_facet_over_sqlite3: sqliteSeconds === null ? 'n/a' : +(median(ingest.map((x, i) => x + facet[i])) / sqliteSeconds).toFixed(2),
    ratio_per_pair_min_median_max: sqliteSeconds === null ? 'n/a' : [Math.min(...ratios), median(ratios), Math.max(...ratios)].map((r) => r.toFixed(2)).join(' / '),
  };
}

// A case of several million events must open and answer queries: bytes per event, ingest
// time and peak RSS, then open + GROUP BY and open + one time-range page, each in a fresh
// process (`tracelight query` opens the case read-only).
export async function bigCaseMemory(ctx) {
  const lines = Number(process.env.BENCH_MEMORY_LINES ?? 5_000_000);
  const file = path.join(ctx.work, `ncsa-${lines}.log`);
  if (!existsSync(file)) {
    process.stderr.write(`bench: generating ${lines} NCSA combined lines...\n`);
    await generateNcsa(file, lines);
  }
  const ingest = ingestFigures({ ...ctx, runs: 1 }, file, 'big.tlcase');
  const c = path.join(ctx.work, 'big.tlcase');
  const open = ctx.measured(['query', c, 'SELECT count(*) FROM case_meta', '--csv']);
  const group = ctx.measured(['query', c, 'SELECT src_ip, count(*) AS n FROM events GROUP BY src_ip ORDER BY n DESC LIMIT 20', '--csv']);
  const page = ctx.measured([
    'query', c,
    // A page of the timeline two days in (the generated log spans about a week).
    "SELECT * FROM events WHERE time >= strftime('%Y-%m-%dT%H:%M:%fZ', (SELECT min(time) FROM event_row), '+2 days') ORDER BY time, id LIMIT 100",
    '--csv',
  ]);
  const pageRows = page.stdout.trim().split('\n').length - 1;
  return {
    name: `big case: NCSA ${lines} lines ingested, reopened and queried`,
    ...ingest,
    open_seconds: +open.seconds.toFixed(2),
    open_peak_rss_mib: +(open.maxRssBytes / MB).toFixed(0),
    group_by_seconds: +group.seconds.toFixed(2),
    group_by_peak_rss_mib: +(group.maxRssBytes / MB).toFixed(0),
    time_page_seconds: +page.seconds.toFixed(2),
    time_page_rows: pageRows,
  };
}
