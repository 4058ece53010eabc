import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/chromium.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

test('the built app loads in Chromium and names itself', async () => {
  const page = await browser.newPage();
  await page.goto(inject('appUrl'));
  await expect(page.title()).resolves.toBe('Carers Passport Check');
  await page.close();
});
