// Issue 11 points 3 and 5 in Chromium: an emergency profile shows the carer statement, whom to call and no offers,
// and IndexedDB's records stay empty; the pharmacy's "Collect medicines" waits for "Photo ID seen". Axe on both.

import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/chromium.ts';
import { signAppPassports, type AppPassports } from './support/app-passports.ts';
import { pasteCode, seriousViolations, unlockSettings } from './support/app-page.ts';

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

let unlocked = false;
async function choose(profileId: string) {
  if (unlocked) await page.getByRole('button', { name: 'Settings' }).click();
  else await unlockSettings(page);
  unlocked = true;
  await page.locator('#settings-heading').waitFor();
  await page.locator('#partner-profile').selectOption(profileId);
  await page.getByRole('button', { name: 'Scan' }).click();
  await page.locator('#paste-code').waitFor();
}

const storedRecords = () =>
  page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('carers-passport-check');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('redemptions').objectStore('redemptions').count();
          count.onsuccess = () => (resolve(count.result), open.result.close());
        };
      }),
  );

test('an emergency service sees "someone may depend on them", whom to call, the number to quote and no offers; nothing is stored', async () => {
  await choose('demo-emergency');
  await pasteCode(page, passports.valid);
  const panel = page.locator('.emergency');
  await expect(panel.textContent()).resolves.toContain('This person is an unpaid carer: someone may depend on them.');
  await expect(panel.textContent()).resolves.toContain('Support for Carers (VASL), who issued this passport');
  await expect(page.locator('.emergency__quote').textContent()).resolves.toContain(passports.validJti);
  await expect(page.locator('.offers').count()).resolves.toBe(0);
  expect(await seriousViolations(page)).toEqual([]);
  await expect(storedRecords()).resolves.toBe(0);
  await page.getByRole('button', { name: 'Done' }).click();
});

test('at the pharmacy, "Collect medicines" is enabled only once "Photo ID seen" is ticked, and the record says so', async () => {
  await choose('demo-pharmacy');
  await pasteCode(page, passports.valid);
  const give = page.getByRole('button', { name: 'Record: Collect medicines' });
  await expect(give.isDisabled()).resolves.toBe(true);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel('Prescription number').fill('RX-1');
  await page.getByRole('checkbox', { name: 'Photo ID seen' }).check();
  await expect(give.isEnabled()).resolves.toBe(true);
  await give.click();
  await page.getByText('(photo ID seen)').waitFor();
  await expect(storedRecords()).resolves.toBe(1);
});
