// The decoder worker's warm-up QR (src/app/workers/warm-up-qr.png, drawn by src/build/make-warm-up-qr.ts): a QR that
// zxing reads, built as a passport's is, so the worker's one read at start takes the paths a passport's read takes.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WARM_UP_PNG, warmUpText } from '../../src/build/make-warm-up-qr.ts';
import { isPassportShaped } from '../../src/core/qr-text.ts';
import { decodeQr, pngPixels } from '../cli/zxing-node.ts';

describe('the decoder worker warm-up QR', () => {
  it('is a QR of the warm-up text, passport-shaped, with a numeric segment like a passport QR', async () => {
    const results = await decodeQr(pngPixels(readFileSync(WARM_UP_PNG)));
    expect(results.map((r) => r.text)).toEqual([warmUpText()]);
    expect(isPassportShaped(warmUpText())).toBe(true);
    // version 10 (57 modules) at 4 pixels a module with the 4-module quiet zone: the size of a passport in the scan frame
    const { width, height } = pngPixels(readFileSync(WARM_UP_PNG));
    expect([width, height]).toEqual([260, 260]);
  });
});
