// Enrolling by holding the coordinator's enrolment QR up to the camera in Settings (issue 4), in Chromium with a
// fake camera playing that QR, against the scheme service in-process serving the built app.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO_SCHEME_ID } from '../../src/demo/demo-scheme.ts';
import { createPartner, enrolmentCode } from '../server/support/scheme-fixtures.ts';
import { launchChromium } from './support/chromium.ts';
import { startServedApp, type ServedApp } from './support/served-app.ts';
import { seriousViolations } from './support/app-page.ts';
import { writeQrY4m } from './support/y4m.ts';

let served: ServedApp;
let browser: Browser;

beforeAll(async () => {
  served = await startServedApp();
  await createPartner(served.service.url, 'ward-7', ['visiting']);
  const code = await enrolmentCode(served.service.url, 'ward-7');
  browser = await launchChromium({ fakeCamera: writeQrY4m(code, { moduleSize: 4 }, 'enrolment.y4m') });
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

test('the enrolment QR held up to the camera in Settings enrols the device, and the panel passes axe', async () => {
  const page = await browser.newPage();
  await page.goto(`${served.service.url}/`);
  // the scan screen's camera sees the same code and may already show a verdict for it (an enrolment code has the
  // shape of a compact JWS), which hides the scan screen's freshness line: wait for the app, not for that screen
  await page.locator('nav button', { hasText: 'Settings' }).first().waitFor();
  await page.evaluate(() => [...document.querySelectorAll<HTMLButtonElement>('nav button')].find((b) => b.textContent === 'Settings')?.click());
  await page.locator('#staff-pin').fill('1234');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.locator('#settings-heading').waitFor();

  await page.getByRole('button', { name: 'Read the code with the camera' }).click();
  await page.locator('#enrolment-state', { hasText: `Enrolled with ${DEMO_SCHEME_ID} as Partner ward-7` }).waitFor({ timeout: 30_000 });
  await page.locator('#enrolment-message', { hasText: 'Done: this device now works for Partner ward-7.' }).waitFor();
  // the camera stopped once it had read the code
  expect(await page.locator('#enrolment-code ~ * video, .settings__section video').count()).toBe(0);
  const devices = await served.db.query<{ id: string }>("SELECT id FROM devices WHERE partner_id = 'ward-7'");
  expect(devices).toHaveLength(1);

  await page.locator('#upload-state', { hasText: 'All records uploaded' }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);
});
