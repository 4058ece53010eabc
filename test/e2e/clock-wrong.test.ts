// Issue 11 point 4 in Chromium: a page whose clock is a day before the trust bundle's iat shows the amber banner,
// every result that hangs on the date says to check it, and the screen passes axe.

import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/chromium.ts';
import { signAppPassports, type AppPassports } from './support/app-passports.ts';
import { pasteCode, seriousViolations } from './support/app-page.ts';

let browser: Browser;
let page: Page;
let passports: AppPassports;
let bundleIat: number;

beforeAll(async () => {
  passports = await signAppPassports();
  const bundle = await (await fetch(new URL('demo/trust-bundle.jwt', inject('appUrl')))).text();
  bundleIat = (JSON.parse(Buffer.from(bundle.trim().split('.')[1]!, 'base64url').toString('utf8')) as { iat: number }).iat;
  browser = await launchChromium();
  page = await (await browser.newContext()).newPage();
  await page.clock.setFixedTime(new Date((bundleIat - 86_400) * 1000)); // Date only: the app's timers keep running
  await page.goto(inject('appUrl'));
  await page.locator('.freshness').waitFor();
});
afterAll(async () => {
  await browser?.close();
});

test('the page clock a day before the bundle\'s iat shows "This device\'s date or time is wrong"', async () => {
  const banner = page.locator('.clock-warning[role=status]');
  await banner.getByText('This device\u2019s date or time is wrong.').waitFor();
  expect(await seriousViolations(page)).toEqual([]);
});

test('a verdict on that device says to check the device\'s date, and the banner stays', async () => {
  await pasteCode(page, passports.valid);
  await expect(page.locator('.verdict__clock').textContent()).resolves.toContain('check the device\u2019s date');
  await expect(page.locator('.clock-warning').textContent()).resolves.toContain('date or time is wrong');
  expect(await seriousViolations(page)).toEqual([]);
});
