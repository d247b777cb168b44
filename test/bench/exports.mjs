// Bench: the XLSX workbook of a 200k-event timeline, and the PDF report of a 1M-event case
// (`BENCH_ONLY=xlsx` or `BENCH_ONLY=pdf`). Cases are built from generated Squid logs; the
// export runs with --no-detection so the figure is the writer's (detection has its own bench).
//   BENCH_XLSX_EVENTS  events in the XLSX case (default 200,000)
//   BENCH_PDF_EVENTS   events in the PDF case (default 1,000,000)
import { existsSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { generateSquid } from './generate-squid.mjs';

const MB = 1024 * 1024;

// Exactly `events` generated Squid lines (each one an event); the count is read back from the
// ingest and a shortfall (rejected lines) fails the bench rather than shrinking the figure.
async function caseWithEvents(ctx, name, events) {
  const input = path.join(ctx.work, `squid-${events}-lines.log`);
  if (!existsSync(input)) {
    process.stderr.write(`bench: generating a Squid log of ${events} lines...\n`);
    await generateSquid(input, Infinity, 42, events);
  }
  const c = ctx.freshCase(name);
  const ingest = ctx.measured(['ingest', c, input, '--json']);
  const ingested = JSON.parse(ingest.stdout).files[0].events;
  if (ingested !== events) throw new Error(`bench: ${input} gave ${ingested} events, expected ${events}`);
  return { casePath: c, events: ingested };
}

function exportOnce(ctx, casePath, flag, out) {
  rmSync(out, { force: true });
  const m = ctx.measured(['export', casePath, flag, out, '--no-detection', '--force']);
  return { seconds: +m.seconds.toFixed(2), cpu_user_s: +m.userSeconds.toFixed(2), cpu_sys_s: +m.systemSeconds.toFixed(2), peak_rss_mib: +(m.maxRssBytes / MB).toFixed(0), file_mib: +(statSync(out).size / MB).toFixed(1) };
}

export async function xlsxExport(ctx) {
  const { casePath, events } = await caseWithEvents(ctx, 'xlsx-bench.tlcase', Number(process.env.BENCH_XLSX_EVENTS ?? 200_000));
  const r = exportOnce(ctx, casePath, '--xlsx', path.join(ctx.work, 'bench.xlsx'));
  return { name: `export XLSX workbook, ${events} timeline rows (streaming writer)`, events, ...r, target_seconds: 10 };
}

export async function pdfExport(ctx) {
  const { casePath, events } = await caseWithEvents(ctx, 'pdf-bench.tlcase', Number(process.env.BENCH_PDF_EVENTS ?? 1_000_000));
  const r = exportOnce(ctx, casePath, '--pdf', path.join(ctx.work, 'bench.pdf'));
  return { name: `export PDF report of a ${events}-event case (chart + tagged events, no row listing)`, events, ...r };
}
