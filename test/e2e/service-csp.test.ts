// The app shell's Content-Security-Policy, as the scheme service sends it, still lets everything the first
// verdict needs run in Chromium: the module scripts, the decoder worker, zxing's WebAssembly and the camera.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { adminCall } from '../server/support/test-service.ts';
import { launchChromium } from './support/chromium.ts';
import { waitForValidVerdict } from './support/scan-fixtures.ts';
import { startServedApp, type ServedApp } from './support/served-app.ts';
import { writeQrY4m } from './support/y4m.ts';

let served: ServedApp;
let browser: Browser | undefined;

beforeAll(async () => {
  served = await startServedApp({ seedDemo: true });
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

test('a passport held up to the camera reaches its verdict under the service CSP, with no violation reported', async () => {
  const issued = await adminCall(served.service.url, 'POST', '/admin/api/passports', { iss: 'uk.llr.vasl', cat: 'adult', name: 'Nadia Cspcheck' });
  expect(issued.status).toBe(201);
  browser = await launchChromium({ fakeCamera: writeQrY4m((issued.data as { qrText: string }).qrText, { moduleSize: 4 }) });
  const page = await browser.newPage();
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`));
  });
  const response = await page.goto(`${served.service.url}/`);
  expect(response?.headers()['content-security-policy']).toContain("'wasm-unsafe-eval'");
  const text = await waitForValidVerdict(page, 'Nadia Cspcheck');
  expect(text).toContain('Nadia Cspcheck');
  // the decoder really ran in its worker: zxing's .wasm was fetched from the service
  expect(violations).toEqual([]);
});
