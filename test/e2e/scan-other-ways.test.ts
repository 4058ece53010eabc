// The ways a passport reaches the app without the camera: a handheld scanner typing like a keyboard (a wedge),
// pasted or typed text, and what staff see when the camera is refused.

import { afterEach, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { seriousViolations } from './support/app-page.ts';
import { launchChromium } from './support/chromium.ts';
import { demoPassport, waitForValidVerdict } from './support/scan-fixtures.ts';
import { qrPng } from './support/y4m.ts';

let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

test('a handheld scanner’s burst of keystrokes ending in Enter gives the verdict, with no text box focused', async () => {
  const passport = await demoPassport();
  // Chromium's own fake camera (a test pattern, no QR) keeps the camera busy meanwhile
  browser = await launchChromium({ extraArgs: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'] });
  const page = await browser.newPage();
  await page.goto(inject('appUrl'));
  await page.getByText('Paste or type the passport code').waitFor();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.type(passport.qrText, { delay: 5 });
  await page.keyboard.press('Enter');
  const text = await waitForValidVerdict(page, passport.name);
  expect(text).not.toMatch(/Not valid/);
});

test('camera refused: staff are told plainly, offered the other ways, and a pasted code is checked', async () => {
  const passport = await demoPassport();
  // a camera exists but the permission prompt is refused
  browser = await launchChromium({ extraArgs: ['--use-fake-device-for-media-stream', '--deny-permission-prompts'] });
  const page = await browser.newPage();
  await page.goto(inject('appUrl'));
  const alert = page.getByRole('alert').filter({ hasText: 'camera is blocked' });
  await alert.waitFor();
  await expect(alert.textContent()).resolves.toContain('paste or type its code');

  const box = page.getByLabel('Passport code');
  await box.fill(passport.qrText);
  await page.getByRole('button', { name: 'Check' }).click();
  await waitForValidVerdict(page, passport.name);
});

test('no camera at all: the screen says so and still offers paste and photo', async () => {
  browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(inject('appUrl'));
  await page.getByRole('alert').filter({ hasText: 'No camera was found' }).waitFor();
  await expect(page.getByLabel('Passport code').isVisible()).resolves.toBe(true);
  await expect(page.getByLabel('Photo or screenshot of the passport').count()).resolves.toBe(1);
});

test('slow typing in the paste box is not taken as a scanner burst', async () => {
  browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(inject('appUrl'));
  const box = page.getByLabel('Passport code');
  await box.click();
  await page.keyboard.type('CP1:/123456789012345678901234', { delay: 70 });
  await page.keyboard.press('Enter');
  // the characters and the newline stay in the box: nothing was submitted behind the person's back
  await expect(box.inputValue()).resolves.toBe('CP1:/123456789012345678901234\n');
});

test('a chosen screenshot of a passport is decoded and checked', async () => {
  const passport = await demoPassport();
  browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(inject('appUrl'));
  await page.getByLabel('Photo or screenshot of the passport').setInputFiles({
    name: 'passport.png',
    mimeType: 'image/png',
    buffer: qrPng(passport.qrText, { width: 1080, height: 1400, moduleSize: 9, dark: true }),
  });
  await waitForValidVerdict(page, passport.name);
});

test('a big phone photo with a small code in it is read on a second, sharper try', async () => {
  const passport = await demoPassport();
  browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(inject('appUrl'));
  // 4000x3000 with 3 px modules: scaled to 1600 px the modules are 1.2 px, too fine; at 3200 px they are 2.4 px
  await page.getByLabel('Photo or screenshot of the passport').setInputFiles({
    name: 'IMG_0001.png',
    mimeType: 'image/png',
    buffer: qrPng(passport.qrText, { width: 4000, height: 3000, moduleSize: 3, centre: [0.6, 0.45] }),
  });
  await waitForValidVerdict(page, passport.name, 40_000);
});

test('a picture without a QR code says so and offers to paste the code', async () => {
  browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(inject('appUrl'));
  await page.getByLabel('Photo or screenshot of the passport').setInputFiles({
    name: 'blank.png',
    mimeType: 'image/png',
    buffer: qrPng('', { width: 300, height: 300, moduleSize: 0 }),
  });
  await page.getByText('No QR code could be read in that picture').waitFor();
});

test('with the camera running, the scan screen has no serious or critical axe violations', async () => {
  browser = await launchChromium({ extraArgs: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'] });
  const page = await browser.newPage();
  await page.goto(inject('appUrl'));
  await page.getByText('Hold the QR code inside the frame').waitFor();
  await page.waitForFunction(() => (document.querySelector('video')?.videoWidth ?? 0) > 0);
  expect(await seriousViolations(page)).toEqual([]);
});
