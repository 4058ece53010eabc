// The web manifest makes the app installable: name, icons (192, 512 and maskable), theme colour, standalone
// display. Chromium's own installability check is asked too.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { CHROMIUM_PATH, chromiumArgs, launchChromium } from './support/chromium.ts';

type Icon = { src: string; sizes: string; type: string; purpose?: string };
type Manifest = {
  name: string;
  short_name: string;
  start_url: string;
  scope: string;
  display: string;
  theme_color: string;
  background_color: string;
  icons: Icon[];
};

let browser: Browser;
let page: Page;
let manifestUrl: string;
let manifest: Manifest;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(inject('appUrl'));
  const href = await page.getAttribute('link[rel="manifest"]', 'href');
  if (!href) throw new Error('index.html links no manifest');
  manifestUrl = new URL(href, inject('appUrl')).href;
  const response = await page.request.get(manifestUrl);
  expect(response.ok()).toBe(true);
  manifest = (await response.json()) as Manifest;
});
afterAll(async () => {
  await browser?.close();
});

test('the manifest names the app and opens it standalone in its own scope', () => {
  expect(manifest.name).toBe('Carers Passport Check');
  expect(manifest.short_name.length).toBeGreaterThan(0);
  expect(manifest.short_name.length).toBeLessThanOrEqual(15);
  expect(manifest.display).toBe('standalone');
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
  const start = new URL(manifest.start_url, manifestUrl).href;
  expect(start.startsWith(new URL(manifest.scope, manifestUrl).href)).toBe(true);
});

test('the icons exist at 192 and 512 pixels, with a maskable 512, and are the size they claim', async () => {
  const wanted = [
    { sizes: '192x192', purpose: 'any' },
    { sizes: '512x512', purpose: 'any' },
    { sizes: '512x512', purpose: 'maskable' },
  ];
  for (const { sizes, purpose } of wanted) {
    const icon = manifest.icons.find((i) => i.sizes === sizes && (i.purpose ?? 'any').split(' ').includes(purpose));
    expect(icon, `${sizes} ${purpose}`).toBeDefined();
    const response = await page.request.get(new URL(icon!.src, manifestUrl).href);
    expect(response.headers()['content-type']).toBe('image/png');
    const png = PNG.sync.read(await response.body());
    expect(`${png.width}x${png.height}`).toBe(sizes);
  }
});

test('Chromium finds nothing standing in the way of installing the app', async () => {
  // a real profile: Chromium never offers to install from an incognito-like context
  const profile = mkdtempSync(join(tmpdir(), 'cp-install-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: chromiumArgs() });
  try {
    const tab = context.pages()[0] ?? (await context.newPage());
    await tab.goto(inject('appUrl'));
    const ready = tab.evaluate(() => navigator.serviceWorker.ready.then(() => 'ready'));
    const late = new Promise<string>((resolve) => setTimeout(() => resolve('no service worker after 30 s'), 30_000));
    await expect(Promise.race([ready, late])).resolves.toBe('ready');
    const session = await context.newCDPSession(tab);
    const { installabilityErrors } = (await session.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
    expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
