import { formatNumber } from '../measures/numbers';
import type { LetterChart } from './model';

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A small line chart of one measure over time, as SVG text: pdfmake draws it in the PDF and the
 * preview shows the same markup. Dates are spaced by time, not by index, so gaps read truly; each
 * is labelled as the letter writes dates (`dateLabels`, one per point).
 */
export function chartSvg(chart: LetterChart, dateLabels: readonly string[], width = 460, height = 200): string {
  const pad = { left: 52, right: 16, top: 24, bottom: 36 };
  const times = chart.points.map((p) => Date.parse(`${p.date}T00:00:00Z`));
  const values = chart.points.map((p) => p.value);
  if (chart.baseline !== null) values.push(chart.baseline);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (hi === lo) {
    hi += 1;
    lo -= 1;
  }
  const margin = (hi - lo) * 0.1;
  lo -= margin;
  hi += margin;
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const x = (t: number) => pad.left + (t1 === t0 ? 0.5 : (t - t0) / (t1 - t0)) * (width - pad.left - pad.right);
  const y = (v: number) => pad.top + (1 - (v - lo) / (hi - lo)) * (height - pad.top - pad.bottom);
  const points = chart.points.map((p, i) => `${x(times[i]!).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${pad.left}" y="14" font-size="11" font-family="Roboto, sans-serif" fill="#222222">${escape(chart.title)} (${escape(chart.unit)})</text>`,
    `<line x1="${pad.left}" y1="${height - pad.bottom}" x2="${width - pad.right}" y2="${height - pad.bottom}" stroke="#888888" stroke-width="1"/>`,
    `<line x1="${pad.left}" y1="${pad.top}" x2="${pad.left}" y2="${height - pad.bottom}" stroke="#888888" stroke-width="1"/>`,
  ];
  for (const v of [lo + margin, hi - margin]) {
    parts.push(
      `<text x="${pad.left - 6}" y="${(y(v) + 4).toFixed(1)}" font-size="9" text-anchor="end" font-family="Roboto, sans-serif" fill="#444444">${formatNumber(v, chart.decimals)}</text>`,
    );
  }
  if (chart.baseline !== null) {
    const by = y(chart.baseline).toFixed(1);
    parts.push(
      `<line x1="${pad.left}" y1="${by}" x2="${width - pad.right}" y2="${by}" stroke="#999999" stroke-width="1" stroke-dasharray="4,3"/>`,
    );
  }
  parts.push(`<polyline points="${points}" fill="none" stroke="#137871" stroke-width="2"/>`);
  // The first and last dates sit inside the frame, so neither is cut off at the edge.
  const last = chart.points.length - 1;
  const anchor = (i: number) => (i === 0 && last > 0 ? 'start' : i === last && last > 0 ? 'end' : 'middle');
  chart.points.forEach((p, i) => {
    const cx = x(times[i]!);
    const cy = y(p.value);
    parts.push(`<circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="3" fill="#137871"/>`);
    parts.push(
      `<text x="${cx.toFixed(1)}" y="${(height - pad.bottom + 14).toFixed(1)}" font-size="9" text-anchor="${anchor(i)}" font-family="Roboto, sans-serif" fill="#444444">${escape(dateLabels[i] ?? p.date)}</text>`,
    );
    parts.push(
      `<text x="${cx.toFixed(1)}" y="${(cy - 7).toFixed(1)}" font-size="9" text-anchor="${anchor(i)}" font-family="Roboto, sans-serif" fill="#137871">${formatNumber(p.value, chart.decimals)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}
