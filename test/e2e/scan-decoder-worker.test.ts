// The built decoder worker in Chromium: it picks the platform's BarcodeDetector when that can read QR codes
// (Android Chrome, macOS) and zxing-wasm otherwise. Chromium on Linux has no BarcodeDetector, so a stand-in is
// defined before the worker's module runs.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/chromium.ts';
import { demoPassport } from './support/scan-fixtures.ts';
import { qrLuma } from './support/y4m.ts';

let browser: Browser;
let page: Page;
let workerUrl: string;

beforeAll(async () => {
  const file = readdirSync(join(process.cwd(), 'dist/assets')).find((f) => /^decoder\.worker-.*\.js$/.test(f));
  if (!file) throw new Error('the build has no decoder worker');
  workerUrl = new URL(`assets/${file}`, inject('appUrl')).href;
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(inject('appUrl'));
});
afterAll(async () => {
  await browser?.close();
});

type Outcome = { engine: string; text: string | undefined };

/** Starts the worker with `prelude` run first, decodes one grey 640x480 frame (`luma`, base64) and reports. */
function decodeWith(prelude: string, luma: string): Promise<Outcome> {
  return page.evaluate(
    async ({ prelude, workerUrl, luma }) => {
      // a blob worker resolves '/assets/...' against its blob: address: point fetches at the app's origin again
      const origin = new URL(workerUrl).origin;
      const source = `const f = fetch; globalThis.fetch = (u, o) => f(new URL(String(u), ${JSON.stringify(origin)}), o);
        ${prelude}\nawait import(${JSON.stringify(workerUrl)});`;
      const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })), { type: 'module' });
      const bytes = Uint8Array.from(atob(luma), (c) => c.charCodeAt(0));
      const image = new ImageData(640, 480);
      bytes.forEach((v, i) => image.data.set([v, v, v, 255], i * 4));
      return new Promise<{ engine: string; text: string | undefined }>((resolve) => {
        let engine = '';
        worker.addEventListener('message', (event: MessageEvent<{ type: string; engine?: string; texts?: string[]; detail?: string }>) => {
          if (event.data.type === 'broken') resolve({ engine: 'broken', text: event.data.detail });
          if (event.data.type === 'ready') {
            engine = event.data.engine ?? '';
            worker.postMessage({ type: 'decode', id: 1, image }, [image.data.buffer]);
          }
          if (event.data.type === 'decoded') {
            worker.terminate();
            resolve({ engine, text: event.data.texts?.[0] });
          }
        });
      });
    },
    { prelude, workerUrl, luma },
  );
}

test('with no BarcodeDetector, zxing-wasm (its .wasm from our own origin) reads the passport', async () => {
  const passport = await demoPassport();
  const luma = Buffer.from(qrLuma(passport.qrText, { moduleSize: 4 }).luma).toString('base64');
  await expect(decodeWith('', luma)).resolves.toEqual({ engine: 'zxing-wasm', text: passport.qrText });
});

test('a BarcodeDetector that reads QR codes is used instead, asked for QR only', async () => {
  const prelude = `
    globalThis.BarcodeDetector = class {
      static async getSupportedFormats() { return ['qr_code', 'ean_13']; }
      constructor(options) { this.formats = options.formats; }
      async detect() { return [{ rawValue: 'native:' + this.formats.join(',') }]; }
    };`;
  const blank = Buffer.alloc(640 * 480, 128).toString('base64');
  await expect(decodeWith(prelude, blank)).resolves.toEqual({ engine: 'barcode-detector', text: 'native:qr_code' });
});

test('a native detector that misses light-on-dark codes is asked again with the picture inverted', async () => {
  // this stand-in "sees" a code only when the first pixel is dark, as a detector that cannot read inverted codes
  const prelude = `
    globalThis.BarcodeDetector = class {
      static async getSupportedFormats() { return ['qr_code']; }
      async detect(image) { return image.data[0] < 128 ? [{ rawValue: 'seen after inverting' }] : []; }
    };`;
  const light = Buffer.alloc(640 * 480, 220).toString('base64');
  await expect(decodeWith(prelude, light)).resolves.toEqual({ engine: 'barcode-detector', text: 'seen after inverting' });
});

test('a BarcodeDetector without QR support (some desktop builds) is passed over for zxing-wasm', async () => {
  const prelude = `
    globalThis.BarcodeDetector = class {
      static async getSupportedFormats() { return []; }
      async detect() { return [{ rawValue: 'should not be used' }]; }
    };`;
  const blank = Buffer.alloc(640 * 480, 128).toString('base64');
  await expect(decodeWith(prelude, blank)).resolves.toEqual({ engine: 'zxing-wasm', text: undefined });
});

test('a .wasm that cannot be fetched reports the reader broken (the screen then says so) instead of hanging', async () => {
  const prelude = `
    const real = globalThis.fetch;
    globalThis.fetch = (u, o) => (String(u).endsWith('.wasm') ? Promise.resolve(new Response('gone', { status: 404 })) : real(u, o));`;
  const blank = Buffer.alloc(640 * 480, 128).toString('base64');
  await expect(decodeWith(prelude, blank)).resolves.toEqual({ engine: 'broken', text: 'the QR reader could not be fetched (HTTP 404)' });
});

/**
 * Starts the worker with a prelude that reports each picture it reads itself (OffscreenCanvas getImageData) and each
 * fetch, and sends it no frame: what it does on its own once ready.
 */
function readsWhenLeftAlone(prelude: string): Promise<{ fetched: string[]; read: number[][] }> {
  return page.evaluate(
    async ({ prelude, workerUrl }) => {
      const origin = new URL(workerUrl).origin;
      const source = `const f = fetch; globalThis.fetch = (u, o) => { postMessage({ type: 'fetch', url: String(u) }); return f(new URL(String(u), ${JSON.stringify(origin)}), o); };
        const read = OffscreenCanvasRenderingContext2D.prototype.getImageData;
        OffscreenCanvasRenderingContext2D.prototype.getImageData = function (...box) { postMessage({ type: 'read', box }); return read.apply(this, box); };
        ${prelude}\nawait import(${JSON.stringify(workerUrl)});`;
      const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })), { type: 'module' });
      const fetched: string[] = [];
      const read: number[][] = [];
      worker.addEventListener('message', (event: MessageEvent<{ type: string; url?: string; box?: number[] }>) => {
        if (event.data.type === 'fetch') fetched.push(event.data.url!.split('/').pop()!);
        if (event.data.type === 'read') read.push(event.data.box!);
      });
      await new Promise((resolve) => worker.addEventListener('message', (event) => event.data.type === 'ready' && resolve(undefined)));
      await new Promise((resolve) => setTimeout(resolve, 1_500)); // the warm-up's read is one decode, a few ms
      worker.terminate();
      return { fetched, read };
    },
    { prelude, workerUrl },
  );
}

test('once ready, zxing reads its own warm-up QR (fetched beside the .wasm), so the first camera frame finds its code compiled', async () => {
  const { fetched, read } = await readsWhenLeftAlone('');
  expect(fetched.some((name) => /^zxing_reader-.*\.wasm$/.test(name))).toBe(true);
  expect(fetched.some((name) => /^warm-up-qr-.*\.png$/.test(name))).toBe(true);
  expect(read).toEqual([[0, 0, 260, 260]]);
});

test('with a native detector there is no zxing to warm up: the warm-up QR is neither fetched nor read', async () => {
  const prelude = `
    globalThis.BarcodeDetector = class {
      static async getSupportedFormats() { return ['qr_code']; }
      async detect() { return []; }
    };`;
  const { fetched, read } = await readsWhenLeftAlone(prelude);
  expect(fetched.filter((name) => /warm-up-qr/.test(name))).toEqual([]);
  expect(read).toEqual([]);
});
