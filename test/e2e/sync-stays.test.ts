// Issue 11 point 2 in Chromium: two wards of one hospital trust at a real scheme service. A stay started on Ward 7's
// device shows on Ward 9's device after its refresh; the service holds the event once; axe on the stay panel. A stay
// ends on its date: with the page clock past it, the verdict says it ended and the stay-only offer no longer applies.

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { enrolmentCode, partnerProfile } from '../server/support/scheme-fixtures.ts';
import { adminCall } from '../server/support/test-service.ts';
import { launchChromium } from './support/chromium.ts';
import { startServedApp, type ServedApp } from './support/served-app.ts';
import { pasteCode, seriousViolations, unlockSettings } from './support/app-page.ts';

let served: ServedApp;
let browser: Browser;
const wards: { context: BrowserContext; page: Page }[] = [];
let qrText: string;
let secondCarer: string;

/** A date in the partner's time zone, YYYY-MM-DD, and as the app writes it ("12 June 2026"). */
const londonDate = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(ms);
const dateWords = (date: string) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));

beforeAll(async () => {
  served = await startServedApp({ seedDemo: true });
  for (const id of ['ward-7', 'ward-9']) {
    const base = partnerProfile(id, ['parking', 'meal']);
    // the meal is a stay offer: only for a carer on a stay in the group
    const offers = base.offers.map((o) => (o.id === 'meal' ? { ...o, requiresStay: true } : o));
    const profile = { ...base, offers, kind: 'hospital-ward' as const, group: { id: 'city-hospital', name: 'City Hospital' } };
    expect((await adminCall(served.service.url, 'PUT', `/admin/api/partners/${id}`, profile)).status).toBe(200);
  }
  const issued = await adminCall(served.service.url, 'POST', '/admin/api/passports', { iss: 'uk.llr.vasl', cat: 'adult', name: 'Amara Testcarer' });
  qrText = issued.data.qrText;
  secondCarer = (await adminCall(served.service.url, 'POST', '/admin/api/passports', { iss: 'uk.llr.vasl', cat: 'adult', name: 'Ben Testcarer' })).data.qrText;
  browser = await launchChromium();
  for (const id of ['ward-7', 'ward-9']) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${served.service.url}/`);
    await page.locator('.freshness', { hasText: 'Trust data updated' }).waitFor();
    await unlockSettings(page);
    await page.locator('#enrolment-code').fill(await enrolmentCode(served.service.url, id));
    await page.getByRole('button', { name: 'Enrol', exact: true }).click();
    await page.locator('.topbar__partner', { hasText: `Partner ${id}` }).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Scan' }).click();
    wards.push({ context, page });
  }
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

test('a stay started on Ward 7 shows on Ward 9 of the same trust', async () => {
  const [w7, w9] = wards as [(typeof wards)[0], (typeof wards)[0]];
  await pasteCode(w7.page, qrText);
  const until = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
  await w7.page.getByLabel('Until (expected discharge)').fill(until);
  await w7.page.getByLabel(/Note, no names/).fill('Ward 7, bay 3');
  const sent = w7.page.waitForResponse((r) => r.url().endsWith('/v1/stays'));
  await w7.page.getByRole('button', { name: 'Start a stay' }).click();
  await w7.page.locator('.stay__status', { hasText: 'On a stay until' }).waitFor();
  expect((await sent).status()).toBe(200);
  expect(await seriousViolations(w7.page)).toEqual([]);
  const rows = await served.db.query<{ n: number }>("SELECT count(*)::int AS n FROM stay_events WHERE group_id = 'city-hospital'");
  expect(Number(rows[0]!.n)).toBe(1);

  const refreshed = w9.page.waitForResponse((r) => r.url().endsWith('/v1/profile'));
  await w9.page.evaluate(() => window.dispatchEvent(new Event('online')));
  await refreshed;
  await w9.page.waitForTimeout(200);
  await pasteCode(w9.page, qrText);
  await expect(w9.page.locator('.stay__status').textContent()).resolves.toMatch(/^On a stay until .+ \(started on Ward 7, bay 3\)$/);
});

test('a stay ends on its date: with the page clock past it the verdict says it ended and the stay offer no longer applies', async () => {
  const { page } = wards[0]!;
  await page.locator('.verdict__done').click();
  await pasteCode(page, secondCarer);
  const meal = page.getByRole('button', { name: 'Give: Offer meal' });
  expect(await meal.count()).toBe(0); // no stay yet: the meal is refused
  await expect(page.locator('.offers__list--refused .offer', { hasText: 'Offer meal' }).textContent()).resolves.toContain('Only for a carer on a hospital stay');

  const until = londonDate(Date.now() + 86_400_000); // the expected discharge: tomorrow
  await page.getByLabel('Until (expected discharge)').fill(until);
  await page.getByRole('button', { name: 'Start a stay' }).click();
  await page.locator('.stay__status', { hasText: `On a stay until ${dateWords(until)}` }).waitFor();
  await meal.waitFor(); // on a stay, the meal applies

  // the day after the discharge date (09:00 UTC is the same date in London, summer or winter)
  const dayAfter = Date.parse(`${until}T09:00:00Z`) + 86_400_000;
  await page.clock.setFixedTime(new Date(dayAfter)); // Date only: the app's timers keep running
  await page.locator('.verdict__done').click();
  await pasteCode(page, secondCarer);
  await expect(page.locator('.stay__status').textContent()).resolves.toBe(`The stay ended on ${dateWords(until)}.`);
  expect(await meal.count()).toBe(0);
  await expect(page.locator('.offers__list--refused .offer', { hasText: 'Offer meal' }).textContent()).resolves.toContain('Only for a carer on a hospital stay');
  expect(await page.getByRole('button', { name: 'Give: Offer parking' }).count()).toBe(1); // an offer without a stay still applies
  expect(await seriousViolations(page)).toEqual([]);
});
