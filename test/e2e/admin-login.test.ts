// The classic admin page's login in Chromium (issue 10, point 2; that page now lives at /admin/classic): the login
// form, the page it opens with the account's own share, a change sent with the session's CSRF token by the page's
// script, and logging out; axe on the login form.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addAccount } from '../../src/server/accounts/account-store.ts';
import { seriousViolations } from './support/app-page.ts';
import { launchChromium } from './support/chromium.ts';
import { startServedApp, type ServedApp } from './support/served-app.ts';

const PASSWORD = 'staff password for the e2e';
let served: ServedApp;
let browser: Browser | undefined;

beforeAll(async () => {
  served = await startServedApp({ seedDemo: true });
  const added = await addAccount(served.service.ctx, { name: 'e2e-staff', role: 'issuer', iss: 'uk.llr.vasl', password: PASSWORD }, 'test');
  if (!added.ok) throw new Error(added.problem);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

test('log in on /admin/login to the classic page, issue a passport from the page, log out; the login form is axe clean', { timeout: 60_000 }, async () => {
  const page = await (await browser!.newContext()).newPage();
  await page.goto(`${served.service.url}/admin/classic`);
  expect(new URL(page.url()).pathname).toBe('/admin/login');
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByLabel('Account name').fill('e2e-staff');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/not right/);
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Your account' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/admin/classic');
  expect(await page.locator('#account').textContent()).toContain('Logged in as e2e-staff, issuer staff of uk.llr.vasl');
  // the page's script sends the CSRF token: issuing works from the page
  await page.locator('#issue input[name="name"]').fill('Esme Loginpage');
  await page.locator('#issue button').click();
  await page.locator('#issued', { hasText: 'Issued passport' }).waitFor();

  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('status').filter({ hasText: 'You have logged out.' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/admin/login');
  await page.goto(`${served.service.url}/admin/classic`);
  expect(new URL(page.url()).pathname).toBe('/admin/login');
});
