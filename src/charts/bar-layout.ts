// Where each bar of a horizontal bar chart goes: shared by the classic admin page's SVG text (server/admin/charts.ts)
// and the admin UI's chart component, so both draw the same chart from the same numbers. No chart library.

export type Bar = { label: string; value: number };

export type BarRow = { label: string; y: number; width: number; valueText: string };

export type BarLayout = { width: number; height: number; labelWidth: number; rowHeight: number; rows: BarRow[] };

export const BAR_GEOMETRY = { rowHeight: 22, labelWidth: 220, barWidth: 360, valueWidth: 80, labelChars: 32 };

/** Bars scaled to the largest value (at least 1, so a chart of zeros stays flat), with their labels shortened. */
export function layoutBars(bars: readonly Bar[], unit = ''): BarLayout {
  const { rowHeight, labelWidth, barWidth, valueWidth, labelChars } = BAR_GEOMETRY;
  const max = Math.max(1, ...bars.map((b) => b.value));
  return {
    width: labelWidth + barWidth + valueWidth,
    height: bars.length * rowHeight + 4,
    labelWidth,
    rowHeight,
    rows: bars.map((bar, i) => ({
      label: truncate(bar.label, labelChars),
      y: i * rowHeight + 2,
      width: Math.round((Math.max(0, bar.value) / max) * barWidth),
      valueText: `${bar.value.toLocaleString('en-GB')}${unit}`,
    })),
  };
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
