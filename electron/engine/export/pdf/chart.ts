// The timeline chart: events per hour/day/month stacked by category, drawn with pdfkit's vector
// primitives (so it stays sharp and its labels stay text). Empty buckets between the first and
// the last are drawn as gaps, so the horizontal axis is real time.
import { EVENT_CATEGORIES } from '../../../common/schema';
import type { HistogramBucket, ReportData } from '../report-data';
import { FONT, type ReportWriter } from './writer';

const COLORS: Record<string, string> = {
  process: '#d62728',
  network: '#1f77b4',
  web: '#2ca02c',
  dns: '#9467bd',
  file: '#8c564b',
  registry: '#e377c2',
  firewall: '#ff7f0e',
  auth: '#17becf',
  alert: '#bcbd22',
  other: '#7f7f7f',
};

type Unit = ReportData['histogram']['unit'];

function bucketDate(start: string, unit: Unit): Date {
  if (unit === 'hour') return new Date(`${start}:00:00Z`);
  if (unit === 'day') return new Date(`${start}T00:00:00Z`);
  return new Date(`${start}-01T00:00:00Z`);
}

function bucketKey(d: Date, unit: Unit): string {
  const iso = d.toISOString();
  return unit === 'hour' ? iso.slice(0, 13) : unit === 'day' ? iso.slice(0, 10) : iso.slice(0, 7);
}

function step(d: Date, unit: Unit): Date {
  const n = new Date(d);
  if (unit === 'hour') n.setUTCHours(n.getUTCHours() + 1);
  else if (unit === 'day') n.setUTCDate(n.getUTCDate() + 1);
  else n.setUTCMonth(n.getUTCMonth() + 1);
  return n;
}

/** Every bucket from the first to the last, the empty ones included. */
function fillBuckets(buckets: HistogramBucket[], unit: Unit): HistogramBucket[] {
  if (!buckets.length) return [];
  const byKey = new Map(buckets.map((b) => [b.start, b]));
  const out: HistogramBucket[] = [];
  const last = bucketDate(buckets.at(-1)!.start, unit).getTime();
  for (let d = bucketDate(buckets[0]!.start, unit); d.getTime() <= last; d = step(d, unit)) {
    const key = bucketKey(d, unit);
    out.push(byKey.get(key) ?? { start: key, counts: {} });
  }
  return out;
}

const label = (start: string, unit: Unit): string => (unit === 'hour' ? `${start.replace('T', ' ')}:00` : start);

export function drawTimelineChart(w: ReportWriter, histogram: ReportData['histogram']): void {
  const { doc, m } = w;
  const buckets = fillBuckets(histogram.buckets, histogram.unit);
  if (!buckets.length) {
    w.para(m.chart.empty);
    return;
  }
  const categories = EVENT_CATEGORIES.filter((c) => buckets.some((b) => b.counts[c]));
  const totals = buckets.map((b) => Object.values(b.counts).reduce((a, n) => a + n, 0));
  const max = Math.max(...totals, 1);
  const chartH = 200;
  const axisW = 48;
  w.ensure(chartH + 90);
  const top = doc.y + 6;
  const x0 = w.left + axisW;
  const plotW = w.width - axisW;
  const barW = plotW / buckets.length;
  doc.font(FONT).fontSize(7).fillColor('#444444');
  for (const frac of [0, 0.5, 1]) {
    const y = top + chartH - frac * chartH;
    doc.moveTo(x0, y).lineTo(x0 + plotW, y).lineWidth(0.3).strokeColor('#dddddd').stroke();
    doc.text(Math.round(max * frac).toLocaleString('en'), w.left, y - 4, { width: axisW - 6, align: 'right', lineBreak: false });
  }
  buckets.forEach((b, i) => {
    let y = top + chartH;
    for (const c of categories) {
      const n = b.counts[c] ?? 0;
      if (!n) continue;
      const h = (n / max) * chartH;
      doc.rect(x0 + i * barW + barW * 0.1, y - h, Math.max(barW * 0.8, 0.4), h).fill(COLORS[c] ?? '#000000');
      y -= h;
    }
  });
  doc.moveTo(x0, top + chartH).lineTo(x0 + plotW, top + chartH).lineWidth(0.6).strokeColor('#333333').stroke();
  doc.fillColor('#444444').fontSize(7);
  const ticks = buckets.length === 1 ? [0] : [0, Math.floor((buckets.length - 1) / 2), buckets.length - 1];
  for (const i of ticks) {
    const text = label(buckets[i]!.start, histogram.unit);
    const cx = x0 + i * barW + barW / 2;
    doc.text(text, Math.max(w.left, Math.min(cx - 45, w.left + w.width - 90)), top + chartH + 4, { width: 90, align: 'center', lineBreak: false });
  }
  // Legend: one swatch per category present.
  let lx = x0;
  let ly = top + chartH + 20;
  doc.fontSize(8);
  for (const c of categories) {
    const text = `${c} (${buckets.reduce((a, b) => a + (b.counts[c] ?? 0), 0).toLocaleString('en')})`;
    const tw = doc.widthOfString(text) + 18;
    if (lx + tw > w.left + w.width) {
      lx = x0;
      ly += 12;
    }
    doc.rect(lx, ly, 8, 8).fill(COLORS[c] ?? '#000000');
    doc.fillColor('black').text(text, lx + 11, ly, { lineBreak: false });
    lx += tw;
  }
  doc.x = w.left;
  doc.y = ly + 18;
  w.para(m.chart.caption(m.chart.units[histogram.unit]), { size: 9, color: '#444444' });
}
