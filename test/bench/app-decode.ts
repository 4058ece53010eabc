// Decode time per frame in the app's own decoder worker (the built file, in Chromium): frames with and without a
// passport QR, the whole 640x480 picture and the scan-frame crop the loop tries first.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { qrLuma } from '../e2e/support/y4m.ts';
import { quantile, seededRandom, type Figure } from './report.ts';

const RUNS = 40;
const WIDTH = 640;
const HEIGHT = 480;

/** A "counter top" with texture and no code: 8 px blocks of random grey, edges everywhere for the detector. */
function texturedLuma(): Uint8Array {
  const random = seededRandom(3);
  const blocks = Array.from({ length: (WIDTH / 8) * (HEIGHT / 8) }, () => 40 + Math.floor(random() * 180));
  const luma = new Uint8Array(WIDTH * HEIGHT);
  for (let y = 0; y < HEIGHT; y++) for (let x = 0; x < WIDTH; x++) luma[y * WIDTH + x] = blocks[(y >> 3) * (WIDTH / 8) + (x >> 3)]!;
  return luma;
}

export async function measureDecodeTimes(browser: Browser, url: string, outDir: string, qrText: string): Promise<Figure[]> {
  const workerFile = readdirSync(join(outDir, 'assets')).find((f) => /^decoder\.worker-.*\.js$/.test(f));
  if (!workerFile) throw new Error('the build has no decoder worker chunk');
  const context = await browser.newContext({ serviceWorkers: 'block' });
  // tsx (esbuild keepNames) wraps the inner functions below in __name(): give the page a do-nothing one
  await context.addInitScript({ content: 'window.__name = (fn) => fn;' });
  const page = await context.newPage();
  await page.goto(url);
  const frames = {
    'QR, whole 640x480 frame': Buffer.from(qrLuma(qrText, { moduleSize: 4 }).luma).toString('base64'),
    'no QR, whole 640x480 frame': Buffer.from(texturedLuma()).toString('base64'),
  };
  const result = await page.evaluate(
    async ({ workerUrl, frames, runs, width, height }) => {
      const worker = new Worker(workerUrl, { type: 'module' });
      const engine = await new Promise<string>((resolve) =>
        worker.addEventListener('message', (e: MessageEvent<{ type: string; engine?: string }>) => e.data.type === 'ready' && resolve(e.data.engine ?? '')),
      );
      let id = 0;
      const decode = (image: ImageData) =>
        new Promise<{ ms: number; found: boolean; roundTrip: number }>((resolve) => {
          const mine = ++id;
          const started = performance.now();
          const onMessage = (e: MessageEvent<{ type: string; id: number; ms: number; text?: string }>) => {
            if (e.data.type !== 'decoded' || e.data.id !== mine) return;
            worker.removeEventListener('message', onMessage);
            resolve({ ms: e.data.ms, found: e.data.text !== undefined, roundTrip: performance.now() - started });
          };
          worker.addEventListener('message', onMessage);
          worker.postMessage({ type: 'decode', id: mine, image }, [image.data.buffer]);
        });
      const toImage = (luma: Uint8Array, x0: number, y0: number, w: number, h: number) => {
        const image = new ImageData(w, h);
        for (let y = 0; y < h; y++) {
          for (let x = 0; x < w; x++) {
            const v = luma[(y + y0) * width + x + x0]!;
            image.data.set([v, v, v, 255], (y * w + x) * 4);
          }
        }
        return image;
      };
      const side = Math.round(Math.min(width, height) * 0.8); // the scan frame (scan-loop.ts)
      const out: Record<string, { ms: number[]; roundTrip: number[]; found: number }> = {};
      for (const [label, base64] of Object.entries(frames)) {
        const luma = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const variants: [string, () => ImageData][] = [
          [label, () => toImage(luma, 0, 0, width, height)],
          [label.replace('whole 640x480 frame', `scan-frame crop ${side}x${side}`), () => toImage(luma, (width - side) / 2, (height - side) / 2, side, side)],
        ];
        for (const [name, make] of variants) {
          await decode(make()); // warm-up
          const entry: { ms: number[]; roundTrip: number[]; found: number } = { ms: [], roundTrip: [], found: 0 };
          out[name] = entry;
          for (let i = 0; i < runs; i++) {
            const r = await decode(make());
            entry.ms.push(r.ms);
            entry.roundTrip.push(r.roundTrip);
            if (r.found) entry.found++;
          }
        }
      }
      worker.terminate();
      return { engine, out };
    },
    { workerUrl: new URL(`assets/${workerFile}`, url).href, frames, runs: RUNS, width: WIDTH, height: HEIGHT },
  );
  await context.close();
  const figures: Figure[] = [{ figure: 'engine', value: result.engine, unit: '' }];
  for (const [label, entry] of Object.entries(result.out)) {
    const ms = [...entry.ms].sort((a, b) => a - b);
    const trip = [...entry.roundTrip].sort((a, b) => a - b);
    figures.push(
      { figure: `${label}: decode, median`, value: quantile(ms, 0.5), unit: 'ms' },
      { figure: `${label}: decode, p95`, value: quantile(ms, 0.95), unit: 'ms' },
      { figure: `${label}: round trip incl. transfer, median`, value: quantile(trip, 0.5), unit: 'ms' },
      { figure: `${label}: frames where a code was read`, value: `${entry.found}/${RUNS}`, unit: '' },
    );
  }
  return figures;
}
