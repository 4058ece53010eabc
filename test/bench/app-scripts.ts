// The JavaScript a till downloads before its first verdict: every script the page and its workers fetch from the
// navigation until the verdict shows, gzipped, the decoder's included; the .wasm is reported beside it, not in it
// (decisions.md). A fresh context with no service worker, so precaching does not count as the page's fetches.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import type { Figure } from './report.ts';

const GOAL_KB = 60;

export async function measureFirstScanScripts(browser: Browser, url: string, outDir: string, carerName: string): Promise<Figure[]> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const fetched = new Set<string>();
  let verdictShown = false;
  context.on('request', (request) => {
    if (!verdictShown) fetched.add(new URL(request.url()).pathname);
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction((name) => /\bValid\b/.test(document.body.innerText) && document.body.innerText.includes(name), carerName, {
    timeout: 30_000,
  });
  verdictShown = true;
  await context.close();

  const gzipped = (path: string) => gzipSync(readFileSync(join(outDir, path)), { level: 9 }).length / 1024;
  const scripts = [...fetched].filter((p) => p.endsWith('.js') || p.endsWith('.mjs')).sort();
  const wasm = [...fetched].filter((p) => p.endsWith('.wasm'));
  const figures: Figure[] = scripts.map((p) => ({ figure: p.replace(/^\//, ''), value: gzipped(p), unit: 'KB gz' }));
  const total = figures.reduce((sum, f) => sum + (f.value as number), 0);
  figures.push(
    { figure: 'total JavaScript before the first verdict', value: total, unit: 'KB gz' },
    { figure: `goal: under ${GOAL_KB} KB gzipped`, value: total < GOAL_KB ? 'met' : 'not met', unit: '' },
    ...wasm.map((p) => ({ figure: `beside it: ${p.replace(/^\//, '')}`, value: gzipped(p), unit: 'KB gz' })),
  );
  return figures;
}
