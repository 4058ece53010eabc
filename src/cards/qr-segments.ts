// The passport QR (spec section 2): `CP1:/` in a byte-mode segment, the digits in a numeric segment, error
// correction M. The numeric segment is what makes the code about 17% smaller than byte mode alone. `issue --png`,
// the printed card and the service all build it here, so every printed QR is the same symbol. No runtime import of
// qrcode here: the CLI loads it only for the commands that draw.

import type { QRCodeSegment } from 'qrcode';
import { QR_PREFIX } from '../core/qr-text.ts';

export const QR_ERROR_CORRECTION = 'M';
/** The standard quiet zone, in modules, on each side. */
export const QR_QUIET_ZONE = 4;

export function passportSegments(qrText: string): QRCodeSegment[] {
  if (!qrText.startsWith(QR_PREFIX)) throw new Error('passport QR text must start with CP1:/');
  return [
    // the typings take bytes for a byte segment; the prefix is ASCII, so its bytes are its characters
    { data: new TextEncoder().encode(QR_PREFIX), mode: 'byte' },
    { data: qrText.slice(QR_PREFIX.length), mode: 'numeric' },
  ];
}
