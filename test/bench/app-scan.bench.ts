// Issue 3, benchmark: the scanning app in Debian's Chromium. Time from the page opening (and from the camera's
// first frame) to the verdict on screen with the fake camera, over 20 scans; decode time per 640x480 frame in the
// decoder worker; and the JavaScript fetched before the first verdict (goal: under 60 KB gzipped).

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';
import type { Browser } from 'playwright-core';
import { CHROMIUM_PATH, launchChromium } from '../e2e/support/chromium.ts';
import { demoPassport } from '../e2e/support/scan-fixtures.ts';
import { writeQrY4m } from '../e2e/support/y4m.ts';
import { measureDecodeTimes } from './app-decode.ts';
import { measureFirstScanScripts } from './app-scripts.ts';
import { BenchSkipped, printTable, quantile, type Figure } from './report.ts';

export const name = 'app-scan';
export const description = 'fake-camera scan to verdict in Chromium, decode time per frame, JavaScript before the first scan (issue 3)';
export const timeoutSeconds = 600;

const SCANS = 20;

export async function run(): Promise<void> {
  if (!existsSync(CHROMIUM_PATH)) throw new BenchSkipped(`no Chromium at ${CHROMIUM_PATH}`);
  const outDir = mkdtempSync(join(tmpdir(), 'cp-bench-dist-'));
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({ build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  let browser: Browser | undefined;
  try {
    if (!url) throw new Error('the preview server did not report its address');
    const passport = await demoPassport();
    browser = await launchChromium({ fakeCamera: writeQrY4m(passport.qrText, { moduleSize: 4 }) });
    await benchScans(browser, url, passport.name);
    printTable('decode time per frame in the worker (median and p95 of 40)', await measureDecodeTimes(browser, url, outDir, passport.qrText));
    printTable('JavaScript fetched from page load until the first verdict (fresh profile, no service worker)', await measureFirstScanScripts(browser, url, outDir, passport.name));
  } finally {
    await browser?.close();
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Times written by the page itself (performance.now(), ms since navigation start). */
type ScanTimes = { verdict: number; cameraPlaying: number | undefined; decoded: number | undefined };

/**
 * Records the moment the verdict's words first appear, from inside the page, without polling from outside.
 * A string, not a function: tsx would wrap a function in helpers that do not exist in the page.
 */
const verdictWatch = (carerName: string) => `
  (() => {
    const name = ${JSON.stringify(carerName)};
    const check = () => {
      if (window.__verdictAt === undefined && document.body && /\\bValid\\b/.test(document.body.innerText) && document.body.innerText.includes(name)) {
        window.__verdictAt = performance.now();
      }
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
  })();
`;

async function benchScans(browser: Browser, url: string, carerName: string): Promise<void> {
  // one context for all scans: a till reopening the app through the day, HTTP cache warm, no service worker
  // (so every scan loads the same way; the service worker's cache only makes loads faster)
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript({ content: verdictWatch(carerName) });
  const page = await context.newPage();
  const times: ScanTimes[] = [];
  for (let i = 0; i < SCANS + 1; i++) {
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __verdictAt?: number }).__verdictAt !== undefined, undefined, { timeout: 30_000 });
    const t = await page.evaluate(() => ({
      verdict: (window as unknown as { __verdictAt: number }).__verdictAt,
      cameraPlaying: performance.getEntriesByName('cp:camera-playing')[0]?.startTime,
      decoded: performance.getEntriesByName('cp:qr-decoded')[0]?.startTime,
    }));
    if (i > 0) times.push(t); // the first load fills the HTTP cache and compiles the .wasm: reported apart
    else printTable('first scan, cold cache', scanFigures([t]));
  }
  await context.close();
  printTable(`${SCANS} scans, warm HTTP cache: ms from navigation start`, scanFigures(times));
}

function scanFigures(times: ScanTimes[]): Figure[] {
  const stats = (label: string, values: number[]): Figure[] => {
    const sorted = [...values].sort((a, b) => a - b);
    if (sorted.length === 1) return [{ figure: label, value: sorted[0]!, unit: 'ms' }];
    return [
      { figure: `${label}, median`, value: quantile(sorted, 0.5), unit: 'ms' },
      { figure: `${label}, p95`, value: quantile(sorted, 0.95), unit: 'ms' },
    ];
  };
  const known = <T,>(values: (T | undefined)[]) => values.filter((v): v is T => v !== undefined);
  return [
    ...stats('page load to verdict on screen', times.map((t) => t.verdict)),
    ...stats('first camera frame to verdict', known(times.map((t) => (t.cameraPlaying === undefined ? undefined : t.verdict - t.cameraPlaying)))),
    ...stats('QR decoded to verdict (verify and render)', known(times.map((t) => (t.decoded === undefined ? undefined : t.verdict - t.decoded)))),
  ];
}
