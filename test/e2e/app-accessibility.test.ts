// axe-core in Chromium on every screen of the app: no serious or critical violations anywhere.

import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/chromium.ts';
import { signAppPassports, type AppPassports } from './support/app-passports.ts';
import { pasteCode, seriousViolations } from './support/app-page.ts';

let browser: Browser;
let page: Page;
let passports: AppPassports;

beforeAll(async () => {
  passports = await signAppPassports();
  browser = await launchChromium();
  page = await (await browser.newContext()).newPage();
  await page.goto(inject('appUrl'));
  await page.locator('.freshness', { hasText: 'Trust data updated' }).waitFor();
});
afterAll(async () => {
  await browser?.close();
});

const home = async () => {
  const done = page.getByRole('button', { name: 'Done' });
  if (await done.count()) await done.click();
  const scan = page.getByRole('button', { name: 'Scan' });
  if (await scan.count()) await scan.click();
  await page.locator('#paste-code').waitFor();
};

describe('no serious or critical axe violations', () => {
  test('on the scan screen', async () => {
    await home();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('on a "Valid" verdict with its offers', async () => {
    await home();
    await pasteCode(page, passports.valid);
    await page.locator('.offers').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('after an offer is recorded', async () => {
    await page.getByRole('button', { name: /^Give: / }).first().click();
    await page.locator('.offer__recorded').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('on a "Check" verdict with the confirmation box', async () => {
    await home();
    await pasteCode(page, passports.noList);
    await page.locator('.offers__confirm').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('on a "Not valid" verdict', async () => {
    await home();
    await pasteCode(page, passports.revoked);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('on the history screen', async () => {
    await home();
    await page.getByRole('button', { name: 'History' }).click();
    await page.locator('#history-heading').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('on the PIN prompt and the settings screen with an offer open for editing', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.locator('#staff-pin').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('#staff-pin').fill('1234');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.locator('#settings-heading').waitFor();
    await page.locator('.settings__offer summary').first().click();
    await page.getByText('Trust list signed').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('in kiosk mode, on its verdict (from a handheld scanner burst) and on its PIN prompt', async () => {
    await page.getByRole('button', { name: 'Start kiosk mode' }).click();
    await page.getByRole('heading', { name: 'Hold your passport QR code up to the camera' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // a handheld scanner's burst: the kiosk's only input besides the camera
    await page.keyboard.type(passports.valid);
    await page.keyboard.press('Enter');
    await page.locator('.verdict--kiosk #verdict-heading').waitFor();
    await expect(page.locator('#verdict-heading').textContent()).resolves.toBe('Valid');
    expect(await page.locator('.offers').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Staff' }).click();
    await page.locator('#staff-pin').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('#staff-pin').fill('1234');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('navigation').waitFor();
  });

  test('(the check itself works: it catches an image without alt text and a button without a name)', async () => {
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      const button = document.createElement('button');
      document.body.append(img, button);
    });
    const ids = (await seriousViolations(page)).map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(['image-alt', 'button-name']));
  });
});
