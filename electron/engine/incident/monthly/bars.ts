// One bar chart per measure in the monthly PDF: labelled horizontal bars drawn with pdfkit's
// vector primitives (as pdf/chart.ts draws the timeline), the value written at the end of each
// bar so the chart reads without the axis.
import { FONT, type ReportWriter } from '../../export/pdf/writer';

export interface Bar {
  label: string;
  values: number[];
}

const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728'];

export function drawBars(w: ReportWriter, title: string, bars: Bar[], legend: string[] = [], unit = ''): void {
  const { doc } = w;
  const series = Math.max(1, ...bars.map((b) => b.values.length));
  const rowH = 8 * series + 6;
  w.ensure(30 + rowH * bars.length + (legend.length ? 16 : 0));
  doc.font(FONT).fontSize(10).fillColor('black').text(title, w.left, doc.y, { width: w.width });
  doc.moveDown(0.3);
  const labelW = w.width * 0.3;
  const plotW = w.width - labelW - 60;
  const max = Math.max(1, ...bars.flatMap((b) => b.values));
  let y = doc.y;
  for (const b of bars) {
    doc.font(FONT).fontSize(8).fillColor('#222222').text(b.label, w.left, y + 1, { width: labelW - 6, lineBreak: false, ellipsis: true });
    b.values.forEach((v, i) => {
      const by = y + i * 8;
      const bw = (v / max) * plotW;
      if (bw > 0) doc.rect(w.left + labelW, by, Math.max(bw, 0.8), 6).fill(PALETTE[i % PALETTE.length]!);
      doc.font(FONT).fontSize(7).fillColor('#222222').text(`${Number.isInteger(v) ? v : v.toFixed(1)}${unit}`, w.left + labelW + bw + 3, by - 0.5, { lineBreak: false });
    });
    y += rowH;
  }
  if (legend.length) {
    let x = w.left + labelW;
    legend.forEach((l, i) => {
      doc.rect(x, y + 2, 8, 8).fill(PALETTE[i % PALETTE.length]!);
      doc.font(FONT).fontSize(8).fillColor('black').text(l, x + 11, y + 2, { lineBreak: false });
      x += doc.widthOfString(l) + 24;
    });
    y += 16;
  }
  doc.x = w.left;
  doc.y = y + 6;
}
