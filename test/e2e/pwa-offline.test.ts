// After one visit the app starts and verifies with the network off: a reload, a new tab, and a cold start (the
// browser closed and opened again on the same profile). The service worker precached everything, the decoder's
// .wasm and the demo trust data included.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_PATH, chromiumArgs } from './support/chromium.ts';
import { demoPassport, waitForValidVerdict } from './support/scan-fixtures.ts';
import { writeQrY4m } from './support/y4m.ts';

let profile: string;
let camera: string;
let name: string;

beforeAll(async () => {
  const passport = await demoPassport();
  name = passport.name;
  camera = writeQrY4m(passport.qrText, { moduleSize: 4 });
  profile = mkdtempSync(join(tmpdir(), 'cp-profile-'));
});
afterAll(() => rmSync(profile, { recursive: true, force: true }));

function openProfile(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: chromiumArgs({ fakeCamera: camera }) });
}

async function firstPage(context: BrowserContext): Promise<Page> {
  return context.pages()[0] ?? context.newPage();
}

/** The service worker has installed (precache complete) and is active for this page's scope. */
async function waitForServiceWorker(page: Page, timeoutMs = 30_000): Promise<string> {
  const activated = page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const check = async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          if (registration?.active?.state === 'activated') resolve('activated');
          else setTimeout(() => void check(), 200);
        };
        void check();
      }),
  );
  const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('not activated in time'), timeoutMs));
  return Promise.race([activated, timeout]);
}

test('after one visit the app reloads, opens in a new tab and cold-starts offline, and still verifies', async () => {
  const url = inject('appUrl');
  let context = await openProfile();
  try {
    const page = await firstPage(context);
    await page.goto(url);
    await waitForValidVerdict(page, name);
    await expect(waitForServiceWorker(page)).resolves.toBe('activated');

    await context.setOffline(true);
    await page.reload();
    await waitForValidVerdict(page, name);
    await expect(page.evaluate(() => navigator.onLine)).resolves.toBe(false);

    const tab = await context.newPage();
    await tab.goto(url);
    await waitForValidVerdict(tab, name);
  } finally {
    await context.close();
  }

  // a cold start: a new browser process on the same profile, offline from its first request
  context = await openProfile();
  try {
    await context.setOffline(true);
    const page = await firstPage(context);
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(request.url()));
    await page.goto(url);
    await waitForValidVerdict(page, name);
    await expect(page.evaluate(() => Boolean(navigator.serviceWorker.controller))).resolves.toBe(true);
    // nothing the app needs was missing: at most the browser's own favicon probe failed, and the app's quiet look
    // for public trust data at its own origin (a scheme service publishes it there; offline, the held data serves)
    expect(failed.filter((u) => !u.endsWith('/favicon.ico') && !u.includes('/.well-known/carers-passport/'))).toEqual([]);
  } finally {
    await context.close();
  }
});

test('a deep link opens the app offline through the navigation fallback, but the service’s own pages do not', async () => {
  const context = await openProfile();
  try {
    const page = await firstPage(context);
    await page.goto(inject('appUrl'));
    await waitForServiceWorker(page);
    await context.setOffline(true);
    const response = await page.goto(new URL('settings/somewhere', inject('appUrl')).href);
    expect(response?.status()).toBe(200);
    await expect(page.title()).resolves.toBe('Carers Passport Check');
    // the scheme service's admin pages and API share the origin when it serves the app: never the app's shell
    await expect(page.goto(new URL('admin/', inject('appUrl')).href)).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
    await expect(page.goto(new URL('v1/status', inject('appUrl')).href)).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
  } finally {
    await context.close();
  }
});
