// Simple bar charts as inline SVG for the reports on the admin page: no chart library. The geometry is shared with
// the admin UI's chart (src/charts/bar-layout.ts).

import { layoutBars, type Bar } from '../../charts/bar-layout.ts';

export type { Bar };

export function barChart(title: string, bars: readonly Bar[], unit = ''): string {
  if (bars.length === 0) return `<figure class="chart"><figcaption>${escapeHtml(title)}</figcaption><p class="empty">No data yet.</p></figure>`;
  const layout = layoutBars(bars, unit);
  const { labelWidth, rowHeight } = layout;
  const rows = layout.rows
    .map(
      (row) =>
        `<text x="${labelWidth - 6}" y="${row.y + 15}" text-anchor="end">${escapeHtml(row.label)}</text>` +
        `<rect x="${labelWidth}" y="${row.y + 3}" width="${Math.max(row.width, 1)}" height="${rowHeight - 6}" fill="#1d70b8"></rect>` +
        `<text x="${labelWidth + row.width + 6}" y="${row.y + 15}">${escapeHtml(row.valueText)}</text>`,
    )
    .join('');
  return (
    `<figure class="chart"><figcaption>${escapeHtml(title)}</figcaption>` +
    `<svg role="img" aria-label="${escapeHtml(title)}" width="${layout.width}" height="${layout.height}" font-size="13" font-family="sans-serif">${rows}</svg></figure>`
  );
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
