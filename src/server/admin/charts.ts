// Simple bar charts as inline SVG for the reports on the admin page: no chart library.

export type Bar = { label: string; value: number };

export function barChart(title: string, bars: readonly Bar[], unit = ''): string {
  if (bars.length === 0) return `<figure class="chart"><figcaption>${escapeHtml(title)}</figcaption><p class="empty">No data yet.</p></figure>`;
  const rowHeight = 22;
  const labelWidth = 220;
  const barWidth = 360;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = bars.length * rowHeight + 4;
  const rows = bars
    .map((bar, i) => {
      const y = i * rowHeight + 2;
      const width = Math.round((bar.value / max) * barWidth);
      return (
        `<text x="${labelWidth - 6}" y="${y + 15}" text-anchor="end">${escapeHtml(truncate(bar.label, 32))}</text>` +
        `<rect x="${labelWidth}" y="${y + 3}" width="${Math.max(width, 1)}" height="${rowHeight - 6}" fill="#1d70b8"></rect>` +
        `<text x="${labelWidth + width + 6}" y="${y + 15}">${bar.value.toLocaleString('en-GB')}${escapeHtml(unit)}</text>`
      );
    })
    .join('');
  return (
    `<figure class="chart"><figcaption>${escapeHtml(title)}</figcaption>` +
    `<svg role="img" aria-label="${escapeHtml(title)}" width="${labelWidth + barWidth + 80}" height="${height}" font-size="13" font-family="sans-serif">${rows}</svg></figure>`
  );
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
