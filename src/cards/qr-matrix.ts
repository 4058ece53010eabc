// A QR symbol as a matrix of modules, for drawing it as vector rectangles (the printed card and letter).

import QRCode from 'qrcode';
import { QR_ERROR_CORRECTION, passportSegments } from './qr-segments.ts';

/** A QR symbol of dark (true) and light modules, without its quiet zone. */
export type QrMatrix = { version: number; size: number; dark: (row: number, col: number) => boolean };

export function passportQrMatrix(qrText: string): QrMatrix {
  return matrixOf(QRCode.create(passportSegments(qrText), { errorCorrectionLevel: QR_ERROR_CORRECTION }));
}

/** Any other text (the phone copy's collection link on a letter): byte mode, error correction M. */
export function textQrMatrix(text: string): QrMatrix {
  return matrixOf(QRCode.create([{ data: new TextEncoder().encode(text), mode: 'byte' }], { errorCorrectionLevel: QR_ERROR_CORRECTION }));
}

function matrixOf(code: QRCode.QRCode): QrMatrix {
  const { size, data } = code.modules;
  return { version: code.version, size, dark: (row, col) => data[row * size + col] === 1 };
}
