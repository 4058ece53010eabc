// The card's QR mask search gives the qrcode package's own symbol, module for module, only faster.

import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { createMaskedSymbol } from '../../src/cards/qr-mask.ts';
import { passportSegments } from '../../src/cards/qr-segments.ts';

function randomDigits(n: number, seed: number): string {
  let x = seed;
  let s = '';
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    s += String(x % 10);
  }
  return s;
}

describe('QR mask', () => {
  it('chooses the mask the qrcode package chooses, and draws the same modules', () => {
    const masks = new Set<number>();
    for (let i = 0; i < 120; i++) {
      const segments = i % 3 === 0
        ? [{ data: new TextEncoder().encode(`https://carers.example/card/#code=${randomDigits(12, i)}`), mode: 'byte' as const }]
        : passportSegments(`CP1:/${randomDigits(200 + i * 7, i)}`);
      const theirs = QRCode.create(segments, { errorCorrectionLevel: 'M' });
      const ours = createMaskedSymbol(segments, 'M');
      expect(ours.mask).toBe(theirs.maskPattern);
      expect(ours.size).toBe(theirs.modules.size);
      expect(Buffer.from(ours.data).equals(Buffer.from(theirs.modules.data))).toBe(true);
      masks.add(ours.mask);
    }
    expect(masks.size).toBeGreaterThan(3); // the comparison met several masks, not one
  });
});
