// End to end in Chromium (issue 4): the scheme service in-process serves the built app (dist/) on port 0 with its
// own PGlite folder; staff enrol the page with a pasted code, go offline, redeem two offers, come back online, and
// the service's database holds each record exactly once.

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO_SCHEME_ID } from '../../src/demo/demo-scheme.ts';
import { createPartner, enrolmentCode } from '../server/support/scheme-fixtures.ts';
import { adminCall } from '../server/support/test-service.ts';
import { launchChromium } from './support/chromium.ts';
import { startServedApp, type ServedApp } from './support/served-app.ts';
import { pasteCode, unlockSettings } from './support/app-page.ts';

let served: ServedApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let qrText: string;

beforeAll(async () => {
  // the demo keys: the built app pins the demo root, so it trusts this service's codes and bundle
  served = await startServedApp({ seedDemo: true });
  await createPartner(served.service.url, 'e2e-shop', ['coffee', 'parking']);
  const issued = await adminCall(served.service.url, 'POST', '/admin/api/passports', { iss: 'uk.llr.vasl', cat: 'adult', name: 'Amara Testcarer' });
  expect(issued.status).toBe(201);
  qrText = issued.data.qrText;

  browser = await launchChromium();
  context = await browser.newContext();
  page = await context.newPage();
  await page.goto(`${served.service.url}/`);
  await page.locator('.freshness', { hasText: 'Trust data updated' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

test('enrolling with a pasted code makes the page work for the partner the code names', async () => {
  await unlockSettings(page);
  await page.locator('#enrolment-code').fill(await enrolmentCode(served.service.url, 'e2e-shop'));
  await page.getByRole('button', { name: 'Enrol', exact: true }).click();
  await page.locator('#enrolment-state', { hasText: `Enrolled with ${DEMO_SCHEME_ID} as Partner e2e-shop` }).waitFor({ timeout: 15_000 });
  await page.locator('.topbar__partner', { hasText: 'Partner e2e-shop' }).waitFor();
  const devices = await served.db.query<{ id: string }>("SELECT id FROM devices WHERE partner_id = 'e2e-shop' AND revoked_at IS NULL");
  expect(devices).toHaveLength(1);
});

test('two offers redeemed offline are uploaded once each when the page is back online', async () => {
  await page.getByRole('button', { name: 'Scan' }).click();
  await page.locator('#paste-code').waitFor();

  await context.setOffline(true);
  await pasteCode(page, qrText);
  await expect(page.locator('#verdict-heading').textContent()).resolves.toBe('Valid');
  for (const title of ['Offer coffee', 'Offer parking']) {
    await page.getByRole('button', { name: `Give: ${title}` }).click();
    await page.getByText(`Recorded: ${title}`).waitFor();
  }
  await page.locator('.topbar__sync', { hasText: '2 waiting' }).waitFor();
  // give the uploader a chance to try while offline: nothing may reach the service
  await page.waitForTimeout(1_000);
  expect(Number((await served.db.query<{ n: number }>('SELECT count(*)::int AS n FROM redemptions WHERE partner_id = $1', ['e2e-shop']))[0]!.n)).toBe(0);

  await context.setOffline(false);
  await page.locator('.topbar__sync', { hasText: 'All uploaded' }).waitFor({ timeout: 30_000 });
  const rows = await served.db.query<{ id: string; offer_id: string; n: number }>(
    'SELECT id, offer_id, count(*) OVER (PARTITION BY id)::int AS n FROM redemptions WHERE partner_id = $1 ORDER BY offer_id',
    ['e2e-shop'],
  );
  expect(rows.map((r) => r.offer_id)).toEqual(['coffee', 'parking']);
  expect(rows.every((r) => Number(r.n) === 1)).toBe(true);

  // the device's own copy says uploaded, and a second upload sends nothing new
  await page.reload();
  await page.locator('.topbar__sync', { hasText: 'All uploaded' }).waitFor({ timeout: 15_000 });
  const again = await served.db.query<{ n: number }>('SELECT count(*)::int AS n FROM redemptions WHERE partner_id = $1', ['e2e-shop']);
  expect(Number(again[0]!.n)).toBe(2);
});
