// Draws the app icons into public/icons/ (run: npx tsx src/build/make-icons.ts; the PNGs are committed).
// A white disc with a tick on the theme blue: "checked", readable at 48 px. The maskable icon is full-bleed with
// the disc inside the central 80 % safe zone, so launchers may crop it to any shape.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

export type Rgb = [number, number, number];
export const BLUE: Rgb = [0x1d, 0x4f, 0x91];
export const WHITE: Rgb = [0xff, 0xff, 0xff];
/** Colour and coverage of one point of the unit square, before anti-aliasing. */
export type Shade = (x: number, y: number, maskable: boolean) => { rgb: Rgb; alpha: number };

const outDir = join(dirname(fileURLToPath(import.meta.url)), '../../public/icons');

/** Distance from point p to the segment a-b, all in unit coordinates. */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const [dx, dy] = [bx - ax, by - ay];
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Colour and coverage of one point (unit square), before anti-aliasing. */
function shade(x: number, y: number, maskable: boolean): { rgb: Rgb; alpha: number } {
  const corner = maskable ? 0 : 0.18;
  // rounded square background (square when maskable)
  const qx = Math.max(Math.abs(x - 0.5) - (0.5 - corner), 0);
  const qy = Math.max(Math.abs(y - 0.5) - (0.5 - corner), 0);
  if (Math.hypot(qx, qy) > corner) return { rgb: BLUE, alpha: 0 };
  const radius = maskable ? 0.3 : 0.36;
  const r = Math.hypot(x - 0.5, y - 0.5);
  if (r > radius) return { rgb: BLUE, alpha: 1 };
  const s = radius / 0.36; // the tick scales with the disc
  const stroke = 0.045 * s;
  const tick =
    segmentDistance(x, y, 0.5 - 0.16 * s, 0.5 + 0.0 * s, 0.5 - 0.05 * s, 0.5 + 0.12 * s) < stroke ||
    segmentDistance(x, y, 0.5 - 0.05 * s, 0.5 + 0.12 * s, 0.5 + 0.18 * s, 0.5 - 0.13 * s) < stroke;
  return { rgb: tick ? BLUE : WHITE, alpha: 1 };
}

/** A PNG of `size` pixels, each pixel the average of 4x4 samples of `draw` (so edges are anti-aliased). */
export function drawIcon(size: number, maskable: boolean, draw: Shade = shade): Buffer {
  const png = new PNG({ width: size, height: size });
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const { rgb, alpha } = draw((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size, maskable);
          r += rgb[0] * alpha;
          g += rgb[1] * alpha;
          b += rgb[2] * alpha;
          a += alpha;
        }
      }
      const i = (py * size + px) * 4;
      png.data[i] = a ? Math.round(r / a) : 0;
      png.data[i + 1] = a ? Math.round(g / a) : 0;
      png.data[i + 2] = a ? Math.round(b / a) : 0;
      png.data[i + 3] = Math.round((a / (samples * samples)) * 255);
    }
  }
  return PNG.sync.write(png);
}

export const ICONS = [
  // the page's favicon: a browser fetches and decodes it at every start, and 32 px decodes in a fraction of 192 px's time
  { file: 'icon-32.png', size: 32, maskable: false },
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
  { file: 'apple-touch-icon-180.png', size: 180, maskable: true },
] as const;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(outDir, { recursive: true });
  for (const icon of ICONS) writeFileSync(join(outDir, icon.file), drawIcon(icon.size, icon.maskable));
  console.log(`wrote ${ICONS.length} icons to ${outDir}`);
}
