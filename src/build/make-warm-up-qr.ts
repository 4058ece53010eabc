// Draws the decoder worker's warm-up QR into src/app/workers/warm-up-qr.png (run: npx tsx src/build/make-warm-up-qr.ts;
// the PNG is committed). The worker reads it once as it starts, so the reader's code is compiled before the first camera
// frame (issue 13). It is built as a passport's QR is (a byte segment for `CP1:/`, a numeric one for the digits, error
// correction M, version 10), so reading it takes the same paths as reading a passport; its digits are no passport.

import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import QRCode from 'qrcode';
import { QR_ERROR_CORRECTION, passportSegments } from '../cards/qr-segments.ts';

export const WARM_UP_PNG = join(dirname(fileURLToPath(import.meta.url)), '../app/workers/warm-up-qr.png');

/** 420 digits that look like data (a fixed pseudo-random sequence), after the passport prefix. */
export function warmUpText(): string {
  let seed = 12_345;
  let digits = '';
  while (digits.length < 420) {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    digits += String(seed % 10);
  }
  return `CP1:/${digits}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // 4 pixels a module, as a passport held at a till fills the scan frame
  const png = await QRCode.toBuffer(passportSegments(warmUpText()), { errorCorrectionLevel: QR_ERROR_CORRECTION, margin: 4, scale: 4, type: 'png' });
  writeFileSync(WARM_UP_PNG, png);
  console.log(`${WARM_UP_PNG}: ${png.length} bytes`);
}
