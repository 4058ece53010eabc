// Issue 13: served by the scheme service, which sends brotli copies of the app's files, the service worker still
// precaches everything (workbox fetches with the browser's usual headers), which answers the next visit.

import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/chromium.ts';
import { demoPassport, waitForValidVerdict } from './support/scan-fixtures.ts';
import { startServedApp, type ServedApp } from './support/served-app.ts';
import { writeQrY4m } from './support/y4m.ts';

let served: ServedApp;
let browser: Browser;
let name: string;

beforeAll(async () => {
  const passport = await demoPassport();
  name = passport.name;
  served = await startServedApp();
  browser = await launchChromium({ fakeCamera: writeQrY4m(passport.qrText, { moduleSize: 4 }) });
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

test('the app arrives brotli-compressed, precaches whole through the service worker, which answers the next visit', async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const encodings = new Map<string, string | undefined>();
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (/\.(js|css|wasm)$/.test(path)) encodings.set(path, response.headers()['content-encoding']);
    });
    await page.goto(`${served.service.localUrl}/`);
    await waitForValidVerdict(page, name);
    expect([...encodings.values()].length).toBeGreaterThan(0);
    expect([...encodings.entries()].filter(([, encoding]) => encoding !== 'br')).toEqual([]);

    // polled from here: page.waitForFunction would take a returned promise as a truthy value
    await expect.poll(() => page.evaluate(`navigator.serviceWorker.getRegistration().then((r) => r?.active?.state === 'activated')`), { timeout: 30_000 }).toBe(true);
    // every script, stylesheet and the .wasm the page fetched is in the precache, whole (not brotli bytes)
    const paths = [...encodings.keys()].filter((p) => !p.includes('workbox-window'));
    const cached = (await page.evaluate(`Promise.all(${JSON.stringify(paths)}.map(async (path) => {
      const response = await caches.match(path);
      const bytes = response ? new Uint8Array(await response.arrayBuffer()) : new Uint8Array();
      return { path, cached: response !== undefined, wasmMagic: bytes[0] === 0 && bytes[1] === 0x61 && bytes[2] === 0x73 };
    }))`)) as { path: string; cached: boolean; wasmMagic: boolean }[];
    expect(cached.filter((c) => !c.cached)).toEqual([]);
    expect(cached.filter((c) => c.path.endsWith('.wasm')).map((c) => c.wasmMagic)).toEqual([true]);

    // the next visit is answered by the service worker, and still verifies
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await waitForValidVerdict(page, name);
  } finally {
    await context.close();
  }
});

