// QR codes as inline SVG for the admin page and the demo cards (qrcode package, no images on disk).

import QRCode, { type QRCodeSegment } from 'qrcode';
import { QR_PREFIX } from '../../core/index.ts';

/**
 * A passport's QR text in two segments, as spec section 2 says: the prefix in byte mode, the digits in numeric
 * mode, error correction M.
 */
export function passportQrSvg(qrText: string): Promise<string> {
  const digits = qrText.slice(QR_PREFIX.length);
  const segments: QRCodeSegment[] = [
    { data: new TextEncoder().encode(QR_PREFIX), mode: 'byte' },
    { data: digits, mode: 'numeric' },
  ];
  return QRCode.toString(
    segments,
    { type: 'svg', errorCorrectionLevel: 'M', margin: 4 },
  );
}

/** Any other text (an enrolment code), byte mode. */
export function textQrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
}
