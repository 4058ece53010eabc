// The passport QR image (spec section 2): `CP1:/` in a byte-mode segment, the digits in a numeric segment,
// error correction M. The numeric segment is what makes the code about 17% smaller than byte mode alone.

import type { QRCodeSegment } from 'qrcode';
import { QR_PREFIX } from '../core/index.ts';

export type QrImageFormat = 'png' | 'svg';

export const QR_ERROR_CORRECTION = 'M';

export function passportSegments(qrText: string): QRCodeSegment[] {
  if (!qrText.startsWith(QR_PREFIX)) throw new Error('passport QR text must start with CP1:/');
  return [
    // the typings take bytes for a byte segment; the prefix is ASCII, so its bytes are its characters
    { data: new TextEncoder().encode(QR_PREFIX), mode: 'byte' },
    { data: qrText.slice(QR_PREFIX.length), mode: 'numeric' },
  ];
}

/** Renders the QR; qrcode is loaded only here, so other commands start without it. */
export async function renderPassportQr(qrText: string, format: QrImageFormat): Promise<string | Uint8Array> {
  const { default: QRCode } = await import('qrcode');
  const segments = passportSegments(qrText);
  // 8 pixels a module and the standard 4-module quiet zone: sharp when printed on a wallet-sized card
  const options = { errorCorrectionLevel: QR_ERROR_CORRECTION, margin: 4, scale: 8 } as const;
  if (format === 'svg') return QRCode.toString(segments, { ...options, type: 'svg' });
  return new Uint8Array(await QRCode.toBuffer(segments, { ...options, type: 'png' }));
}
