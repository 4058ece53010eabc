// Issue 11 point 1 in Chromium: two browser contexts enrolled for the same partner at a real scheme service. Till A
// gives "once a day"; after till B's refresh, B shows "Already used today". Both offline give it to another carer;
// back online the service holds both records, the later flagged over limit in the report and in that till's History.

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { enrolmentCode, partnerProfile } from '../server/support/scheme-fixtures.ts';
import { adminCall, adminHeaders } from '../server/support/test-service.ts';
import { launchChromium } from './support/chromium.ts';
import { startServedApp, type ServedApp } from './support/served-app.ts';
import { pasteCode, seriousViolations, unlockSettings } from './support/app-page.ts';

let served: ServedApp;
let browser: Browser;
const tills: { name: string; context: BrowserContext; page: Page }[] = [];
const passports: string[] = [];

beforeAll(async () => {
  served = await startServedApp({ seedDemo: true });
  const profile = partnerProfile('e2e-cafe', ['coffee']);
  profile.offers[0] = { ...profile.offers[0]!, limit: { kind: 'per-period', count: 1, period: 'day' } };
  expect((await adminCall(served.service.url, 'PUT', '/admin/api/partners/e2e-cafe', profile)).status).toBe(200);
  for (const name of ['Amara Testcarer', 'Bea Testcarer']) {
    const issued = await adminCall(served.service.url, 'POST', '/admin/api/passports', { iss: 'uk.llr.vasl', cat: 'adult', name });
    expect(issued.status).toBe(201);
    passports.push(issued.data.qrText);
  }
  browser = await launchChromium();
  for (const name of ['A', 'B']) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${served.service.url}/`);
    await page.locator('.freshness', { hasText: 'Trust data updated' }).waitFor();
    await unlockSettings(page);
    await page.locator('#enrolment-code').fill(await enrolmentCode(served.service.url, 'e2e-cafe'));
    await page.getByRole('button', { name: 'Enrol', exact: true }).click();
    await page.locator('.topbar__partner', { hasText: 'Partner e2e-cafe' }).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Scan' }).click();
    tills.push({ name, context, page });
  }
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

/** What the app does every minute while online, now: ask for the profile and the partner's recent records. */
async function refresh(page: Page) {
  const answered = page.waitForResponse((r) => r.url().endsWith('/v1/profile'));
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await answered;
  await page.waitForTimeout(200); // the answer is stored and counted
}

async function give(page: Page, qrText: string) {
  await page.locator('#paste-code').waitFor();
  await pasteCode(page, qrText);
  await page.getByRole('button', { name: 'Give: Offer coffee' }).click();
  await page.getByText('Recorded: Offer coffee').waitFor();
  await page.getByRole('button', { name: 'Done' }).click();
}

test('"once a day" given at till A shows "Already used today" at till B after B\'s refresh', async () => {
  const [a, b] = tills as [(typeof tills)[0], (typeof tills)[0]];
  await give(a.page, passports[0]!);
  await a.page.locator('.topbar__sync', { hasText: 'All uploaded' }).waitFor({ timeout: 30_000 });
  await refresh(b.page);
  await pasteCode(b.page, passports[0]!);
  await expect(b.page.locator('.offers').textContent()).resolves.toContain('Already used today.');
  await expect(b.page.getByRole('button', { name: 'Give: Offer coffee' }).count()).resolves.toBe(0);
  await b.page.getByRole('button', { name: 'Done' }).click();
});

test('both tills offline give it to the same carer: both records are kept, the later one flagged over limit', async () => {
  for (const till of tills) await till.context.setOffline(true);
  for (const till of tills) await give(till.page, passports[1]!); // A first, then B
  for (const till of tills) await till.context.setOffline(false);
  for (const till of tills) await till.page.locator('.topbar__sync', { hasText: 'All uploaded' }).waitFor({ timeout: 30_000 });

  const rows = await served.db.query<{ device_id: string; over_limit: boolean }>(
    "SELECT device_id, over_limit FROM redemptions WHERE partner_id = 'e2e-cafe' AND offer_id = 'coffee' ORDER BY redeemed_at",
  );
  expect(rows).toHaveLength(3);
  expect(rows.map((r) => r.over_limit)).toEqual([false, false, true]);

  const report = await fetch(`${served.service.url}/v1/reports/over-limit`, { headers: adminHeaders() });
  expect(((await report.json()) as { rows: unknown[] }).rows).toHaveLength(1);

  // till B gave the later one: its History says so after its next refresh
  const b = tills[1]!;
  await refresh(b.page);
  await b.page.getByRole('button', { name: 'History' }).click();
  await b.page.getByText('over limit: given at two tills while offline').waitFor();
  expect(await seriousViolations(b.page)).toEqual([]);
});
