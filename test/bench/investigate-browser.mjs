// The investigation workspace measured as the examiner sees it, in Chromium through
// Playwright on `tracelight serve` with a 1M-event case: from the click on a pivot to the
// grid showing its count, and from releasing a drag on the histogram to the chart and grid
// redrawn. Medians of BENCH_RUNS (default 5).
//   node test/bench/investigate-browser.mjs [CASE]   (default .bench/inv.tlcase; see investigate.mjs)
/* global document -- the functions passed to waitForFunction run in the page. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const casePath = path.resolve(process.argv[2] ?? path.join(root, '.bench/inv.tlcase'));
const runs = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const serve = spawn(process.execPath, [path.join(root, 'bin/tracelight.mjs'), 'serve', '--port', '0', '--case', casePath, '--workspace', path.dirname(casePath)], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve) => createInterface({ input: serve.stdout }).once('line', resolve));
const exe = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));
const browser = await chromium.launch({ executablePath: exe, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
const out = {};
try {
  await page.goto(url);
  await page.getByTestId('timeline-row').first().waitFor({ timeout: 120_000 });
  const total = await page.getByTestId('timeline-count').getAttribute('data-count');
  await page.getByTestId('histogram').and(page.locator('[data-total]')).waitFor({ timeout: 120_000 });

  const pivot = [];
  for (let i = 0; i < runs; i++) {
    // A different row each time, so no answer is reused.
    await page.getByTestId('timeline-row').nth(3 + i).click({ button: 'right' });
    await page.getByTestId('cell-pivot').click();
    const option = page.getByTestId('pivot-menu').getByTestId('pivot-host-time');
    await option.waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => document.querySelector('[data-testid="pivot-host-time"]')?.getAttribute('data-count') !== null);
    const want = await option.getAttribute('data-count');
    const t = Date.now();
    await option.click();
    // Done when the grid counts what the menu said (same host, ±5 min) and the chart agrees.
    await page.waitForFunction((n) => {
      const h = document.querySelector('[data-testid="histogram"]');
      return document.querySelector('[data-testid="timeline-count"]')?.getAttribute('data-count') === n && h?.getAttribute('data-total') === n && h.getAttribute('aria-busy') === 'false';
    }, want, { timeout: 60_000, polling: 'raf' });
    pivot.push(Date.now() - t);
    await page.getByTestId('scope-clear-pivot').click();
    await page.waitForFunction((n) => document.querySelector('[data-testid="timeline-count"]')?.getAttribute('data-count') === n, total, { timeout: 60_000 });
  }
  out['pivot ±5 min: click to grid and histogram redrawn'] = { median_ms: median(pivot), runs_ms: pivot };

  const redraw = [];
  for (let i = 0; i < runs; i++) {
    const chart = (await page.locator('[data-testid="histogram"] .recharts-wrapper').boundingBox());
    const before = await page.getByTestId('histogram').getAttribute('data-from');
    const y = chart.y + chart.height / 2;
    await page.mouse.move(chart.x + 60 + (chart.width - 60) * (0.3 + i * 0.05), y);
    await page.mouse.down();
    await page.mouse.move(chart.x + 60 + (chart.width - 60) * (0.7 + i * 0.05), y, { steps: 5 });
    const t = Date.now();
    await page.mouse.up();
    await page.waitForFunction((b) => {
      const h = document.querySelector('[data-testid="histogram"]');
      return h && h.getAttribute('data-from') !== b && h.getAttribute('aria-busy') === 'false' && document.querySelector('[data-testid="timeline-count"]')?.getAttribute('data-count') === h.getAttribute('data-total');
    }, before, { timeout: 60_000, polling: 'raf' });
    redraw.push(Date.now() - t);
    await page.getByTestId('histogram-reset').click();
    await page.waitForFunction((n) => document.querySelector('[data-testid="timeline-count"]')?.getAttribute('data-count') === n, total, { timeout: 60_000 });
  }
  out['histogram: drag-select to chart and grid redrawn'] = { median_ms: median(redraw), runs_ms: redraw };
  out.events = Number(total);
} finally {
  await browser.close();
  serve.kill('SIGTERM');
}
console.log(JSON.stringify(out, null, 2));
