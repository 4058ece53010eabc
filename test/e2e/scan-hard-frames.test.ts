// Issue 14: the hard camera set (support/hard-frames.ts) played by Chromium's fake camera into the built app: the
// real scan loop, decode cascade and worker must reach the Valid verdict for each kind, and a shop's QR code beside
// the passport must not be taken for it. Each kind needs its own browser: the fake video is fixed at launch.

import { afterEach, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/chromium.ts';
import { HARD_KINDS, OTHER_CODE_TEXT, hardFrame } from './support/hard-frames.ts';
import { demoPassport, waitForValidVerdict } from './support/scan-fixtures.ts';
import { lumaY4m, writeQrY4m } from './support/y4m.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

function writeVideo(frame: Parameters<typeof lumaY4m>[0], name: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'cp-camera-')), `${name}.y4m`);
  writeFileSync(path, lumaY4m(frame));
  return path;
}

test.each(HARD_KINDS)('%s: the passport is read through the camera and shown Valid', async (kind) => {
  const passport = await demoPassport();
  browser = await launchChromium({ fakeCamera: writeVideo(hardFrame(kind, passport.qrText), kind) });
  const page = await browser.newPage();
  await page.goto(inject('appUrl'));
  const text = await waitForValidVerdict(page, passport.name, 30_000);
  expect(text).not.toMatch(/Not a Carers Passport/i);
});

test('a QR code that is not a passport is named plainly, and the camera keeps looking', async () => {
  browser = await launchChromium({ fakeCamera: writeQrY4m(OTHER_CODE_TEXT, { moduleSize: 5 }, 'shop.y4m') });
  const page = await browser.newPage();
  await page.goto(inject('appUrl'));
  await page.getByText('This QR code is not a Carers Passport').waitFor({ timeout: 20_000 });
  const live = await page.evaluate(() => {
    const video = document.querySelector('video');
    return (video?.srcObject as MediaStream | null)?.getVideoTracks().map((t) => t.readyState) ?? [];
  });
  expect(live).toEqual(['live']);
});
