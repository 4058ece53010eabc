// The admin UI's Partners screen in Chromium (issue 10, point 3): a coordinator edits an offer and sees the preview
// change, sees the core's problem beside the field it is about, downloads the window sticker (a PDF holding the
// partner's name), makes an enrolment code and sees the devices; a partner manager sees only its own partner; axe on
// every state.

import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { PartnerProfile } from '../../src/core/index.ts';
import { pdfText } from '../cards/support.ts';
import { adminCall } from '../server/support/test-service.ts';
import { addAccounts } from './support/admin-accounts.ts';
import { logInAdmin, openAdmin, openScreen } from './support/admin-ui.ts';
import { seriousViolations } from './support/app-page.ts';
import { launchChromium } from './support/chromium.ts';
import { startServedApp, type ServedApp } from './support/served-app.ts';

const PASSWORD = 'partners screen e2e password';
let served: ServedApp;
let browser: Browser | undefined;
let shop: PartnerProfile;

beforeAll(async () => {
  served = await startServedApp({ seedDemo: true });
  await addAccounts(served, PASSWORD, [
    { name: 'e2e-coordinator', role: 'coordinator' },
    { name: 'e2e-shop', role: 'partner', partnerId: 'demo-shop' },
    { name: 'e2e-issuer', role: 'issuer', iss: 'uk.llr.vasl' },
  ]);
  shop = (await adminCall(served.service.url, 'GET', '/admin/api/partners/demo-shop')).data.profile;
  browser = await launchChromium();
  // the demo seed and Chromium together take a while on a busy machine (backends.ts sets 60 s for database suites)
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

/** The preview's answer for one offer: "Yes" or "No", as the table shows it. */
const applies = (page: Page, offerId: string) => page.locator(`tr[data-offer="${offerId}"] td`).nth(1).textContent();

test('a coordinator edits an offer and sees the preview change; the core refuses a bad offer beside its field', async () => {
  const { page, cspRefusals } = await openAdmin(browser!, served.service.url);
  await logInAdmin(page, 'e2e-coordinator', PASSWORD);
  await openScreen(page, 'Partners', 'Partners and offers');
  await page.getByRole('cell', { name: shop.name, exact: true }).waitFor();
  expect(await page.locator('tr[data-partner]').count()).toBe(3);
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: `Open ${shop.name}` }).click();
  await page.getByRole('heading', { level: 2, name: shop.name }).waitFor();
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(shop.name);
  const offer = shop.offers.find((o) => o.categories.includes('adult') && o.hours === undefined)!;
  const index = shop.offers.indexOf(offer);
  await expect.poll(() => applies(page, offer.id)).toBe('Yes');
  expect(await seriousViolations(page)).toEqual([]);

  // the core's own rule, before anything is sent: an offer needs a title
  // the offer's fieldset by place: its name follows the title being edited
  const fields = page.locator('fieldset.offer').nth(index);
  await fields.getByLabel('Title').fill('');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const title = fields.getByLabel('Title');
  await expect.poll(() => title.getAttribute('aria-invalid')).toBe('true');
  expect(await page.locator(`#${await title.getAttribute('id')}-error`).textContent()).toBe(`Error: Offer ${offer.id} needs a title.`);
  expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
  expect(await seriousViolations(page)).toEqual([]);

  // mended, and the offer no longer for adult carers: saved, and the preview says no, in the till's words
  await title.fill(`${offer.title} (not adults)`);
  expect(await title.getAttribute('aria-invalid')).toBeNull();
  await fields.getByRole('checkbox', { name: 'Adult carer', exact: true }).uncheck();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('status').filter({ hasText: `Saved ${shop.name}` }).waitFor();
  await expect.poll(() => applies(page, offer.id)).toBe('No');
  expect(await page.locator(`tr[data-offer="${offer.id}"] td`).nth(2).textContent()).toMatch(/Not for this kind of carer/);
  const saved = (await adminCall(served.service.url, 'GET', '/admin/api/partners/demo-shop')).data.profile as PartnerProfile;
  expect(saved.offers[index]).toMatchObject({ title: `${offer.title} (not adults)`, categories: offer.categories.filter((c) => c !== 'adult') });
  // the preview for another kind of carer still says yes
  await page.getByLabel('Kind of carer').selectOption('parent');
  await page.getByRole('button', { name: 'Check the offers' }).click();
  await expect.poll(() => applies(page, offer.id)).toBe('Yes');

  // the window sticker: a PDF holding the partner's name
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the window sticker (PDF)' }).click()]);
  expect(download.suggestedFilename()).toBe('window-sticker-demo-shop.pdf');
  const pdf = new Uint8Array(await readFile((await download.path())!));
  expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
  expect((await pdfText(pdf)).replace(/\s+/g, ' ')).toContain(shop.name);

  // an enrolment code as a QR with its text, and the partner's devices
  await page.getByRole('button', { name: 'New enrolment code' }).click();
  await page.getByRole('img', { name: `Enrolment code for ${shop.name} as a QR code` }).waitFor();
  expect(await page.getByLabel('Or paste this code in the app').inputValue()).toMatch(/^\S{40,}$/);
  const devices = page.locator('section[aria-labelledby="devices-heading"] tbody tr');
  expect(await devices.allTextContents()).toEqual([expect.stringMatching(/^Demo till/)]);
  expect(await seriousViolations(page)).toEqual([]);
  // removing a device is asked first, then it shows as removed
  await devices.getByRole('button', { name: /^Remove Demo till/ }).click();
  await page.getByRole('group', { name: /^Remove Demo till/ }).getByRole('button', { name: 'Remove the device' }).click();
  await page.getByRole('status').filter({ hasText: /^Removed Demo till/ }).waitFor();
  expect(await devices.first().textContent()).toMatch(/Removed /);
  expect(await seriousViolations(page)).toEqual([]);
  expect(cspRefusals).toEqual([]);
});

test('a coordinator adds a partner; a partner manager sees and edits only its own', async () => {
  const { page } = await openAdmin(browser!, served.service.url);
  await logInAdmin(page, 'e2e-coordinator', PASSWORD);
  await openScreen(page, 'Partners', 'Partners and offers');
  await page.getByRole('button', { name: 'Add a partner' }).click();
  await page.getByRole('heading', { level: 2, name: 'New partner' }).waitFor();
  await page.getByLabel('Partner id').fill('Bad Id');
  await page.getByLabel('Name', { exact: true }).fill('Corner Café');
  await page.getByRole('button', { name: 'Add the partner' }).click();
  await expect.poll(() => page.getByLabel('Partner id').getAttribute('aria-invalid')).toBe('true');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel('Partner id').fill('corner-cafe');
  await page.getByLabel('Area', { exact: true }).fill('Oakham');
  await page.getByRole('button', { name: 'Add an offer' }).click();
  const offer = page.getByRole('group', { name: /^Offer 1/ });
  await offer.getByLabel('Offer id').fill('free-tea');
  await offer.getByLabel('Title').fill('A free cup of tea');
  await offer.getByRole('button', { name: 'Add days and hours' }).click();
  await offer.getByLabel('to (24:00 for midnight)').fill('25:00');
  await page.getByRole('button', { name: 'Add the partner' }).click();
  await offer.getByText('Error: Offer free-tea has hours that are not days with HH:MM from and to.').waitFor();
  await offer.getByLabel('to (24:00 for midnight)').fill('24:00');
  await page.getByRole('button', { name: 'Add the partner' }).click();
  await page.getByRole('heading', { level: 2, name: 'Corner Café' }).waitFor();
  await page.getByRole('cell', { name: 'Corner Café', exact: true }).waitFor();
  const added = (await adminCall(served.service.url, 'GET', '/admin/api/partners/corner-cafe')).data.profile;
  expect(added).toMatchObject({ name: 'Corner Café', area: 'Oakham', offers: [{ id: 'free-tea', hours: [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '24:00' }] }] });

  const manager = await openAdmin(browser!, served.service.url);
  await logInAdmin(manager.page, 'e2e-shop', PASSWORD);
  await openScreen(manager.page, 'Partners', 'Your partner');
  await manager.page.getByRole('heading', { level: 2, name: shop.name }).waitFor();
  expect(await manager.page.locator('tr[data-partner]').count()).toBe(0);
  expect(await manager.page.getByRole('button', { name: 'Add a partner' }).count()).toBe(0);
  expect(await manager.page.getByText('Corner Café').count()).toBe(0);
  await manager.page.getByLabel('Area', { exact: true }).fill('Melton Mowbray');
  await manager.page.getByRole('button', { name: 'Save', exact: true }).click();
  await manager.page.getByRole('status').filter({ hasText: `Saved ${shop.name}` }).waitFor();
  expect((await adminCall(served.service.url, 'GET', '/admin/api/partners/demo-shop')).data.profile.area).toBe('Melton Mowbray');
  expect(await seriousViolations(manager.page)).toEqual([]);

  // issuer staff read the list only: nothing to open, add or save
  const issuer = await openAdmin(browser!, served.service.url);
  await logInAdmin(issuer.page, 'e2e-issuer', PASSWORD);
  await openScreen(issuer.page, 'Partners', 'Partners and offers');
  await expect.poll(() => issuer.page.locator('tr[data-partner]').count()).toBe(4);
  expect(await issuer.page.getByRole('button', { name: /^Open / }).count()).toBe(0);
  expect(await issuer.page.getByRole('button', { name: 'Add a partner' }).count()).toBe(0);
  expect(await seriousViolations(issuer.page)).toEqual([]);
});
