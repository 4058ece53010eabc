// Draws the card page's icons into public/card/icons/ (run: npx tsx src/build/make-card-icons.ts; the PNGs are
// committed). A white wallet card with a blue stripe and a QR-like block, on the theme blue: "my passport", not the
// staff app's tick. The maskable icon keeps the card inside the central 80 % safe zone.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BLUE, WHITE, drawIcon, type Rgb } from './make-icons.ts';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '../../public/card/icons');

function inRoundedRect(x: number, y: number, left: number, top: number, right: number, bottom: number, corner: number): boolean {
  const qx = Math.max(left + corner - x, x - (right - corner), 0);
  const qy = Math.max(top + corner - y, y - (bottom - corner), 0);
  return x >= left && x <= right && y >= top && y <= bottom && Math.hypot(qx, qy) <= corner;
}

function shade(x: number, y: number, maskable: boolean): { rgb: Rgb; alpha: number } {
  if (!maskable && !inRoundedRect(x, y, 0, 0, 1, 1, 0.18)) return { rgb: BLUE, alpha: 0 };
  const s = maskable ? 0.78 : 1; // the card shrinks into the safe zone
  const u = 0.5 + (x - 0.5) / s;
  const v = 0.5 + (y - 0.5) / s;
  if (!inRoundedRect(u, v, 0.14, 0.25, 0.86, 0.75, 0.06)) return { rgb: BLUE, alpha: 1 };
  if (v > 0.31 && v < 0.38) return { rgb: BLUE, alpha: 1 }; // the stripe
  // a 3x3 block of squares: a QR code at a glance
  const [qx, qy] = [(u - 0.2) / 0.24, (v - 0.43) / 0.24];
  if (qx >= 0 && qx < 1 && qy >= 0 && qy < 1) {
    const cell = Math.floor(qx * 3) + 3 * Math.floor(qy * 3);
    if ([0, 2, 4, 6, 7].includes(cell)) return { rgb: BLUE, alpha: 1 };
  }
  if (u > 0.5 && u < 0.8 && ((v > 0.46 && v < 0.5) || (v > 0.55 && v < 0.59))) return { rgb: BLUE, alpha: 1 }; // two text lines
  return { rgb: WHITE, alpha: 1 };
}

export const CARD_ICONS = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
] as const;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(outDir, { recursive: true });
  for (const icon of CARD_ICONS) writeFileSync(join(outDir, icon.file), drawIcon(icon.size, icon.maskable, shade));
  console.log(`wrote ${CARD_ICONS.length} icons to ${outDir}`);
}
