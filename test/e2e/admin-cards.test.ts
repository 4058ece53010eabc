// The admin UI's Cards screen in Chromium (issue 9's postal run, on the new admin page) against a real service and
// database: count the cards of some days, of all issuers or one, download the PDF and find each passport's number
// in it; an empty range, days the wrong way round, a run too big to print, a passport cancelled between counting and
// downloading; issuer staff see their own issuer's cards only; axe on each state, and no sideways scroll at 320 px.

import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { importRegister } from '../../src/server/register/import-register.ts';
import { pdfText } from '../cards/support.ts';
import { adminCall, ADMIN_PASSWORD } from '../server/support/test-service.ts';
import { addAccounts } from './support/admin-accounts.ts';
import { logInAdmin, openAdmin, openScreen } from './support/admin-ui.ts';
import { seriousViolations } from './support/app-page.ts';
import { launchChromium } from './support/chromium.ts';
import { startServedApp, type ServedApp } from './support/served-app.ts';

const DAY_MS = 86_400_000;
const day = (fromToday: number) => new Date(Date.now() + fromToday * DAY_MS).toISOString().slice(0, 10);
const STAFF_PASSWORD = 'a long enough password for e2e staff';
let served: ServedApp;
let browser: Browser | undefined;
let page: Page;
let cspRefusals: string[];

const row = (name: string, kind: string, number: string, issued: string, issuer: string) => `${name},${kind},${number},${issued},${day(900)},${issuer},`;

beforeAll(async () => {
  served = await startServedApp();
  const rows = [
    row('Amara Patel', 'adult', 'RUN-1', day(-10), 'uk.llr.vasl'),
    row('Róisín O’Brien', 'parent', 'RUN-2', day(-9), 'uk.llr.vasl'),
    row('Zhang Wei', 'young', 'RUN-3', day(-9), 'uk.llr.young-carers'),
    row('Cancelled Carer', 'adult', 'RUN-4', day(-9), 'uk.llr.vasl'),
    row('Earlier Carer', 'adult', 'RUN-5', day(-40), 'uk.llr.vasl'),
    row('Late Cancel', 'adult', 'RUN-6', day(-60), 'uk.llr.vasl'),
    // a day with more passports than one run prints
    ...Array.from({ length: 1001 }, (_, i) => row(`Busy Day${i}`, 'adult', `BUSY-${i}`, day(-100), 'uk.llr.vasl')),
  ];
  const seeded = await importRegister(served.service.ctx, ['name,kind,number,issued,expires,issuer,email', ...rows].join('\n'), { actor: 'test' });
  if (!seeded.ok || seeded.imported !== rows.length) throw new Error('the register was not seeded');
  expect((await adminCall(served.service.url, 'POST', '/admin/api/passports/uk.llr.vasl/RUN-4/revoke')).status).toBe(200);
  await addAccounts(served, STAFF_PASSWORD, [{ name: 'e2e-vasl-staff', role: 'issuer', iss: 'uk.llr.vasl' }]);
  browser = await launchChromium();
  ({ page, cspRefusals } = await openAdmin(browser, served.service.url));
  await logInAdmin(page, 'coordinator', ADMIN_PASSWORD);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const summary = (on = page) => on.locator('p.summary').textContent();
async function countDays(on: Page, from: string, to: string): Promise<void> {
  await on.getByLabel('Issued or renewed from').fill(from);
  await on.getByLabel('To (the last day)').fill(to);
  await on.getByRole('button', { name: 'Count the cards' }).click();
}

test('counts the cards of some days, of all issuers or one, and downloads the postal run holding their numbers', async () => {
  await openScreen(page, 'Cards', 'Cards');
  await expect.poll(() => summary()).toMatch(/^No cards to print: no passport was issued or renewed from (\S+) to \1\.$/); // today, nothing yet
  expect(await seriousViolations(page)).toEqual([]);

  await countDays(page, day(-12), day(-8));
  await expect.poll(() => summary()).toBe(`3 cards to print: passports issued or renewed from ${day(-12)} to ${day(-8)}. 1 more left out (cancelled, suspended or expired).`);
  await page.getByLabel('Issuer').selectOption('uk.llr.vasl');
  await page.getByRole('button', { name: 'Count the cards' }).click();
  await expect.poll(() => summary()).toMatch(new RegExp(`^2 cards to print: passports of .+ issued or renewed from ${day(-12)} to ${day(-8)}\\. 1 more left out`));
  await page.getByLabel('Issuer').selectOption('');
  await page.getByRole('button', { name: 'Count the cards' }).click();
  await expect.poll(() => summary()).toMatch(/^3 cards to print/);
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByLabel('Layout').selectOption('a4');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the PDF (3 cards)' }).click()]);
  expect(download.suggestedFilename()).toBe(`carers-passports-${day(-12)}-to-${day(-8)}.pdf`);
  const pdf = new Uint8Array(await readFile((await download.path())!));
  expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
  const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
  for (const number of ['RUN-1', 'RUN-2', 'RUN-3']) expect(text).toContain(number);
  for (const number of ['RUN-4', 'RUN-5']) expect(text).not.toContain(number);
  expect(text).toContain('Amara Patel');
  await page.getByRole('status').filter({ hasText: `Saved carers-passports-${day(-12)}-to-${day(-8)}.pdf: 3 cards, each followed by its letter. 1 left out` }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);
});

test('says plainly when a range is empty, the wrong way round, too big, or its passport was cancelled before the download', async () => {
  await openScreen(page, 'Cards', 'Cards');
  await countDays(page, '2020-01-01', '2020-01-31');
  await expect.poll(() => summary()).toBe('No cards to print: no passport was issued or renewed from 2020-01-01 to 2020-01-31.');
  expect(await page.getByRole('button', { name: /Download the PDF/ }).count()).toBe(0);

  await countDays(page, day(-8), day(-12));
  await page.getByText('The last day must be the same as the first day or after it.').waitFor();
  expect(await page.getByLabel('To (the last day)').getAttribute('aria-invalid')).toBe('true');
  expect(await seriousViolations(page)).toEqual([]);

  await countDays(page, day(-100), day(-100));
  await page.getByRole('alert').filter({ hasText: 'More than 1000 passports were issued or renewed on those days: print at most 1000 at a time (choose fewer days).' }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);

  await countDays(page, day(-60), day(-60));
  await expect.poll(() => summary()).toMatch(/^1 card to print/);
  expect((await adminCall(served.service.url, 'POST', '/admin/api/passports/uk.llr.vasl/RUN-6/revoke')).status).toBe(200);
  await page.getByRole('button', { name: 'Download the PDF (1 card)' }).click();
  await page.getByRole('alert').filter({ hasText: /^No passports to print/ }).waitFor();
  await expect.poll(() => summary()).toBe(`No cards to print: the passports issued or renewed from ${day(-60)} to ${day(-60)} are all cancelled, suspended or expired.`);
  expect(await seriousViolations(page)).toEqual([]);
  expect(cspRefusals).toEqual([]);
});

test("issuer staff count and download their own issuer's cards only", async () => {
  const staff = await openAdmin(browser!, served.service.url);
  await logInAdmin(staff.page, 'e2e-vasl-staff', STAFF_PASSWORD);
  await openScreen(staff.page, 'Cards', 'Cards');
  expect(await staff.page.getByLabel('Issuer').count()).toBe(0);
  await staff.page.getByText(/Your account prints the cards of .+ only\./).waitFor();
  await countDays(staff.page, day(-12), day(-8));
  await expect.poll(() => summary(staff.page)).toMatch(/^2 cards to print/);
  const [download] = await Promise.all([staff.page.waitForEvent('download'), staff.page.getByRole('button', { name: 'Download the PDF (2 cards)' }).click()]);
  const text = await pdfText(new Uint8Array(await readFile((await download.path())!)));
  expect(['RUN-1', 'RUN-2', 'RUN-3'].map((number) => text.includes(number))).toEqual([true, true, false]);
  expect(await seriousViolations(staff.page)).toEqual([]);
  expect(staff.cspRefusals).toEqual([]);
});

test('at 320 px wide (400% zoom) the Cards screen with a count does not scroll sideways', async () => {
  const narrow = await (await browser!.newContext({ viewport: { width: 320, height: 700 }, deviceScaleFactor: 2 })).newPage();
  await narrow.goto(`${served.service.url}/admin/`);
  await logInAdmin(narrow, 'coordinator', ADMIN_PASSWORD);
  await openScreen(narrow, 'Cards', 'Cards');
  await countDays(narrow, day(-12), day(-8));
  await narrow.getByRole('button', { name: 'Download the PDF (3 cards)' }).waitFor();
  expect(await narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await narrow.context().close();
});
