// Bench: the generic importer on a generated 1M-row CSV in the layout Japanese Excel exports
// use (BOM, CRLF, Japanese header names, YYYY/MM/DD times, quoted cells with commas). The
// mapping is the one `tracelight mapping propose` writes, then `ingest --mapping` is timed.
//   BENCH_GENERIC_ROWS  rows of the generated CSV (default 1,000,000)
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lcg } from '../seeded-random.mjs';

const MB = 1024 * 1024;

const rng = lcg;

const ACTIONS = ['許可', '許可', '許可', 'ブロック', 'ダウンロード'];
const SITES = ['www.example.co.jp', 'news.yahoo.co.jp', 'files.example-invoice.top', 'update.microsoft.com', 'cdn.jsdelivr.net'];
const pad = (n) => String(n).padStart(2, '0');

export async function generateGenericCsv(file, rows, seed = 7) {
  const rand = rng(seed);
  const out = createWriteStream(file);
  const write = (s) => (out.write(s) ? Promise.resolve() : new Promise((r) => out.once('drain', r)));
  await write('\ufeff日時,ホスト名,ユーザー名,送信元IP,宛先IP,宛先ポート,URL,操作,備考\r\n');
  let t = Date.UTC(2026, 9, 1);
  let buf = '';
  for (let i = 0; i < rows; i++) {
    t += Math.floor(rand() * 2000);
    const d = new Date(t);
    const stamp = `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${d.getUTCHours()}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
    const pc = 1 + Math.floor(rand() * 300);
    const site = SITES[Math.floor(rand() * SITES.length)];
    buf += `${stamp},PC-${String(pc).padStart(4, '0')},CORP\\user${pc},10.0.${pc >> 8}.${pc & 255},203.0.113.${Math.floor(rand() * 255)},${rand() < 0.9 ? 443 : 8080},https://${site}/p/${i},${ACTIONS[Math.floor(rand() * ACTIONS.length)]},"note ${i}, 請求書"\r\n`;
    if (buf.length > 1 << 20) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf);
  await new Promise((r) => out.end(r));
}

export async function genericCsvIngest({ root, work, measured, freshCase }) {
  const rows = Number(process.env.BENCH_GENERIC_ROWS ?? 1_000_000);
  const input = path.join(work, `generic-${rows}.csv`);
  if (!existsSync(input)) {
    process.stderr.write(`bench: generating ${rows}-row generic CSV...\n`);
    await generateGenericCsv(input, rows);
  }
  const propose = spawnSync(process.execPath, [path.join(root, 'bin/tracelight.mjs'), 'mapping', 'propose', input, '--json'], { encoding: 'utf8' });
  if (propose.status !== 0) throw new Error(`mapping propose failed: ${propose.stderr}`);
  const mappingFile = path.join(work, 'generic.mapping.json');
  writeFileSync(mappingFile, propose.stdout);
  const c = freshCase('generic.tlcase');
  const m = measured(['ingest', c, input, '--mapping', mappingFile, '--tz', 'Asia/Tokyo', '--json']);
  const out = JSON.parse(m.stdout).files[0];
  const inputBytes = statSync(input).size;
  return {
    name: `ingest generic CSV with a proposed mapping, ${rows} rows generated`,
    input_mib: +(inputBytes / MB).toFixed(1),
    events: out.events,
    rejected: out.rejected,
    seconds: +m.seconds.toFixed(2),
    mib_per_s: +(inputBytes / MB / m.seconds).toFixed(1),
    events_per_s: Math.round(out.events / m.seconds),
    peak_rss_mib: +(m.maxRssBytes / MB).toFixed(0),
  };
}
