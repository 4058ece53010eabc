// A QR symbol as a matrix of modules, for drawing it as vector rectangles (the printed card and letter).

import { createMaskedSymbol, type MaskedSymbol } from './qr-mask.ts';
import { QR_ERROR_CORRECTION, passportSegments } from './qr-segments.ts';

/** A QR symbol of dark (true) and light modules, without its quiet zone. */
export type QrMatrix = { version: number; size: number; dark: (row: number, col: number) => boolean };

export function passportQrMatrix(qrText: string): QrMatrix {
  return matrixOf(createMaskedSymbol(passportSegments(qrText), QR_ERROR_CORRECTION));
}

/** Any other text (the phone copy's collection link on a letter): byte mode, error correction M. */
export function textQrMatrix(text: string): QrMatrix {
  return matrixOf(createMaskedSymbol([{ data: new TextEncoder().encode(text), mode: 'byte' }], QR_ERROR_CORRECTION));
}

function matrixOf({ version, size, data }: MaskedSymbol): QrMatrix {
  return { version, size, dark: (row, col) => data[row * size + col] === 1 };
}
