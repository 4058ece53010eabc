// The camera path end to end in Debian's Chromium: its fake camera plays a .y4m of a passport QR, the decoder
// worker reads it, and the verdict appears. Each case needs its own browser: the fake video is fixed at launch.

import { afterEach, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/chromium.ts';
import { demoPassport, waitForValidVerdict } from './support/scan-fixtures.ts';
import { writeQrY4m, type QrFrameOptions } from './support/y4m.ts';

let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

async function scanWithCamera(frame: QrFrameOptions) {
  const passport = await demoPassport();
  browser = await launchChromium({ fakeCamera: writeQrY4m(passport.qrText, frame) });
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(inject('appUrl'));
  const text = await waitForValidVerdict(page, passport.name);
  return { page, text, errors, passport };
}

describe('scanning with the camera', () => {
  test('a passport QR held up to the camera gives a Valid verdict with the carer’s name', async () => {
    const { text, errors, passport } = await scanWithCamera({ moduleSize: 4 });
    expect(text).toContain(passport.name);
    expect(text).not.toMatch(/Not valid/);
    expect(errors).toEqual([]);
  });

  test('a passport shown light-on-dark (a phone in dark mode) is read too', async () => {
    const { text, passport } = await scanWithCamera({ moduleSize: 4, dark: true });
    expect(text).toContain(passport.name);
  });

  test('a small code away from the centre, outside the scan frame, is still found on a whole-picture attempt', async () => {
    const { text, passport } = await scanWithCamera({ moduleSize: 3, centre: [0.3, 0.38] });
    expect(text).toContain(passport.name);
  });

  test('the camera is stopped once the verdict is shown', async () => {
    const { page } = await scanWithCamera({ moduleSize: 4 });
    // every video element has let go of its stream, and no live track remains on the page
    const live = await page.evaluate(() =>
      [...document.querySelectorAll('video')].some((v) => (v.srcObject as MediaStream | null)?.getTracks().some((t) => t.readyState === 'live')),
    );
    expect(live).toBe(false);
  });
});
