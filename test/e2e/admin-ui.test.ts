// The admin UI's shell in Chromium (issue 10, point 7): /admin leads to /admin/, logging in with the page's form
// (a wrong password said plainly), the navigation an account's role allows, the focus on each screen's heading,
// changing one's password, "your session ended" after a 401, logging out; axe on the login and the shell's screens,
// and nothing refused by the page's CSP.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addAccount } from '../../src/server/accounts/account-store.ts';
import { partnerProfile } from '../server/support/scheme-fixtures.ts';
import { ADMIN_PASSWORD, adminCall } from '../server/support/test-service.ts';
import { logInAdmin, openAdmin, openScreen } from './support/admin-ui.ts';
import { seriousViolations } from './support/app-page.ts';
import { launchChromium } from './support/chromium.ts';
import { startServedApp, type ServedApp } from './support/served-app.ts';

const PASSWORD = 'staff password for the e2e';
/** The coordinator's password once the first test has changed it. */
const NEW_PASSWORD = 'a brand new coordinator passphrase';
let served: ServedApp;
let browser: Browser | undefined;

beforeAll(async () => {
  served = await startServedApp();
  expect((await adminCall(served.service.url, 'PUT', '/admin/api/partners/e2e-shop', partnerProfile('e2e-shop'))).status).toBe(200);
  for (const account of [
    { name: 'e2e-issuer', role: 'issuer' as const, iss: 'uk.llr.vasl' },
    { name: 'e2e-shop', role: 'partner' as const, partnerId: 'e2e-shop' },
  ]) {
    const added = await addAccount(served.service.ctx, { ...account, password: PASSWORD }, 'test');
    if (!added.ok) throw new Error(added.problem);
  }
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const navLinks = async (page: import('playwright-core').Page) =>
  page.getByRole('navigation', { name: 'Admin screens' }).getByRole('link').allTextContents();

test('a coordinator logs in at /admin, sees every screen, changes the password and logs out; axe clean, no CSP refusal', async () => {
  const { page, cspRefusals } = await openAdmin(browser!, served.service.url);
  await page.goto(`${served.service.url}/admin`);
  expect(new URL(page.url()).pathname).toBe('/admin/');
  await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByLabel('Account name').fill('coordinator');
  await page.getByLabel('Password', { exact: true }).fill('not the password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/not right/);
  expect(await page.getByLabel('Password', { exact: true }).getAttribute('aria-invalid')).toBe('true');
  expect(await seriousViolations(page)).toEqual([]);

  await logInAdmin(page, 'coordinator', ADMIN_PASSWORD);
  expect(await page.getByText('Logged in as coordinator, scheme coordinator').count()).toBe(1);
  expect(await page.getByText('Demo scheme: demo keys, not for real passports.').count()).toBe(1);
  expect(await navLinks(page)).toEqual(['Passports', 'Import', 'Renewals', 'Cards', 'Partners', 'Reports', 'Keys', 'Accounts', 'Audit', 'Your account']);

  await openScreen(page, 'Keys', 'Issuer keys');
  await page.getByRole('cell', { name: 'uk.llr.vasl' }).first().waitFor();
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Issuer keys');
  expect(new URL(page.url()).hash).toBe('#/keys');
  expect(await seriousViolations(page)).toEqual([]);

  await openScreen(page, 'Audit', 'Recent changes');
  await page.getByRole('cell', { name: 'account.login' }).first().waitFor();
  expect(await seriousViolations(page)).toEqual([]);

  await openScreen(page, 'Your account', 'Your account');
  await page.getByLabel('Current password').fill(ADMIN_PASSWORD);
  await page.getByLabel('New password', { exact: true }).fill('short');
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByText('The new password needs at least 12 characters.').waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('New password again').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByRole('status').filter({ hasText: 'Your password is changed.' }).waitFor();

  // a reload keeps the session (the cookie), and the hash keeps the screen
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();

  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('status').filter({ hasText: 'You have logged out.' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
  await logInAdmin(page, 'coordinator', NEW_PASSWORD);
  expect(cspRefusals).toEqual([]);

  // the page's script and style are sent compressed, cached for good (hashed names); the page itself revalidated
  const script = await page.locator('script[type="module"]').getAttribute('src');
  expect(script).toMatch(/^\/admin\/assets\/admin-[\w-]{8}\.js$/);
  const sent = await page.context().request.get(`${served.service.url}${script}`, { headers: { 'accept-encoding': 'br' } });
  expect([sent.status(), sent.headers()['content-encoding'], sent.headers()['cache-control']]).toEqual([200, 'br', 'public, max-age=31536000, immutable']);
});

test('issuer staff and partner managers see only the screens their role may use', async () => {
  const issuer = await openAdmin(browser!, served.service.url);
  await logInAdmin(issuer.page, 'e2e-issuer', PASSWORD);
  expect(await navLinks(issuer.page)).toEqual(['Passports', 'Import', 'Renewals', 'Cards', 'Partners', 'Reports', 'Audit', 'Your account']);
  expect(await issuer.page.getByText('Logged in as e2e-issuer, issuer staff of uk.llr.vasl').count()).toBe(1);
  // a hash for a screen the role may not use opens the role's first screen
  await issuer.page.goto(`${served.service.url}/admin/#/keys`);
  await issuer.page.getByRole('heading', { level: 1, name: 'Passports' }).waitFor();

  const shop = await openAdmin(browser!, served.service.url);
  await logInAdmin(shop.page, 'e2e-shop', PASSWORD);
  expect(await navLinks(shop.page)).toEqual(['Partners', 'Reports', 'Audit', 'Your account']);
});

test('a session that ends on the service side brings back the login, saying so', async () => {
  const { page } = await openAdmin(browser!, served.service.url);
  await logInAdmin(page, 'e2e-issuer', PASSWORD);
  await openScreen(page, 'Audit', 'Recent changes');
  // 31 minutes without a request
  await served.service.ctx.db.query(`UPDATE account_sessions SET last_seen = last_seen - 31 * 60`);
  // the next request finds the session over (on a loaded machine the screen may be re-rendering as it is clicked)
  await page.getByRole('button', { name: 'Refresh' }).click({ timeout: 10_000 }).catch(() => undefined);
  await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
  expect(await page.getByRole('status').textContent()).toMatch(/Your session ended/);
  expect(await seriousViolations(page)).toEqual([]);
});

test('at 320 px wide (400% zoom) no screen scrolls sideways: wide tables scroll inside their own box', async () => {
  const page = await (await browser!.newContext({ viewport: { width: 320, height: 700 }, deviceScaleFactor: 2 })).newPage();
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await page.goto(`${served.service.url}/admin/`);
  await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
  expect(await overflow()).toBeLessThanOrEqual(0);
  await logInAdmin(page, 'coordinator', NEW_PASSWORD);
  for (const [link, heading] of [['Passports', 'Passports'], ['Import', 'Import the register'], ['Renewals', 'Renewals'], ['Keys', 'Issuer keys'], ['Audit', 'Recent changes'], ['Your account', 'Your account']] as const) {
    await openScreen(page, link, heading);
    await page.waitForLoadState('networkidle');
    expect(await overflow(), link).toBeLessThanOrEqual(0);
  }
});
