// The assistant's evaluation: builds the Emotet case (scenario-a's evidence) and the generated
// web-attack case, asks every question through `tracelight ask --json` (rules only, no model),
// runs each hand-written expected query through `tracelight query --json`, and reports the
// share whose rows match, per language. `node test/assist-eval/run-eval.mjs` prints misses;
// `BENCH_ONLY=assist npm run bench` reports the figures.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EMOTET } from './questions-emotet.mjs';
import { WEB } from './questions-web.mjs';
import { generateWeb } from './generate-web.mjs';
import { HELDOUT } from './questions-heldout.mjs';
import { DETECTION } from './questions-detection.mjs';
import { HELDOUT_DETECTION } from './questions-heldout-detection.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

function cli(args) {
  const r = spawnSync(process.execPath, [path.join(root, 'dist/cli/tracelight.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, TRACELIGHT_MODEL_ENDPOINT: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr.trim() };
}

function fresh(file) {
  for (const f of [file, `${file}.journal`, `${file}.lock`]) rmSync(f, { force: true });
  return file;
}

export function buildCases(work) {
  mkdirSync(work, { recursive: true });
  const a = path.join(root, 'test/fixtures/incidents/scenario-a');
  const emotet = fresh(path.join(work, 'emotet.tlcase'));
  const ing = (c, files, extra = []) => {
    const r = cli(['ingest', c, ...files, ...extra, '--examiner', 'assist-eval']);
    if (r.code !== 0) throw new Error(`ingest failed: ${r.err}`);
  };
  ing(emotet, ['DeviceProcessEvents.csv', 'DeviceNetworkEvents.csv', 'DeviceFileEvents.csv', 'DeviceRegistryEvents.csv', 'squid-access.log'].map((f) => path.join(a, f)));
  ing(emotet, [path.join(a, 'fortigate-traffic.log')], ['--tz', 'Asia/Tokyo']);
  const log = path.join(work, 'shop-access.log');
  generateWeb(log);
  const web = fresh(path.join(work, 'web.tlcase'));
  ing(web, [log]);
  return { emotet, web };
}

const canon = (v) => (v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : String(v));

/** Do the assistant's rows answer the expected query? See questions-emotet.mjs for the rule. */
export function matches(expected, got, ordered) {
  if (expected.length === 0) return got.rows.length === 0 || (got.rows.length === 1 && Object.values(got.rows[0]).every((v) => v === 0 || v === null));
  const cols = Object.keys(expected[0]);
  if (cols.length === 1 && cols[0] === 'id') {
    const want = expected.map((r) => r.id);
    const have = got.rows.map((r) => r.id);
    if (have.includes(undefined)) return false;
    if (ordered) return JSON.stringify(want) === JSON.stringify(have);
    return JSON.stringify([...want].sort((x, y) => x - y)) === JSON.stringify([...have].sort((x, y) => x - y));
  }
  if (got.rows.length && cols.some((c) => !(c in got.rows[0]))) return false;
  const key = (r) => JSON.stringify(cols.map((c) => canon(r[c])));
  const a = expected.map(key).sort();
  const b = got.rows.map(key).sort();
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Expected queries run on a plain sql.js copy of each case (never through the assistant). */
async function expectedRunner(cases) {
  const init = createRequire(import.meta.url)('sql.js');
  const SQL = await init();
  const dbs = Object.fromEntries(Object.entries(cases).map(([k, f]) => [k, new SQL.Database(readFileSync(f))]));
  return (caseName, sql) => {
    const res = dbs[caseName].exec(sql)[0];
    if (!res) return [];
    return res.values.map((v) => Object.fromEntries(res.columns.map((c, i) => [c, v[i]])));
  };
}

export async function runEval(work, { verbose = false } = {}) {
  const cases = buildCases(work);
  const expect = await expectedRunner(cases);
  const per = { en: { asked: 0, matched: 0 }, ja: { asked: 0, matched: 0 } };
  const misses = [];
  const started = performance.now();
  const held = { en: { asked: 0, matched: 0 }, ja: { asked: 0, matched: 0 } };
  const heldDetection = { en: { asked: 0, matched: 0 }, ja: { asked: 0, matched: 0 } };
  const sets = [
    ['emotet', EMOTET.map((q) => ['emotet', ...q]), per],
    ['web', WEB.map((q) => ['web', ...q]), per],
    ['detection', DETECTION.map((q) => ['emotet', ...q]), per],
    ['held-out', HELDOUT, held],
    ['held-out-detection', HELDOUT_DETECTION, heldDetection],
  ];
  for (const [setName, list, tally] of sets) {
    for (const [caseName, lang, question, expectSql] of list) {
      const expected = expect(caseName, expectSql);
      const ordered = /ORDER BY time/i.test(expectSql) && /LIMIT/i.test(expectSql);
      const r = cli(['ask', cases[caseName], question, '--json', '--lang', lang]);
      tally[lang].asked++;
      let ok = false;
      let got = null;
      if (r.code === 0) {
        got = JSON.parse(r.out);
        ok = matches(expected, got, ordered) && got.event_ids.length > 0 === (expected.length > 0 && !(expected.length === 1 && Object.values(expected[0]).every((v) => v === 0)));
      }
      if (ok) tally[lang].matched++;
      else misses.push({ set: tally === per ? 'main' : setName, case: caseName, lang, question, error: r.code === 0 ? null : r.err, sql: got?.sql ?? null, why: got?.explanation ?? null, expected: expected.slice(0, 5), got: got?.rows.slice(0, 5) ?? null });
    }
  }
  if (verbose) for (const m of misses) console.log(JSON.stringify(m, null, 1));
  const pct = (x) => (x.asked ? +((100 * x.matched) / x.asked).toFixed(1) : 0);
  return {
    name: 'assistant evaluation (rules only, no model): questions whose rows match the hand-written expected query',
    questions: per.en.asked + per.ja.asked,
    english: `${per.en.matched}/${per.en.asked} (${pct(per.en)} %)`,
    japanese: `${per.ja.matched}/${per.ja.asked} (${pct(per.ja)} %)`,
    overall_pct: pct({ asked: per.en.asked + per.ja.asked, matched: per.en.matched + per.ja.matched }),
    held_out: `${held.en.matched + held.ja.matched}/${held.en.asked + held.ja.asked} (en ${held.en.matched}/${held.en.asked}, ja ${held.ja.matched}/${held.ja.asked}; written after tuning, see questions-heldout.mjs)`,
    held_out_detection: `${heldDetection.en.matched + heldDetection.ja.matched}/${heldDetection.en.asked + heldDetection.ja.asked} (en ${heldDetection.en.matched}/${heldDetection.en.asked}, ja ${heldDetection.ja.matched}/${heldDetection.ja.asked}; detection questions written after tuning, see questions-heldout-detection.mjs)`,
    seconds: +((performance.now() - started) / 1000).toFixed(1),
    misses: misses.filter((m) => m.set === 'main').map((m) => `${m.case}/${m.lang}: ${m.question}`).join(' | ') || 'none',
    held_out_misses: misses.filter((m) => m.set === 'held-out').map((m) => `${m.case}/${m.lang}: ${m.question}`).join(' | ') || 'none',
    held_out_detection_misses: misses.filter((m) => m.set === 'held-out-detection').map((m) => `${m.case}/${m.lang}: ${m.question}`).join(' | ') || 'none',
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = await runEval(path.join(root, '.bench', 'assist'), { verbose: true });
  for (const [k, v] of Object.entries(r)) console.log(`${k.padEnd(14)} ${v}`);
}
