// Bench (issue 15, resources): a 10 GiB input streams through ingest within the memory
// budget (peak RSS < 1 GiB, issue 16's budget for ingest). Called from run.mjs
// (BENCH_ONLY=resources); never in CI.
//   BENCH_RESOURCES_MB  size of the generated input in MiB (default 10240)
//
// The input is EDR telemetry (Sysmon event 3 as flat JSONL, ~1.2 KB a record, the OTRF layout
// of the samples): at 10 GiB that is ~9M events, a case SQLite holds (Squid's 160-byte lines
// would make 66M). The input is generated just before the ingest and deleted as soon as the
// ingest ends (pass or fail), the case as soon as its size is read: together they need ~2.2x
// the input in free disk for the length of the run, and nothing is left behind. Ingest reads
// the evidence twice (parse and hashes, in two workers), so it must be a file, not a pipe.
import { rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { generateSysmonJsonl } from './generate-families.mjs';

const MB = 1024 * 1024;
const BUDGET_BYTES = 1024 * MB;

/** Records of the generator that make about `bytes`, from the size of a sample of 10,000. */
async function recordsFor(work, bytes) {
  const sample = path.join(work, `resources-sample-${process.pid}.jsonl`);
  try {
    const { records, bytes: sampleBytes } = await generateSysmonJsonl(sample, 10_000);
    return Math.max(1, Math.round((bytes / sampleBytes) * records));
  } finally {
    rmSync(sample, { force: true });
  }
}

export async function resourcesBench(ctx) {
  const targetBytes = Number(process.env.BENCH_RESOURCES_MB ?? 10 * 1024) * MB;
  const file = path.join(ctx.work, `resources-${process.pid}.jsonl`);
  const caseName = `resources-${process.pid}.tlcase`;
  const c = ctx.freshCase(caseName);
  let m;
  let inputBytes;
  let generateSeconds;
  try {
    const records = await recordsFor(ctx.work, targetBytes);
    process.stderr.write(`bench: generating ${(targetBytes / MB).toFixed(0)} MiB of Sysmon JSONL (${records} records)...\n`);
    const t = process.hrtime.bigint();
    await generateSysmonJsonl(file, records, 42);
    generateSeconds = Number(process.hrtime.bigint() - t) / 1e9;
    inputBytes = statSync(file).size;
    process.stderr.write(`bench: ingesting ${(inputBytes / MB).toFixed(0)} MiB...\n`);
    m = ctx.measured(['ingest', c, file, '--json']);
  } finally {
    rmSync(file, { force: true });
  }
  const out = JSON.parse(m.stdout).files[0];
  const caseBytes = statSync(c).size;
  ctx.freshCase(caseName);
  return {
    name: `resources: ${(inputBytes / MB / 1024).toFixed(2)} GiB generated Sysmon JSONL streamed through ingest`,
    format_id: out.format,
    input_mib: +(inputBytes / MB).toFixed(0),
    generate_seconds: +generateSeconds.toFixed(1),
    events: out.events,
    rejected: out.rejected,
    seconds: +m.seconds.toFixed(1),
    cpu_seconds: +(m.userSeconds + m.systemSeconds).toFixed(1),
    mib_per_s: +(inputBytes / MB / m.seconds).toFixed(1),
    events_per_s: Math.round(out.events / m.seconds),
    peak_rss_mib: +(m.maxRssBytes / MB).toFixed(0),
    rss_budget_mib: BUDGET_BYTES / MB,
    rss_within_budget: m.maxRssBytes < BUDGET_BYTES,
    case_mib: +(caseBytes / MB).toFixed(0),
    bytes_per_event: Math.round(caseBytes / out.events),
  };
}
