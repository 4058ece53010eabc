// zxing-wasm in Node, offline: its .wasm is read from node_modules instead of the CDN it fetches by default.

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { PNG } from 'pngjs';
import { prepareZXingModule, readBarcodes, type ReadResult } from 'zxing-wasm/reader';

const require = createRequire(import.meta.url);
let prepared: Promise<unknown> | undefined;

async function prepare(): Promise<void> {
  prepared ??= (async () => {
    const wasmPath = require.resolve('zxing-wasm/reader/zxing_reader.wasm');
    const wasmBinary = new Uint8Array(await readFile(wasmPath)).buffer;
    return prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
  })();
  await prepared;
}

export type Pixels = { data: Uint8ClampedArray; width: number; height: number };

export function pngPixels(png: Uint8Array): Pixels {
  const image = PNG.sync.read(Buffer.from(png));
  return { data: new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), width: image.width, height: image.height };
}

/** Every QR code zxing finds in the pixels. */
export async function decodeQr(pixels: Pixels): Promise<ReadResult[]> {
  await prepare();
  return readBarcodes(pixels as unknown as ImageData, { formats: ['QRCode'], tryHarder: true });
}
