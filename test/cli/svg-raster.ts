// Rasterises the SVG that qrcode writes (a white square, then one stroked path of `M x y.5`, `m dx dy`, `h n`
// runs, one per row of dark modules) into RGBA pixels, so the SVG can be decoded like a photo of the card.

import type { Pixels } from './zxing-node.ts';

export function rasteriseQrSvg(svg: string, scale = 4): Pixels {
  const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
  const path = /<path stroke="[^"]+" d="([^"]+)"/.exec(svg);
  if (!viewBox || !path) throw new Error('not an SVG from qrcode');
  const size = Number(viewBox[1]);
  const width = size * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  let x = 0;
  let y = 0;
  for (const [, op, a, b] of path[1]!.matchAll(/([MmHh])\s*(-?[\d.]+)(?:\s+(-?[\d.]+))?/g)) {
    const first = Number(a);
    if (op === 'M') [x, y] = [first, Number(b)];
    else if (op === 'm') [x, y] = [x + first, y + Number(b)];
    else {
      const end = op === 'h' ? x + first : first;
      paintRun(data, width, scale, Math.floor(y), x, end);
      x = end;
    }
  }
  return { data, width, height: width };
}

function paintRun(data: Uint8ClampedArray, width: number, scale: number, row: number, from: number, to: number): void {
  for (let py = row * scale; py < (row + 1) * scale; py++) {
    for (let px = from * scale; px < to * scale; px++) {
      const i = (py * width + px) * 4;
      data[i] = data[i + 1] = data[i + 2] = 0;
    }
  }
}
