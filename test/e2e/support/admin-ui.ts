// Driving the admin UI (/admin/) in Chromium: log in through its form, open a screen from its navigation, and collect
// what the page's CSP refused (there should be nothing).

import type { Browser, Page } from 'playwright-core';

export type AdminPage = { page: Page; cspRefusals: string[] };

export async function openAdmin(browser: Browser, baseUrl: string): Promise<AdminPage> {
  const page = await (await browser.newContext()).newPage();
  const cspRefusals: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspRefusals.push(message.text());
  });
  await page.goto(`${baseUrl}/admin/`);
  return { page, cspRefusals };
}

export async function logInAdmin(page: Page, name: string, password: string): Promise<void> {
  await page.getByLabel('Account name').fill(name);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('navigation', { name: 'Admin screens' }).waitFor();
}

export async function openScreen(page: Page, link: string, heading: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Admin screens' }).getByRole('link', { name: link, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}
