// "My Carers Passport" in Chromium on a phone-sized screen, against the scheme service serving the built page
// (issue 9, point 2): issue -> collection link -> the card shows the QR, and a screenshot of it decodes to the passport;
// offline reload still shows it; the same link again; renewal and cancellation arrive after coming online; and axe
// finds no serious or critical violations on the card page and the offers directory.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildTrustState, loadTrustBundle, pinRoot, verifyPassport } from '../../src/core/index.ts';
import { DEMO_ROOT_PUBLIC } from '../../src/demo/demo-scheme.ts';
import { decodeQr, pngPixels } from '../cli/zxing-node.ts';
import { adminCall } from '../server/support/test-service.ts';
import { seriousViolations } from './support/app-page.ts';
import { CHROMIUM_PATH, chromiumArgs, launchChromium } from './support/chromium.ts';
import { startServedApp, type ServedApp } from './support/served-app.ts';

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };
const HOUR = 3_600_000;
const DAY_S = 86_400;

let served: ServedApp;
let profile: string;
let context: BrowserContext;
let page: Page;
let issued: { jti: string; qrText: string; url: string; exp: number };

beforeAll(async () => {
  served = await startServedApp({ seedDemo: true });
  profile = mkdtempSync(join(tmpdir(), 'cp-card-profile-'));
  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: chromiumArgs(), ...PHONE });
  page = context.pages()[0] ?? (await context.newPage());
  // 40 days left: inside the 60-day window, so the page says how to renew
  const now = Math.floor(Date.now() / 1000);
  const res = await adminCall(served.service.url, 'POST', '/admin/api/passports', { iss: 'uk.llr.vasl', cat: 'parent', name: 'Nadia Cardpage', exp: now + 40 * DAY_S });
  expect(res.status).toBe(201);
  issued = { jti: res.data.passport.jti, qrText: res.data.qrText, url: res.data.collection.url, exp: res.data.passport.exp };
});

afterAll(async () => {
  await context?.close();
  await served?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

const qr = () => page.getByRole('img', { name: `QR code of passport ${issued.jti}` });

test('the collection link adds the passport: the QR shows, the code leaves the address bar, and the QR decodes to the passport', async () => {
  const sent: string[] = [];
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  page.on('request', (request) => sent.push(`${request.method()} ${new URL(request.url()).origin === new URL(served.service.url).origin ? new URL(request.url()).pathname : request.url()}`));
  expect(issued.url).toMatch(/\/card\/#code=[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await page.goto(issued.url);
  await qr().waitFor();
  expect(page.url()).toBe(`${served.service.url}/card/`);
  expect(await page.getByRole('heading', { level: 2 }).textContent()).toBe('Nadia Cardpage');
  expect(await page.locator('main').textContent()).toMatch(/Your passport ends on .*To renew it, contact/);

  const shot = await qr().screenshot();
  const [found] = await decodeQr(pngPixels(shot));
  // the service signs the copy when it is collected (ECDSA: a new signature), so the text differs from the issue
  // answer's; what matters is that a partner's app reads it as this passport, valid
  expect(found?.text).toMatch(/^CP1:\/\d+$/);
  expect(await verdictOf(found!.text)).toMatchObject({ code: 'VALID', passport: { jti: issued.jti, name: 'Nadia Cardpage' } });

  // nothing but its own files, collect, refresh and the offers list: no other origin, no analytics
  await page.waitForLoadState('networkidle');
  const calls = sent.filter((s) => !/^GET \/(assets\/|card\/)/.test(s));
  expect(calls.every((c) => ['POST /v1/card/collect', 'POST /v1/card/refresh', 'GET /offers.json'].includes(c))).toBe(true);
  expect(calls).toContain('POST /v1/card/collect');
  // the service's app CSP lets the page, its styles and its worker run as they are
  expect(violations).toEqual([]);
});

test('once its service worker holds it, the card reloads offline with the QR and the offers list', async () => {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  await page.waitForFunction(async () => (await caches.keys()).some((k) => k.startsWith('my-carers-passport-')));
  await context.setOffline(true);
  try {
    await page.reload();
    await qr().waitFor();
    await page.getByRole('button', { name: 'Where to use it' }).click();
    await page.getByRole('heading', { name: 'Where to use your passport' }).waitFor();
    expect(await page.locator('.partner h3').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'My passport' }).click();
  } finally {
    await context.setOffline(false);
  }
});

test('it installs on its own: its manifest (name, scope /card/, icons) and Chromium finds nothing in the way', async () => {
  const href = await page.getAttribute('link[rel="manifest"]', 'href');
  expect(href).toBe('/card/manifest.webmanifest');
  expect(await page.locator('link[rel="manifest"]').count()).toBe(1);
  const manifest = (await (await page.request.get(new URL(href!, page.url()).href)).json()) as { name: string; scope: string; start_url: string; icons: { src: string; sizes: string }[] };
  expect(manifest).toMatchObject({ name: 'My Carers Passport', scope: '/card/', start_url: '/card/' });
  for (const icon of manifest.icons) expect((await page.request.get(new URL(icon.src, page.url()).href)).status()).toBe(200);
  const session = await context.newCDPSession(page);
  const { installabilityErrors } = (await session.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
  expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
  // its service worker is its own, scoped to /card/
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope)).toBe(`${served.service.url}/card/`);
});

test('the same link again: this phone shows the passport it holds; another phone gets the service\'s "already collected"', async () => {
  await page.goto(issued.url);
  await page.getByText('This passport is already on this phone.').waitFor();
  await qr().waitFor();

  const other = await launchChromium();
  try {
    const otherPage = await (await other.newContext(PHONE)).newPage();
    await otherPage.goto(issued.url);
    const alert = otherPage.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/already been collected on a phone/);
    expect(await otherPage.getByRole('img').count()).toBe(0);
  } finally {
    await other.close();
  }
});

test('a renewal at the service arrives when the phone next checks (6 hours on): same number, new expiry, no notice', async () => {
  const exp = Math.floor(Date.now() / 1000) + 700 * DAY_S;
  const renewed = await adminCall(served.service.url, 'POST', `/admin/api/passports/uk.llr.vasl/${issued.jti}/renew`, { exp });
  expect(renewed.status).toBe(200);
  await context.clock.install({ time: Date.now() + 7 * HOUR });
  await page.reload();
  const expected = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }).format(new Date(exp * 1000));
  await page.getByText(`Your passport was renewed. It is now valid until ${expected}.`).waitFor();
  expect(await page.locator('.passport__number').textContent()).toBe(issued.jti);
  expect(await page.locator('main').textContent()).not.toMatch(/To renew it/);
  await qr().waitFor();
});

test('a cancellation at the service is shown plainly, and the QR is no longer offered', async () => {
  expect((await adminCall(served.service.url, 'POST', `/admin/api/passports/uk.llr.vasl/${issued.jti}/revoke`)).status).toBe(200);
  await context.clock.install({ time: Date.now() + 14 * HOUR });
  await page.reload();
  await page.getByText('This passport was cancelled. Partners will not accept it.').waitFor();
  expect(await page.getByRole('img').count()).toBe(0);
  expect(await page.getByRole('alert').textContent()).toMatch(/Contact/);
});

test('axe: no serious or critical violations on the card page (card and offers) and the offers directory', async () => {
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Where to use it' }).click();
  await page.getByRole('heading', { name: 'Where to use your passport' }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);

  const directory = await context.newPage();
  const res = await directory.goto(`${served.service.url}/offers?carer=parent`);
  expect(res?.headers()['content-security-policy']).toContain("script-src 'none'");
  await directory.getByRole('heading', { level: 1, name: 'Where to use your Carers Passport' }).waitFor();
  expect(await seriousViolations(directory)).toEqual([]);
});

/** The verdict a partner's app would give, from the trust data the service publishes. */
async function verdictOf(qrText: string) {
  const wk = `${served.service.url}/.well-known/carers-passport`;
  const loaded = await loadTrustBundle(await (await fetch(`${wk}/trust-bundle.jwt`)).text(), { roots: [(await pinRoot(DEMO_ROOT_PUBLIC))!] });
  if (!loaded.ok) throw new Error(`bundle rejected: ${loaded.reason}`);
  const index = (await (await fetch(`${wk}/status-lists.json`)).json()) as { lists: { href: string }[] };
  const lists = await Promise.all(index.lists.map(async (l) => (await fetch(new URL(l.href, `${wk}/status-lists.json`))).text()));
  const state = await buildTrustState(loaded.bundle, lists);
  return verifyPassport(qrText, { bundle: loaded.bundle, statusLists: state.statusLists, now: Math.floor(Date.now() / 1000) });
}
