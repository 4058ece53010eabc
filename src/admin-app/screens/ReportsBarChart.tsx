// A report's numbers as a horizontal bar chart (SVG), drawn with the classic page's geometry (charts/bar-layout.ts).
// The SVG is one image with a title and a summary for screen readers; the table below it holds every number.

import { layoutBars, type Bar } from '../../charts/bar-layout.ts';

export function ReportsBarChart({ title, bars }: { title: string; bars: readonly Bar[] }) {
  if (bars.length === 0) return <p>No data yet.</p>;
  const layout = layoutBars(bars);
  const top = [...bars].sort((a, b) => b.value - a.value)[0]!;
  const summary = `${title}: ${bars.length} ${bars.length === 1 ? 'bar' : 'bars'}, the largest ${top.label} with ${top.value.toLocaleString('en-GB')}. The table below gives every value.`;
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      {/* focusable, so a keyboard can scroll a chart wider than the screen */}
      <div class="chart-scroll" tabIndex={0} role="group" aria-label={`${title} (scrolls sideways)`}>
        <svg role="img" aria-label={summary} viewBox={`0 0 ${layout.width} ${layout.height}`} width={layout.width} height={layout.height} font-size="13" font-family="sans-serif">
          {layout.rows.map((row) => (
            <g>
              <text x={layout.labelWidth - 6} y={row.y + 15} text-anchor="end" fill="currentColor">{row.label}</text>
              <rect x={layout.labelWidth} y={row.y + 3} width={Math.max(row.width, 1)} height={layout.rowHeight - 6} fill="#1d70b8" />
              <text x={layout.labelWidth + row.width + 6} y={row.y + 15} fill="currentColor">{row.valueText}</text>
            </g>
          ))}
        </svg>
      </div>
    </figure>
  );
}
