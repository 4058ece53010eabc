// The languages in Chromium (issue 12 point 3): the kiosk in Urdu is right to left and axe-clean; a scan reaches its
// verdict in every language; the verdict in Gujarati and in Polish has no missing glyph (and the check does find them
// in a browser that cannot see the Gujarati font); the card page's and the offers directory's pickers switch the
// language and the choice survives a reload.

import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { LANGUAGES, type Locale } from '../../src/i18n/languages.ts';
import { signAppPassports, type AppPassports } from './support/app-passports.ts';
import { seriousViolations } from './support/app-page.ts';
import { launchChromium } from './support/chromium.ts';
import { fontconfigWithout, missingGlyphs } from './support/glyphs.ts';
import { startServedApp, type ServedApp } from './support/served-app.ts';

const catalogue = (locale: Locale) =>
  (JSON.parse(readFileSync(new URL(`../../src/i18n/catalogues/${locale}.json`, import.meta.url), 'utf8')) as { messages: Record<string, string> }).messages;
/** A message in one language, as its catalogue has it (a missing key fails the test here). */
function say(locale: Locale, key: string): string {
  const text = catalogue(locale)[key];
  if (text === undefined) throw new Error(`${locale}.json has no ${key}`);
  return text;
}

let browser: Browser;
let page: Page;
let passports: AppPassports;

async function openKiosk(target: Page): Promise<void> {
  await target.goto(inject('appUrl'));
  await target.locator('.freshness', { hasText: 'Trust data updated' }).waitFor();
  await target.getByRole('button', { name: 'Settings' }).click();
  await target.locator('#staff-pin').fill('1234');
  await target.getByRole('button', { name: 'Unlock' }).click();
  await target.getByRole('button', { name: 'Start kiosk mode' }).click();
  await target.getByRole('heading', { name: say('en-GB', 'scan.kiosk.instruction') }).waitFor();
}

/** A visitor picks their language, then shows a passport to a handheld scanner: the verdict comes up in it. */
async function scanIn(target: Page, locale: Locale, code: string): Promise<void> {
  const language = LANGUAGES.find((l) => l.locale === locale)!;
  await target.getByRole('button', { name: language.nativeName, exact: true }).click();
  await target.waitForFunction((lang) => document.documentElement.lang === lang, locale);
  await target.getByRole('heading', { name: say(locale, 'scan.kiosk.instruction') }).waitFor();
  await target.keyboard.type(code);
  await target.keyboard.press('Enter');
  await target.locator('.verdict--kiosk #verdict-heading').waitFor();
}

async function finishVisit(target: Page, locale: Locale): Promise<void> {
  await target.getByRole('button', { name: say(locale, 'verdictScreen.done') }).click();
  await target.waitForFunction(() => document.documentElement.lang === 'en-GB');
}

beforeAll(async () => {
  passports = await signAppPassports();
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await openKiosk(page);
});
afterAll(async () => {
  await browser?.close();
});

describe('the kiosk in each language', () => {
  test('in Urdu the kiosk is right to left, marked lang="ur", and axe-clean; its verdict too', async () => {
    const picker = page.getByRole('group', { name: say('en-GB', 'languagePicker.label') });
    await expect(picker.getByRole('button', { name: 'اردو' }).getAttribute('lang')).resolves.toBe('ur');
    await picker.getByRole('button', { name: 'اردو' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'ur');
    expect(await page.evaluate(() => [document.documentElement.dir, getComputedStyle(document.body).direction])).toEqual(['rtl', 'rtl']);
    // the staff button sits at the end of the line: on the left in a right-to-left page
    const staff = await page.locator('.kiosk__staff').boundingBox();
    expect(staff!.x).toBeLessThan(200);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.type(passports.valid);
    await page.keyboard.press('Enter');
    await page.locator('.verdict--kiosk #verdict-heading').waitFor();
    await expect(page.locator('#verdict-heading').textContent()).resolves.toBe(say('ur', 'result.valid'));
    // the passport number still reads left to right inside the right-to-left page
    expect(await page.locator('.verdict__details bdi').evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    expect(await seriousViolations(page)).toEqual([]);
    await finishVisit(page, 'ur');
  });

  for (const { locale } of LANGUAGES) {
    test(`a scan reaches its verdict in ${locale}`, async () => {
      await scanIn(page, locale, passports.valid);
      await expect(page.locator('#verdict-heading').textContent()).resolves.toBe(say(locale, 'result.valid'));
      await expect(page.locator('.verdict__title').textContent()).resolves.toBe(say(locale, 'verdict.VALID.title'));
      await finishVisit(page, locale);
    });
  }

  for (const locale of ['gu', 'pl'] as const) {
    test(`the verdict in ${locale} has no missing glyph`, async () => {
      await scanIn(page, locale, passports.revoked);
      await expect(page.locator('#verdict-heading').textContent()).resolves.toBe(say(locale, 'result.invalid'));
      const report = await missingGlyphs(page, '.verdict');
      expect(report.missing).toEqual([]);
      expect(report.checked).toBeGreaterThan(40);
      await finishVisit(page, locale);
    });
  }

  test('(the glyph check works: without the Gujarati font it finds the missing glyphs)', async () => {
    const blind = await launchChromium({}, { env: { ...process.env, FONTCONFIG_FILE: fontconfigWithout(['/usr/share/fonts/truetype/noto/Noto*Gujarati*']) } });
    try {
      const other = await (await blind.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
      await openKiosk(other);
      await scanIn(other, 'gu', passports.revoked);
      const report = await missingGlyphs(other, '.verdict');
      // every Gujarati letter is a box; the Latin name and the figures are not
      expect(report.missing.length).toBeGreaterThan(10);
      expect(report.missing.every((g) => /\p{Script=Gujarati}/u.test(g))).toBe(true);
    } finally {
      await blind.close();
    }
  });
});

describe('the staff verdict, with its offers, in the language chosen in Settings', () => {
  for (const locale of ['gu', 'pl'] as const) {
    test(`in ${locale}: reached from a pasted code, with no missing glyph`, async () => {
      const staff = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
      try {
        await staff.goto(inject('appUrl'));
        await staff.locator('.freshness', { hasText: 'Trust data updated' }).waitFor();
        await staff.getByRole('button', { name: 'Settings' }).click();
        await staff.locator('#staff-pin').fill('1234');
        await staff.getByRole('button', { name: 'Unlock' }).click();
        await staff.locator('#app-language').selectOption(locale);
        await staff.waitForFunction((lang) => document.documentElement.lang === lang, locale);
        await staff.getByRole('button', { name: say(locale, 'nav.scan') }).click();
        await staff.locator('#paste-code').fill(passports.valid);
        await staff.locator('form.paste-box button[type=submit]').click();
        await staff.locator('.offers').waitFor();
        await expect(staff.locator('#verdict-heading').textContent()).resolves.toBe(say(locale, 'result.valid'));
        const report = await missingGlyphs(staff, '.verdict');
        expect(report.missing).toEqual([]);
        expect(report.checked).toBeGreaterThan(50);
      } finally {
        await staff.context().close();
      }
    });
  }
});

describe('the card page and the offers directory remember the carer’s language', () => {
  let served: ServedApp;
  let phone: Page;
  beforeAll(async () => {
    served = await startServedApp({ seedDemo: true });
    phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
  });
  afterAll(async () => {
    await phone?.context().close();
    await served?.close();
  });

  test('the card page switches to Gujarati from its picker, and opens in Gujarati after a reload', async () => {
    await phone.goto(`${served.service.url}/card/`);
    await phone.getByRole('heading', { level: 1, name: say('en-GB', 'card.appName') }).waitFor();
    // folded behind the current language's name on a phone
    await phone.locator('.language-picker__summary').click();
    const gujarati = phone.getByRole('button', { name: 'ગુજરાતી' });
    await expect(gujarati.getAttribute('lang')).resolves.toBe('gu');
    expect((await gujarati.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await gujarati.click();
    await phone.getByRole('heading', { level: 1, name: say('gu', 'card.appName') }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.lang)).toBe('gu');
    expect(await seriousViolations(phone)).toEqual([]);
    expect((await missingGlyphs(phone, 'body')).missing).toEqual([]);
    await phone.reload();
    await phone.getByRole('heading', { level: 1, name: say('gu', 'card.appName') }).waitFor();
    expect(await phone.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['gu', 'ltr']);
  });

  test('the card page in Urdu is right to left', async () => {
    await phone.locator('.language-picker__summary').click();
    await phone.getByRole('button', { name: 'اردو' }).click();
    await phone.getByRole('heading', { level: 1, name: say('ur', 'card.appName') }).waitFor();
    expect(await phone.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ur', 'rtl']);
    expect(await seriousViolations(phone)).toEqual([]);
  });

  test('/offers switches to Polish from its links, and a reload of /offers alone stays Polish', async () => {
    await phone.goto(`${served.service.url}/offers`);
    await phone.getByRole('heading', { level: 1, name: say('en-GB', 'directory.title') }).waitFor();
    const nav = phone.getByRole('navigation', { name: say('en-GB', 'languagePicker.label') });
    await nav.getByRole('link', { name: 'Polski' }).click();
    await phone.getByRole('heading', { level: 1, name: say('pl', 'directory.title') }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.lang)).toBe('pl');
    expect(await seriousViolations(phone)).toEqual([]);
    await phone.goto(`${served.service.url}/offers`);
    await phone.getByRole('heading', { level: 1, name: say('pl', 'directory.title') }).waitFor();
    await expect(phone.getByRole('link', { name: 'Polski' }).getAttribute('aria-current')).resolves.toBe('true');
    // the language is the device's: another browser on another device still sees English
    const other = await (await browser.newContext()).newPage();
    await other.goto(`${served.service.url}/offers`);
    await other.getByRole('heading', { level: 1, name: say('en-GB', 'directory.title') }).waitFor();
    await other.context().close();
  });

  test('/offers in Urdu is right to left and axe-clean', async () => {
    await phone.getByRole('link', { name: 'اردو' }).click();
    await phone.getByRole('heading', { level: 1, name: say('ur', 'directory.title') }).waitFor();
    expect(await phone.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ur', 'rtl']);
    expect(await seriousViolations(phone)).toEqual([]);
  });
});
