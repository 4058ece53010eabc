// A decompression bomb for the status-list benchmark: one valid ZLIB stream (RFC 1950) that inflates to `totalBytes`
// zeros, built from a repeated deflate block so that neither the bench nor the machine ever holds the inflated data.

import { constants, deflateRawSync } from 'node:zlib';

const CHUNK = 1 << 20;

/** `totalBytes` must be a multiple of 1 MiB. About 1 KiB of output per MiB of zeros. */
export function zlibZeroBomb(totalBytes: number): Uint8Array {
  if (totalBytes % CHUNK !== 0) throw new RangeError('the bomb is built from whole MiB');
  // A sync flush ends the raw deflate on a byte boundary without a final block, so copies of it can follow each
  // other; each copy starts with a literal zero and then refers only to bytes inside itself.
  const block = deflateRawSync(new Uint8Array(CHUNK), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const copies = totalBytes / CHUNK;
  const header = [0x78, 0xda];
  const finalEmptyBlock = [0x03, 0x00]; // BFINAL=1, fixed Huffman, end of block
  // Adler-32 of n zeros: a stays 1, b adds a once per byte
  const a = 1;
  const b = totalBytes % 65_521;
  const adler = ((b << 16) | a) >>> 0;
  const trailer = [adler >>> 24, (adler >>> 16) & 0xff, (adler >>> 8) & 0xff, adler & 0xff];

  const out = new Uint8Array(header.length + block.length * copies + finalEmptyBlock.length + trailer.length);
  out.set(header, 0);
  let offset = header.length;
  for (let i = 0; i < copies; i++, offset += block.length) out.set(block, offset);
  out.set(finalEmptyBlock, offset);
  out.set(trailer, offset + finalEmptyBlock.length);
  return out;
}
