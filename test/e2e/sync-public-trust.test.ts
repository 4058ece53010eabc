// End to end in Chromium (issue 4): an app the scheme service serves, not yet enrolled, takes the service's public
// trust data (spec section 7) from its own origin, so a passport revoked on the admin side reads "Not valid" after
// the next refresh (here: a reload, which refreshes at start).

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { adminCall } from '../server/support/test-service.ts';
import { launchChromium } from './support/chromium.ts';
import { startServedApp, type ServedApp } from './support/served-app.ts';
import { pasteCode } from './support/app-page.ts';

let served: ServedApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  served = await startServedApp({ seedDemo: true });
  browser = await launchChromium();
  page = await (await browser.newContext()).newPage();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

test('a passport revoked at the service is refused by an app it serves, before any enrolment', async () => {
  const issued = await adminCall(served.service.url, 'POST', '/admin/api/passports', { iss: 'uk.llr.vasl', cat: 'adult', name: 'Ravi Testcarer' });
  expect(issued.status).toBe(201);
  const { qrText, passport } = issued.data as { qrText: string; passport: { jti: string } };
  const { jti } = passport;

  await page.goto(`${served.service.url}/`);
  await page.locator('.freshness', { hasText: 'Trust data updated' }).waitFor();
  await pasteCode(page, qrText);
  await page.locator('#verdict-heading', { hasText: 'Valid' }).waitFor();
  await expect(page.locator('#verdict-heading').textContent()).resolves.toBe('Valid');

  const revoked = await adminCall(served.service.url, 'POST', `/admin/api/passports/uk.llr.vasl/${jti}/revoke`, {});
  expect(revoked.status).toBe(200);
  const refreshed = page.waitForResponse((r) => r.url().includes('/.well-known/carers-passport/status/') && r.status() === 200);
  await page.reload();
  await refreshed;
  await page.locator('.freshness', { hasText: 'Trust data updated' }).waitFor();
  await expect
    .poll(async () => {
      await pasteCode(page, qrText);
      await page.locator('#verdict-heading').waitFor();
      const heading = await page.locator('#verdict-heading').textContent();
      if (heading !== 'Not valid') await page.getByRole('button', { name: 'Done' }).click();
      return heading;
    }, { timeout: 10_000 })
    .toBe('Not valid');
  await expect(page.getByText('Passport cancelled').count()).resolves.toBeGreaterThan(0);
});
