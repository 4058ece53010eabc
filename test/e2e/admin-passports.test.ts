// The admin UI's passport screens in Chromium (issue 10, points 1, 4 and 7) against a real service and database:
// page through and search the register, issue a passport (a field's own message first) and cancel it after the
// question, import a CSV by upload with a dry run (the bad lines listed, the good rows in, a second import adds 0),
// the renewals list with its CSV and a bulk renewal; axe on each screen and state.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { importRegister } from '../../src/server/register/import-register.ts';
import { pdfText } from '../cards/support.ts';
import { ADMIN_PASSWORD } from '../server/support/test-service.ts';
import { logInAdmin, openAdmin, openScreen } from './support/admin-ui.ts';
import { seriousViolations } from './support/app-page.ts';
import { launchChromium } from './support/chromium.ts';
import { startServedApp, type ServedApp } from './support/served-app.ts';

const DAY_MS = 86_400_000;
const day = (fromToday: number) => new Date(Date.now() + fromToday * DAY_MS).toISOString().slice(0, 10);
let served: ServedApp;
let browser: Browser | undefined;
let folder: string;
let page: Page;
let cspRefusals: string[];

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'cp-admin-e2e-'));
  served = await startServedApp();
  // 120 passports already in the register: three pages of 50
  const rows = Array.from({ length: 120 }, (_, i) => `Carer Number${String(i).padStart(3, '0')},${i % 2 ? 'adult' : 'parent'},VASL-${1000 + i},${day(-400)},${day(700)},uk.llr.vasl,`);
  const seeded = await importRegister(served.service.ctx, ['name,kind,number,issued,expires,issuer,email', ...rows].join('\n'), { actor: 'test' });
  if (!seeded.ok || seeded.imported !== 120) throw new Error('the register was not seeded');
  browser = await launchChromium();
  ({ page, cspRefusals } = await openAdmin(browser, served.service.url));
  await logInAdmin(page, 'coordinator', ADMIN_PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
  await rm(folder, { recursive: true, force: true });
});

const summary = () => page.locator('p.summary').textContent();
const firstNumbers = async (count: number) => (await page.locator('tbody tr td:first-child code').allTextContents()).slice(0, count);

test('pages through, searches, filters and sorts the register', async () => {
  await openScreen(page, 'Passports', 'Passports');
  await expect.poll(summary).toBe('Passports 1 to 50 of 120');
  expect(await page.locator('tbody tr').count()).toBe(50);
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Next page' }).click();
  await expect.poll(summary).toBe('Passports 51 to 100 of 120');
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect.poll(summary).toBe('Passports 101 to 120 of 120');
  expect(await page.getByRole('button', { name: 'Next page' }).isDisabled()).toBe(true);

  await page.getByRole('button', { name: 'Number' }).click(); // sort by number, A to Z, back at page 1
  await expect.poll(() => firstNumbers(2)).toEqual(['VASL-1000', 'VASL-1001']);
  await page.getByRole('button', { name: /^Number/ }).click(); // and Z to A
  await expect.poll(() => firstNumbers(2)).toEqual(['VASL-1119', 'VASL-1118']);
  expect(await page.locator('th[aria-sort="descending"]').textContent()).toMatch(/^Number/);

  await page.getByLabel('Kind of carer', { exact: true }).last().selectOption('parent');
  await expect.poll(summary).toBe('Passports 1 to 50 of 60');
  await page.getByLabel('Number or name').fill('number042');
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  await expect.poll(summary).toBe('Passports 1 to 1 of 1');
  expect(await page.locator('tbody tr td:nth-child(2)').textContent()).toBe('Carer Number042');
  await page.getByLabel('Number or name').fill('nobody like this');
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  await expect.poll(summary).toBe('No passports match.');
  expect(await seriousViolations(page)).toEqual([]);
});

test('issues a passport (an empty name is refused at its field), shows its QR and codes, then cancels it after asking', async () => {
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Passports' }).waitFor();
  const issue = page.locator('section', { has: page.getByRole('heading', { name: 'Issue a passport' }) });
  await issue.getByRole('button', { name: 'Issue passport' }).click();
  await issue.getByText('Enter the name to print on the card.').waitFor();
  expect(await page.getByLabel('Name on the card').getAttribute('aria-invalid')).toBe('true');
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByLabel('Kind of carer', { exact: true }).first().selectOption('parent');
  await page.getByLabel('Name on the card').fill('Siobhán O’Neill-Bhatt');
  await issue.getByRole('button', { name: 'Issue passport' }).click();
  const issued = issue.locator('.issued');
  await issued.waitFor();
  const heading = (await issued.getByRole('heading').textContent())!;
  const jti = /Issued passport (\S+)/.exec(heading)![1]!;
  expect(await issued.textContent()).toContain('Siobhán O’Neill-Bhatt, parent carer');
  expect(await issued.textContent()).toMatch(/collection code [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/);
  expect(await issued.getByRole('img', { name: `QR code of passport ${jti}` }).evaluate((img: HTMLImageElement) => img.naturalWidth > 0)).toBe(true);
  const card = await page.context().request.get(`${served.service.url}${await issued.getByRole('link', { name: /Card \(PDF\)/ }).getAttribute('href')}`);
  expect([card.status(), card.headers()['content-type']]).toEqual([200, 'application/pdf']);
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByLabel('Number or name').fill(jti);
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  await expect.poll(summary).toBe('Passports 1 to 1 of 1');
  await page.getByRole('button', { name: `Cancel passport ${jti}` }).click();
  const question = page.getByRole('group', { name: `Cancel passport ${jti}` });
  expect(await question.textContent()).toContain('This cannot be undone');
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('group'); // focus moves after render
  expect(await seriousViolations(page)).toEqual([]);
  await question.getByRole('button', { name: 'Yes, cancel it' }).click();
  await page.getByRole('status').filter({ hasText: `Passport ${jti} cancelled.` }).waitFor();
  await expect.poll(() => page.locator('tbody tr .status').textContent()).toBe('Cancelled');
  expect(await page.getByRole('button', { name: `Cancel passport ${jti}` }).count()).toBe(0);
  const [row] = await served.service.ctx.db.query<{ status: number }>('SELECT status FROM passports WHERE jti = $1', [jti]);
  expect(row?.status).toBe(1);
});

test('imports a CSV by upload: the dry run lists the bad lines, the import adds the good rows, a second import adds 0', async () => {
  const file = join(folder, 'register.csv');
  await writeFile(
    file,
    '\uFEFFname,kind,number,issued,expires,issuer,email\r\n' +
      `Amara Patel,adult,UP-1,${day(-30)},${day(20)},uk.llr.vasl,\r\n` +
      `Nobody Known,adult,UP-2,${day(-30)},${day(900)},uk.not.an.issuer,\r\n` +
      `"O'Brien, Róisín",parent,UP-3,${day(-30)},${day(900)},uk.llr.vasl,\r\n` +
      `Bad Date,adult,UP-4,2025-02-30,${day(900)},uk.llr.vasl,\r\n` +
      `张伟,young,UP-5,${day(-30)},${day(900)},uk.llr.young-carers,\r\n`,
  );
  await openScreen(page, 'Import', 'Import the register');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel('Register file (CSV)').setInputFiles(file);
  await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
  await expect.poll(summary).toBe('Dry run: 3 would be imported, 0 already in the register, 2 refused. Nothing has changed yet.');
  const refused = await page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent)));
  expect(refused.map(([line]) => line)).toEqual(['3', '5']);
  expect(refused[0]![1]).toMatch(/uk\.not\.an\.issuer/);
  expect(refused[1]![1]).toMatch(/date/i);
  expect(await served.service.ctx.db.query(`SELECT jti FROM passports WHERE jti LIKE 'UP-%'`)).toEqual([]);
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Import 3 passports' }).click();
  await expect.poll(summary).toBe('Imported 3, already present 0, refused 2.');
  expect((await served.service.ctx.db.query<{ jti: string }>(`SELECT jti FROM passports WHERE jti LIKE 'UP-%' ORDER BY jti`)).map((r) => r.jti)).toEqual(['UP-1', 'UP-3', 'UP-5']);

  await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
  await expect.poll(summary).toBe('Dry run: 0 would be imported, 3 already in the register, 2 refused. Nothing has changed yet.');
  expect(await page.getByRole('button', { name: /^Import \d/ }).count()).toBe(0);
  expect(await seriousViolations(page)).toEqual([]);
});

test('lists renewals with a CSV for a mail-merge, and renews the selected ones', async () => {
  await openScreen(page, 'Renewals', 'Renewals');
  const row = page.locator('tbody tr', { hasText: 'UP-1' });
  await row.waitFor();
  expect(await row.textContent()).toContain(day(20));
  expect(await seriousViolations(page)).toEqual([]);

  const href = await page.getByRole('link', { name: /Download this list as CSV/ }).getAttribute('href');
  const csv = await page.context().request.get(`${served.service.url}${href}`);
  expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
  expect(await csv.text()).toMatch(/Amara Patel,UP-1,.*,expiring/);

  await page.getByRole('checkbox', { name: 'Select UP-1' }).check();
  await page.getByRole('button', { name: 'Renew 1 selected' }).click();
  await page.getByRole('button', { name: 'Yes, renew them' }).click();
  await page.getByRole('status').filter({ hasText: 'Renewed 1 passport.' }).waitFor();
  await expect.poll(() => page.locator('tbody tr', { hasText: 'UP-1' }).count()).toBe(0);
  const [renewed] = await served.service.ctx.db.query<{ exp: string }>(`SELECT exp FROM passports WHERE jti = 'UP-1'`);
  expect(Number(renewed!.exp) * 1000).toBeGreaterThan(Date.now() + 1000 * DAY_MS);

  // their new cards, in one PDF, straight from the renewal's notice
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download their new cards (PDF)' }).click()]);
  expect(download.suggestedFilename()).toBe('carers-passports-renewed.pdf');
  const text = (await pdfText(new Uint8Array(await readFile((await download.path())!)))).replace(/\s+/g, ' ');
  expect(text).toContain('UP-1');
  expect(text).not.toContain('UP-3');
  await page.getByRole('status').filter({ hasText: 'Cards for 1 renewed passport downloaded.' }).waitFor();

  // a window that is not a number is refused at its field
  await page.getByLabel('Expiring within (days)').fill('soon');
  await page.getByRole('button', { name: 'Show' }).click();
  await page.getByText('Enter a number of days, from 0 to 9999.').waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  expect(cspRefusals).toEqual([]);
});

test('a 10,000-row file with 20 bad rows: the dry run lists the 20 lines, the import adds 9,980, and the page never stalls', async () => {
  const bad = new Map<number, string>(); // line -> row
  const kinds = ['unknown-issuer', 'bad-kind', 'bad-date', 'expiry-before-issue', 'duplicate', 'empty-name'];
  const lines = ['name,kind,number,issued,expires,issuer,email'];
  for (let i = 0; i < 10_000; i++) {
    const line = lines.length + 1;
    const fault = i % 500 === 499 ? kinds[bad.size % kinds.length] : undefined;
    const row =
      fault === 'unknown-issuer' ? `Ten Thousand${i},adult,TT-${i},${day(-10)},${day(900)},uk.nowhere,`
      : fault === 'bad-kind' ? `Ten Thousand${i},grandparent,TT-${i},${day(-10)},${day(900)},uk.llr.vasl,`
      : fault === 'bad-date' ? `Ten Thousand${i},adult,TT-${i},2025-13-45,${day(900)},uk.llr.vasl,`
      : fault === 'expiry-before-issue' ? `Ten Thousand${i},adult,TT-${i},${day(-10)},${day(-20)},uk.llr.vasl,`
      : fault === 'duplicate' ? `Ten Thousand${i},adult,TT-0,${day(-10)},${day(900)},uk.llr.vasl,`
      : fault === 'empty-name' ? `,adult,TT-${i},${day(-10)},${day(900)},uk.llr.vasl,`
      : `Ten Thousand${i},adult,TT-${i},${day(-10)},${day(900)},uk.llr.vasl,`;
    if (fault) bad.set(line, row);
    lines.push(row);
  }
  const file = join(folder, 'register-10k.csv');
  await writeFile(file, lines.join('\r\n'));
  await page.evaluate(() => {
    const w = window as unknown as { longest: number };
    w.longest = 0;
    new PerformanceObserver((entries) => {
      for (const entry of entries.getEntries()) w.longest = Math.max(w.longest, entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  });

  await openScreen(page, 'Import', 'Import the register');
  await page.getByLabel('Register file (CSV)').setInputFiles(file);
  await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
  await expect.poll(summary, { timeout: 60_000 }).toBe('Dry run: 9,980 would be imported, 0 already in the register, 20 refused. Nothing has changed yet.');
  expect((await page.locator('tbody tr td:first-child').allTextContents()).map(Number)).toEqual([...bad.keys()]);
  await page.getByRole('button', { name: 'Import 9,980 passports' }).click();
  await expect.poll(summary, { timeout: 60_000 }).toBe('Imported 9,980, already present 0, refused 20.');
  // the page's own work stays in small tasks: the file is read and sent, the service reads the rows
  expect(await page.evaluate(() => (window as unknown as { longest: number }).longest)).toBeLessThan(250);
  const [count] = await served.service.ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM passports WHERE jti LIKE 'TT-%'`);
  expect(count?.n).toBe(9_980);
});
