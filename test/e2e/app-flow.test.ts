// The app in Chromium: a pasted demo passport gives the right verdict, and a redemption survives a reload.

import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './support/chromium.ts';
import { signAppPassports, type AppPassports } from './support/app-passports.ts';
import { pasteCode, unlockSettings } from './support/app-page.ts';
import { generateSigningKey, signTrustBundle } from '../../src/core/index.ts';
import { makeDemoTrustData } from '../../src/demo/demo-scheme.ts';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let passports: AppPassports;

beforeAll(async () => {
  passports = await signAppPassports();
  browser = await launchChromium();
  context = await browser.newContext();
  page = await context.newPage();
  await page.goto(inject('appUrl'));
  await page.locator('.freshness', { hasText: 'Trust data updated' }).waitFor();
});
afterAll(async () => {
  await browser?.close();
});

test('a valid demo passport pasted in shows "Valid" with the carer\'s name, kind, issuer and number', async () => {
  await pasteCode(page, passports.valid);
  await expect(page.locator('#verdict-heading').textContent()).resolves.toBe('Valid');
  const details = await page.locator('.verdict__details').textContent();
  expect(details).toContain(passports.validName);
  expect(details).toContain(passports.validJti);
  expect(details).toContain('Adult carer');
  expect(details).toContain('Support for Carers (VASL)');
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('verdict-heading');
  await page.getByRole('button', { name: 'Done' }).click();
  await page.locator('#paste-code').waitFor();
});

test('a cancelled passport shows "Not valid" and no offer buttons', async () => {
  await pasteCode(page, passports.revoked);
  await expect(page.locator('#verdict-heading').textContent()).resolves.toBe('Not valid');
  await expect(page.locator('.verdict__title').textContent()).resolves.toBe('Passport cancelled');
  await expect(page.locator('.offer__redeem').count()).resolves.toBe(0);
  await page.getByRole('button', { name: 'Done' }).click();
});

test('a passport whose cancellation list is missing shows "Check"', async () => {
  await pasteCode(page, passports.noList);
  await expect(page.locator('#verdict-heading').textContent()).resolves.toBe('Check');
  await page.getByRole('button', { name: 'Done' }).click();
});

test('a redemption is stored in IndexedDB and survives a reload', async () => {
  await pasteCode(page, passports.valid);
  await page.getByRole('button', { name: 'Give: 10% off' }).click();
  await page.getByText('Recorded: 10% off').waitFor();
  await page.reload();
  await page.getByRole('button', { name: 'History' }).click();
  await page.locator('#history-heading').waitFor();
  await expect(page.locator('.history__waiting').textContent()).resolves.toBe('1 record waiting for upload');
  const today = await page.locator('section', { has: page.locator('#today-heading') }).textContent();
  expect(today).toContain(passports.validJti);
  expect(today).toContain('10% off');
  expect(today).not.toContain(passports.validName);
  // the limit holds after the reload too: once a day
  await page.getByRole('button', { name: 'Scan' }).click();
  await pasteCode(page, passports.valid);
  await expect(page.locator('.offers').textContent()).resolves.toContain('Already used today.');
});

test('Settings shows the trust data\'s age and refuses a bundle from an unknown root without dropping the held one', async () => {
  await page.getByRole('button', { name: 'Done' }).click();
  await unlockSettings(page);
  await page.getByText('Cancellation list for Support for Carers (VASL) updated').waitFor();
  const stranger = await generateSigningKey('ES256');
  const now = Math.floor(Date.now() / 1000);
  const forged = await signTrustBundle({ iss: 'forged', iat: now, exp: now + 86_400, seq: 99, issuers: [] }, stranger.privateJwk);
  const fresh = await makeDemoTrustData(now);
  await page.locator('#trust-files').setInputFiles([
    { name: 'forged-bundle.jwt', mimeType: 'application/jwt', buffer: Buffer.from(forged) },
    { name: 'vasl-list.jwt', mimeType: 'application/jwt', buffer: Buffer.from(fresh.statusLists[0]!.jwt) },
  ]);
  await page.getByText('forged-bundle.jwt was not used: it was not signed by this scheme\u2019s trusted key').waitFor();
  await page.getByText('1 file loaded.').waitFor();
  await expect(page.getByText(/^Trust list signed .*Version \d+,/).count()).resolves.toBe(1);
  await page.getByRole('button', { name: 'Lock settings' }).click();
  await pasteCode(page, passports.revoked);
  await expect(page.locator('#verdict-heading').textContent()).resolves.toBe('Not valid');
});
