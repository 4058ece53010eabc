// Issue 14: the hard camera set (test/e2e/support/hard-frames.ts) and the easy fixtures through the built decoder
// worker in Chromium, frame by frame as the scan loop would send them: zxing-wasm alone as the app used it before
// (scan frame and whole picture in turn, the first code read is the answer) against the cascade (decode-cascade.ts,
// every code read, the passport chosen). For each kind: read or not, frames to a verdict, decode ms per frame.

import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';
import type { Browser } from 'playwright-core';
import { stepForFrame, stepRegion } from '../../src/app/adapters/decode-cascade.ts';
import { isPassportShaped } from '../../src/core/qr-text.ts';
import { CHROMIUM_PATH, launchChromium } from '../e2e/support/chromium.ts';
import { HARD_KINDS, hardFrame, type LumaFrame } from '../e2e/support/hard-frames.ts';
import { demoPassport } from '../e2e/support/scan-fixtures.ts';
import { qrLuma } from '../e2e/support/y4m.ts';
import { BenchSkipped, printTable, quantile, type Figure } from './report.ts';

export const name = 'app-decode';
export const description = 'hard camera set: zxing-wasm alone vs the decode cascade, in the built worker in Chromium (issue 14)';
export const timeoutSeconds = 600;

/** Frames tried before a kind counts as unread: 4 cycles of the cascade's extra steps, 2.4 s at 10 frames a second. */
const MAX_FRAMES = 24;

type Plan = { x: number; y: number; width: number; height: number; scale: number; tweaks?: object };

function plans(width: number, height: number, pipeline: 'alone' | 'cascade'): Plan[] {
  return Array.from({ length: MAX_FRAMES }, (_, n) => {
    // before issue 14: the scan frame and the whole picture in turn, default reader
    const step = stepForFrame(pipeline === 'alone' ? n % 2 : n, pipeline === 'alone' ? [] : undefined);
    // the worker spreads tweaks into zxing-wasm's options: `alone` asks for one symbol, as the app did before
    const tweaks = pipeline === 'alone' ? { maxNumberOfSymbols: 1 } : step.tweaks;
    return { ...stepRegion(step, width, height), scale: step.scale, ...(tweaks ? { tweaks } : {}) };
  });
}

export async function run(): Promise<void> {
  if (!existsSync(CHROMIUM_PATH)) throw new BenchSkipped(`no Chromium at ${CHROMIUM_PATH}`);
  const outDir = mkdtempSync(join(tmpdir(), 'cp-bench-dist-'));
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({ build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  let browser: Browser | undefined;
  try {
    if (!url) throw new Error('the preview server did not report its address');
    const workerFile = readdirSync(join(outDir, 'assets')).find((f) => /^decoder\.worker-.*\.js$/.test(f));
    if (!workerFile) throw new Error('the build has no decoder worker chunk');
    const passport = await demoPassport();
    const frames: [string, LumaFrame][] = [
      ...HARD_KINDS.map((kind): [string, LumaFrame] => [kind, hardFrame(kind, passport.qrText)]),
      ['easy: plain', qrLuma(passport.qrText, { moduleSize: 4 })],
      ['easy: dark mode', qrLuma(passport.qrText, { moduleSize: 4, dark: true })],
      ['easy: small, off-centre', qrLuma(passport.qrText, { moduleSize: 3, centre: [0.3, 0.38] })],
    ];
    browser = await launchChromium();
    const context = await browser.newContext({ serviceWorkers: 'block' });
    await context.addInitScript({ content: 'window.__name = (fn) => fn;' });
    const page = await context.newPage();
    await page.goto(url);
    const rows: Figure[] = [];
    for (const [kind, frame] of frames) {
      for (const pipeline of ['alone', 'cascade'] as const) {
        const texts = await page.evaluate(decodeFrames, {
          workerUrl: new URL(`assets/${workerFile}`, url).href,
          luma: Buffer.from(frame.luma).toString('base64'),
          width: frame.width,
          height: frame.height,
          plans: plans(frame.width, frame.height, pipeline),
        });
        // alone: the first code read is the answer, a passport or not; cascade: a passport among those read
        const verdictAt = texts.findIndex((t) => (pipeline === 'alone' ? t.texts.length > 0 : t.texts.some(isPassportShaped)));
        const answer = verdictAt < 0 ? undefined : pipeline === 'alone' ? texts[verdictAt]!.texts[0] : texts[verdictAt]!.texts.find(isPassportShaped);
        const tried = texts.slice(0, verdictAt < 0 ? texts.length : verdictAt + 1).map((t) => t.ms).sort((a, b) => a - b);
        const outcome = answer === passport.qrText ? 'read' : answer === undefined ? 'not read' : 'WRONG CODE';
        const label = `${kind}, ${pipeline === 'alone' ? 'zxing alone' : 'cascade'}`;
        rows.push(
          { figure: `${label}: passport`, value: outcome, unit: '' },
          { figure: `${label}: frames to a verdict`, value: verdictAt < 0 ? `none in ${MAX_FRAMES}` : verdictAt + 1, unit: 'frames' },
          { figure: `${label}: decode per frame, median`, value: quantile(tried, 0.5), unit: 'ms' },
          { figure: `${label}: decode per frame, max`, value: tried[tried.length - 1] ?? 0, unit: 'ms' },
        );
      }
    }
    await context.close();
    printTable(`per kind, up to ${MAX_FRAMES} frames of 640x480 (one decode a frame, as the scan loop sends them)`, rows);
  } finally {
    await browser?.close();
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

type PageInput = { workerUrl: string; luma: string; width: number; height: number; plans: Plan[] };

/** Runs in the page: draws each planned region (scaled by the canvas, as the scan loop does) and decodes it. */
async function decodeFrames({ workerUrl, luma, width, height, plans }: PageInput): Promise<{ texts: string[]; ms: number }[]> {
  const worker = new Worker(workerUrl, { type: 'module' });
  await new Promise<void>((resolve) => worker.addEventListener('message', (e: MessageEvent<{ type: string }>) => e.data.type === 'ready' && resolve()));
  const bytes = Uint8Array.from(atob(luma), (c) => c.charCodeAt(0));
  const picture = new ImageData(width, height);
  bytes.forEach((v, i) => picture.data.set([v, v, v, 255], i * 4));
  const source = new OffscreenCanvas(width, height);
  source.getContext('2d')!.putImageData(picture, 0, 0);
  const out: { texts: string[]; ms: number }[] = [];
  // the first plan twice: the first decode of a fresh worker warms it up and is not counted
  for (const [index, plan] of [plans[0]!, ...plans].entries()) {
    const id = index;
    const w = Math.round(plan.width * plan.scale);
    const h = Math.round(plan.height * plan.scale);
    const target = new OffscreenCanvas(w, h);
    const context = target.getContext('2d', { willReadFrequently: true })!;
    context.drawImage(source, plan.x, plan.y, plan.width, plan.height, 0, 0, w, h);
    const image = context.getImageData(0, 0, w, h);
    out.push(
      await new Promise<{ texts: string[]; ms: number }>((resolve) => {
        const onMessage = (e: MessageEvent<{ type: string; id: number; texts: string[]; ms: number }>) => {
          if (e.data.type !== 'decoded' || e.data.id !== id) return;
          worker.removeEventListener('message', onMessage);
          resolve({ texts: e.data.texts, ms: e.data.ms });
        };
        worker.addEventListener('message', onMessage);
        worker.postMessage({ type: 'decode', id, image, ...(plan.tweaks ? { tweaks: plan.tweaks } : {}) }, [image.data.buffer]);
      }),
    );
  }
  worker.terminate();
  return out.slice(1);
}
