// The passport QR image (spec section 2), from the segments the printed card uses too (src/cards/qr-segments.ts).

import { QR_ERROR_CORRECTION, passportSegments } from '../cards/qr-segments.ts';

export { QR_ERROR_CORRECTION, passportSegments };

export type QrImageFormat = 'png' | 'svg';

/** Renders the QR; qrcode is loaded only here, so other commands start without it. */
export async function renderPassportQr(qrText: string, format: QrImageFormat): Promise<string | Uint8Array> {
  const { default: QRCode } = await import('qrcode');
  const segments = passportSegments(qrText);
  // 8 pixels a module and the standard 4-module quiet zone: sharp when printed on a wallet-sized card
  const options = { errorCorrectionLevel: QR_ERROR_CORRECTION, margin: 4, scale: 8 } as const;
  if (format === 'svg') return QRCode.toString(segments, { ...options, type: 'svg' });
  return new Uint8Array(await QRCode.toBuffer(segments, { ...options, type: 'png' }));
}
