// Where a case's bytes go: `node test/bench/bytes-breakdown.mjs CASE.tlcase`.
// Needs the sqlite3 command (its dbstat table; sql.js has none). Prints:
// - pages per table and index (dbstat), in bytes per event;
// - per evidence format, the average stored length of each event_row column, and of `extra`
//   as the events view reads it, split into its keys (the JSON punctuation counted with them)
//   and its values;
// - for `extra`, what the values of low-cardinality keys (at most 1 distinct value per 20
//   events of that file, e.g. a device id or a process's hash) weigh: the bytes a dictionary
//   of repeated values could take out of each row. An estimate from a sample, not a design.
import { spawnSync } from 'node:child_process';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node test/bench/bytes-breakdown.mjs CASE.tlcase\n');
  process.exit(2);
}

function sql(q) {
  const r = spawnSync('sqlite3', ['-readonly', '-json', file, q], { encoding: 'utf8', maxBuffer: 256 << 20 });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim() ? JSON.parse(r.stdout) : [];
}

const events = sql('SELECT count(*) AS n FROM event_row')[0].n;
const pages = sql('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC');
const total = pages.reduce((n, p) => n + p.bytes, 0);
console.log(`${events} events, ${total} bytes in pages: ${(total / events).toFixed(0)} B/event`);
for (const p of pages.filter((x) => x.bytes / events >= 0.5)) console.log(`  ${p.name.padEnd(28)} ${(p.bytes / events).toFixed(1)} B/event`);

const columns = sql("SELECT name FROM pragma_table_info('event_row')").map((c) => c.name);
// length() of an integer is its decimal digits: close enough to its varint for a breakdown.
const lengths = columns.map((c) => `avg(coalesce(length(e.${c}), 0)) AS "${c}"`).join(', ');
const formats = sql(`SELECT v.format, count(*) AS n, ${lengths} FROM event_row e JOIN evidence v ON v.id = e.evidence_id GROUP BY v.format`);
for (const f of formats) {
  const cols = columns.map((c) => [c, f[c]]).filter(([, v]) => v >= 1).sort((a, b) => b[1] - a[1]);
  const sum = cols.reduce((n, [, v]) => n + v, 0);
  console.log(`\n${f.format}: ${f.n} events (${((100 * f.n) / events).toFixed(0)}%), ${sum.toFixed(0)} B of cell text per row (+ ~${columns.length} B record header)`);
  console.log(`  ${cols.map(([c, v]) => `${c} ${v.toFixed(0)}`).join(', ')}`);
  // extra, on a sample of up to 20k rows of this format.
  // Through the events view: the JSON text as read (a case since migration 015 stores it
  // compactly, as extra_shape + extra_values, and the view rebuilds it).
  const sample = `SELECT id, extra FROM events WHERE source_format = '${f.format}' AND extra IS NOT NULL LIMIT 20000`;
  const keys = sql(`WITH s AS (${sample})
    SELECT j.key, count(*) AS n, count(DISTINCT CAST(j.value AS TEXT)) AS distinct_values,
           avg(length(j.key) + 4) AS key_bytes, avg(length(CAST(j.value AS TEXT)) + CASE WHEN j.type = 'text' THEN 2 ELSE 0 END) AS value_bytes
    FROM s, json_each(s.extra) j GROUP BY j.key`);
  const rows = sql(`WITH s AS (${sample}) SELECT count(*) AS n, avg(length(extra)) AS len FROM s`)[0];
  if (!rows.n) continue;
  const per = (field) => keys.reduce((n, k) => n + (k[field] * k.n) / rows.n, 0);
  const repeated = keys.filter((k) => k.distinct_values * 20 <= k.n);
  const repeatedBytes = repeated.reduce((n, k) => n + (k.value_bytes * k.n) / rows.n, 0);
  console.log(`  extra as read: ${rows.len.toFixed(0)} B per row = keys and punctuation ${per('key_bytes').toFixed(0)} + values ${per('value_bytes').toFixed(0)};` +
    ` values of low-cardinality keys ${repeatedBytes.toFixed(0)} B (${repeated.length} of ${keys.length} keys)`);
  const varying = keys.filter((k) => k.distinct_values * 20 > k.n).map((k) => `${k.key} (${k.distinct_values} distinct in ${k.n})`);
  if (varying.length) console.log(`  keys whose values vary: ${varying.join(', ')}`);
}
