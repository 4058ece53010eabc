// Text at 200% zoom: a 1280 px wide tablet at 200% is a 640 px wide page; nothing may need sideways scrolling
// (WCAG 1.4.10 asks for 320 px, which the verdict, the screen that matters at a busy till, also meets).

import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/chromium.ts';
import { signAppPassports, type AppPassports } from './support/app-passports.ts';
import { pasteCode, unlockSettings } from './support/app-page.ts';

let browser: Browser;
let passports: AppPassports;

beforeAll(async () => {
  passports = await signAppPassports();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

// the verdict is a fixed layer with its own scrolling, so it is measured too
const overflow = (page: Page) =>
  page.evaluate(() => Math.max(...[document.documentElement, document.querySelector('.verdict')].filter((e) => e !== null).map((e) => e.scrollWidth - e.clientWidth)));

async function open(width: number): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width, height: 700 }, deviceScaleFactor: 2 })).newPage();
  await page.goto(inject('appUrl'));
  await page.locator('.freshness', { hasText: 'Trust data updated' }).waitFor();
  return page;
}

test('at 640 px (200% zoom) no screen scrolls sideways', async () => {
  const page = await open(640);
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  await pasteCode(page, passports.valid);
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'History' }).click();
  await page.locator('#history-heading').waitFor();
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  await unlockSettings(page);
  await page.locator('.settings__offer summary').first().click();
  expect(await overflow(page)).toBeLessThanOrEqual(0);
});

test('at 320 px the verdict and its offers fit without sideways scrolling', async () => {
  const page = await open(320);
  await pasteCode(page, passports.noList);
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  const button = await page.getByRole('button', { name: 'Give: 10% off' }).boundingBox();
  expect(button!.width).toBeLessThanOrEqual(320);
});
