// The camera path end to end in Debian's Chromium: its fake camera plays a .y4m of a passport QR, the decoder
// worker reads it, and the verdict appears. Each case needs its own browser: the fake video is fixed at launch.

import { afterEach, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/chromium.ts';
import { demoPassport, waitForValidVerdict } from './support/scan-fixtures.ts';
import { writeQrY4m, type QrFrameOptions } from './support/y4m.ts';

let browser: Browser | undefined;

/** Keeps every stream the page opens, to ask each track afterwards whether it is still live. */
const STREAM_SPY = `
  const open = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  window.__streams = [];
  navigator.mediaDevices.getUserMedia = async (c) => { const s = await open(c); window.__streams.push(s); return s; };`;
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
    const passport = await demoPassport();
    browser = await launchChromium({ fakeCamera: writeQrY4m(passport.qrText, { moduleSize: 4 }) });
    const context = await browser.newContext();
    await context.addInitScript({ content: STREAM_SPY });
    const page = await context.newPage();
    await page.goto(inject('appUrl'));
    await waitForValidVerdict(page, passport.name);
    const tracks = await page.evaluate(() =>
      (window as unknown as { __streams: MediaStream[] }).__streams.flatMap((s) => s.getTracks().map((t) => t.readyState)),
    );
    // one camera opened: the scanner model took the stream boot.ts opened before the app loaded (issue 13)
    expect(tracks).toHaveLength(1);
    expect(tracks.every((state) => state === 'ended')).toBe(true);
  });

  test('hiding the app turns the camera off and showing it again turns it back on', async () => {
    // Chromium's own fake camera (a test pattern, no QR), so the scanner keeps looking
    browser = await launchChromium({ extraArgs: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'] });
    const context = await browser.newContext();
    await context.addInitScript({ content: STREAM_SPY });
    const page = await context.newPage();
    await page.goto(inject('appUrl'));
    await page.getByText('Hold the QR code inside the frame').waitFor();
    const states = () =>
      page.evaluate(() => (window as unknown as { __streams: MediaStream[] }).__streams.flatMap((s) => s.getTracks().map((t) => t.readyState)));
    expect(await states()).toEqual(['live']);

    // headless Chromium never hides a page by itself: say so the way the browser would
    const setVisibility = (state: string) =>
      page.evaluate((value) => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => value });
        document.dispatchEvent(new Event('visibilitychange'));
      }, state);
    await setVisibility('hidden');
    expect(await states()).toEqual(['ended']);
    await page.getByText('The camera is paused').waitFor();

    await setVisibility('visible');
    await page.getByText('Hold the QR code inside the frame').waitFor();
    expect(await states()).toEqual(['ended', 'live']);
  });
});
