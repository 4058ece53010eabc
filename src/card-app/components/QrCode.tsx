// The passport QR as it is printed (spec section 2): `CP1:/` as bytes, the digits as a numeric segment, error
// correction M, a 4-module quiet zone. Drawn as one SVG path: sharp at any size, black on white whatever the theme.

import QRCode from 'qrcode';
import { useMemo } from 'preact/hooks';
import { QR_ERROR_CORRECTION, QR_QUIET_ZONE, passportSegments } from '../../cards/qr-segments.ts';

/** The path of every dark module, one run of a row at a time, in module units with the quiet zone added. */
export function qrPath(qrText: string): { size: number; d: string } {
  const { modules } = QRCode.create(passportSegments(qrText), { errorCorrectionLevel: QR_ERROR_CORRECTION });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.data[row * modules.size + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.data[row * modules.size + col]) col++;
      parts.push(`M${start + QR_QUIET_ZONE} ${row + QR_QUIET_ZONE}h${col - start}v1h-${col - start}z`);
    }
  }
  return { size: modules.size + 2 * QR_QUIET_ZONE, d: parts.join('') };
}

export function QrCode({ text, label }: { text: string; label: string }) {
  const { size, d } = useMemo(() => qrPath(text), [text]);
  return (
    <svg class="qr" role="img" aria-label={label} viewBox={`0 0 ${size} ${size}`} shape-rendering="crispEdges" xmlns="http://www.w3.org/2000/svg">
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
