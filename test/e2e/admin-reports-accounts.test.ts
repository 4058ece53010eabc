// The admin UI's Reports and Accounts screens in Chromium (issue 10, points 2 and 5): every report opens as a chart
// and a table, its CSV downloads with the report's columns; a partner manager's report holds its own partner's rows;
// a coordinator adds an account who then logs in, disables it and resets a password; axe on every state.

import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { REPORT_NAMES } from '../../src/server/reports/reports.ts';
import { REPORT_NAMES as REPORT_TITLES } from '../../src/admin-app/screens/reports-table.ts';
import { adminCall } from '../server/support/test-service.ts';
import { addAccounts } from './support/admin-accounts.ts';
import { logInAdmin, openAdmin, openScreen } from './support/admin-ui.ts';
import { seriousViolations } from './support/app-page.ts';
import { launchChromium } from './support/chromium.ts';
import { startServedApp, type ServedApp } from './support/served-app.ts';

const PASSWORD = 'reports and accounts e2e password';
let served: ServedApp;
let browser: Browser | undefined;

beforeAll(async () => {
  served = await startServedApp({ seedDemo: true });
  await addAccounts(served, PASSWORD, [
    { name: 'e2e-coordinator', role: 'coordinator' },
    { name: 'e2e-shop', role: 'partner', partnerId: 'demo-shop' },
  ]);
  browser = await launchChromium();
  // the demo seed and Chromium together take a while on a busy machine (backends.ts sets 60 s for database suites)
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const reportRows = (page: Page) => page.locator('table.report-table tbody tr');

async function openReport(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: REPORT_TITLES[name] ?? name, exact: true }).click();
  await page.getByRole('heading', { level: 2, name: REPORT_TITLES[name] ?? name }).waitFor();
}

test('every report opens as a chart and a table, and its CSV downloads with its columns', { timeout: 120_000 }, async () => {
  const { page, cspRefusals } = await openAdmin(browser!, served.service.url);
  await logInAdmin(page, 'e2e-coordinator', PASSWORD);
  await openScreen(page, 'Reports', 'Reports');
  await expect.poll(() => page.locator('.report-list button').count()).toBe(REPORT_NAMES.length); // the list of reports arrives after the screen
  for (const name of REPORT_NAMES) {
    await openReport(page, name);
    const expected = (await adminCall(served.service.url, 'GET', `/v1/reports/${name}`)).data as { columns: string[]; rows: unknown[] };
    if (expected.rows.length === 0) {
      await page.getByText('No rows yet.').waitFor();
    } else {
      await expect.poll(() => reportRows(page).count()).toBe(expected.rows.length);
      expect(await page.getByRole('img', { name: /The table below gives every value\.$/ }).count()).toBe(1);
    }
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download all rows as CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`${name}.csv`);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe(expected.columns.join(','));
    expect(csv.trimEnd().split('\r\n').length).toBe(expected.rows.length + 1);
  }

  // a report by month: a chart of a chosen count, and months narrowed by days; axe on all of it
  await openReport(page, 'passports-by-month');
  const months = await reportRows(page).count();
  await page.getByLabel('Chart of').selectOption('revoked');
  await page.getByRole('img', { name: /^Cancelled: / }).waitFor();
  const firstMonth = (await reportRows(page).first().locator('td').first().textContent())!;
  await page.getByLabel('To', { exact: true }).fill(`${firstMonth}-01`);
  await expect.poll(() => reportRows(page).count()).toBe(1);
  await page.getByLabel('To', { exact: true }).fill('');
  await expect.poll(() => reportRows(page).count()).toBe(months);
  expect(await seriousViolations(page)).toEqual([]);
  expect(cspRefusals).toEqual([]);
});

test("a partner manager's report by partner holds its own partner's row only", async () => {
  const { page } = await openAdmin(browser!, served.service.url);
  await logInAdmin(page, 'e2e-shop', PASSWORD);
  await openScreen(page, 'Reports', 'Reports');
  await openReport(page, 'redemptions-by-partner');
  await expect.poll(() => reportRows(page).count()).toBe(1);
  expect(await reportRows(page).first().locator('td').first().textContent()).toBe('demo-shop');
  expect(await seriousViolations(page)).toEqual([]);
});

test('a coordinator adds an account who logs in with the password shown once; disables it; resets a password', async () => {
  const { page, cspRefusals } = await openAdmin(browser!, served.service.url);
  await logInAdmin(page, 'e2e-coordinator', PASSWORD);
  await openScreen(page, 'Accounts', 'Accounts');
  await page.locator('tr[data-account="e2e-shop"]').waitFor();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByLabel('Account name').fill('no spaces allowed');
  await page.getByRole('button', { name: 'Add the account' }).click();
  await expect.poll(() => page.getByLabel('Account name').getAttribute('aria-invalid')).toBe('true');
  expect(await page.locator('#account-name-error').textContent()).toMatch(/letters, digits/);
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByLabel('Account name').fill('e2e-new-staff');
  await page.getByLabel('Role').selectOption('issuer');
  await page.getByLabel('Issuer they work for').selectOption('uk.llr.vasl');
  await page.getByRole('button', { name: 'Add the account' }).click();
  const secret = page.getByRole('group', { name: 'Password of e2e-new-staff' });
  await secret.waitFor();
  const password = (await secret.locator('[data-secret]').textContent())!;
  expect(password).toMatch(/^[A-Za-z2-9]{20}$/);
  await page.locator('tr[data-account="e2e-new-staff"]').waitFor();
  expect(await seriousViolations(page)).toEqual([]);

  const newcomer = await openAdmin(browser!, served.service.url);
  await logInAdmin(newcomer.page, 'e2e-new-staff', password);
  expect(await newcomer.page.getByText('Logged in as e2e-new-staff, issuer staff of uk.llr.vasl').count()).toBe(1);

  // disabled: its session ends (the next request brings back the login)
  await page.getByRole('button', { name: 'Disable e2e-new-staff' }).click();
  await page.getByRole('status').filter({ hasText: 'e2e-new-staff is disabled' }).waitFor();
  await expect.poll(() => page.locator('tr[data-account="e2e-new-staff"] td').nth(3).textContent()).toBe('Disabled');
  await newcomer.page.reload();
  await newcomer.page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
  await page.getByRole('button', { name: 'Enable e2e-new-staff' }).click();
  await page.getByRole('status').filter({ hasText: 'e2e-new-staff can log in again.' }).waitFor();

  // a reset password, shown once, works; the old one does not
  await page.getByRole('button', { name: 'Reset password of e2e-new-staff' }).click();
  await page.getByRole('group', { name: 'Reset password of e2e-new-staff' }).getByRole('button', { name: 'Give a new password' }).click();
  const reset = page.getByRole('group', { name: 'New password of e2e-new-staff' });
  await reset.waitFor();
  const renewed = (await reset.locator('[data-secret]').textContent())!;
  expect(renewed).not.toBe(password);
  await logInAdmin(newcomer.page, 'e2e-new-staff', renewed);

  // an API token for the account, shown once, and it works for a script
  await page.getByRole('button', { name: 'API tokens of e2e-new-staff' }).click();
  const tokens = page.getByRole('region', { name: 'API tokens of e2e-new-staff' });
  await tokens.getByLabel('What a new token is for').fill('nightly import');
  await tokens.getByRole('button', { name: 'Make a token' }).click();
  const token = (await tokens.getByRole('group', { name: 'New token "nightly import"' }).locator('[data-secret]').textContent())!;
  const who = await fetch(`${served.service.url}/admin/api/account`, { headers: { authorization: `Bearer ${token}` } });
  expect(((await who.json()) as { account: { name: string } }).account.name).toBe('e2e-new-staff');
  await tokens.getByRole('button', { name: 'Revoke the token nightly import' }).click();
  await tokens.getByRole('status').filter({ hasText: 'Revoked the token "nightly import"' }).waitFor();
  expect((await fetch(`${served.service.url}/admin/api/account`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  expect(await seriousViolations(page)).toEqual([]);
  expect(cspRefusals).toEqual([]);
});

test('at 320 px wide (400% zoom) the Partners, Reports and Accounts screens do not scroll sideways', async () => {
  const page = await (await browser!.newContext({ viewport: { width: 320, height: 700 }, deviceScaleFactor: 2 })).newPage();
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await page.goto(`${served.service.url}/admin/`);
  await logInAdmin(page, 'e2e-coordinator', PASSWORD);
  await openScreen(page, 'Partners', 'Partners and offers');
  await page.getByRole('button', { name: /^Open / }).first().click();
  await page.getByRole('button', { name: 'Check the offers' }).waitFor();
  await page.locator('tr[data-offer]').first().waitFor();
  await page.getByRole('button', { name: 'New enrolment code' }).click();
  await page.getByRole('img', { name: /^Enrolment code for / }).waitFor();
  expect(await overflow(), 'Partners').toBeLessThanOrEqual(0);
  await openScreen(page, 'Reports', 'Reports');
  await openReport(page, 'redemptions-by-offer');
  await reportRows(page).first().waitFor();
  expect(await overflow(), 'Reports').toBeLessThanOrEqual(0);
  await openScreen(page, 'Accounts', 'Accounts');
  await page.locator('tr[data-account]').first().waitFor();
  expect(await overflow(), 'Accounts').toBeLessThanOrEqual(0);
});
