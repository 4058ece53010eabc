// A new version is announced by a quiet prompt that waits while a verdict is on screen, and staff choose when
// to update. The "new version" is the same service worker under a new script address, which the browser installs
// beside the running one and keeps waiting, as it would a new deployment.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, inject, test } from 'vitest';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_PATH, chromiumArgs } from './support/chromium.ts';
import { demoPassport, waitForValidVerdict } from './support/scan-fixtures.ts';

const PROMPT = 'A new version of the app is ready.';

/** Resolves once the page is controlled by an activated service worker whose script address ends with `suffix`. */
function controlledBy(page: Page, suffix: string): Promise<boolean> {
  return page.evaluate(
    (end) =>
      new Promise<boolean>((resolve) => {
        const check = () => {
          const controller = navigator.serviceWorker.controller;
          if (controller?.scriptURL.endsWith(end) && controller.state === 'activated') resolve(true);
          else setTimeout(check, 100);
        };
        check();
      }),
    suffix,
  );
}

test('a waiting new version stays quiet during a verdict, is offered after it, and applies when staff say so', async () => {
  const passport = await demoPassport();
  const profile = mkdtempSync(join(tmpdir(), 'cp-update-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: chromiumArgs() });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(inject('appUrl'));
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload(); // now controlled by the first version
    await expect(controlledBy(page, '/sw.js')).resolves.toBe(true);

    // a verification is in progress
    await page.getByLabel('Passport code').fill(passport.qrText);
    await page.getByRole('button', { name: 'Check' }).click();
    await waitForValidVerdict(page, passport.name);

    // the new version arrives and waits
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.register('/sw.js?v=2');
      await new Promise<void>((resolve) => {
        const check = () => (registration.waiting ? resolve() : setTimeout(check, 100));
        check();
      });
    });
    await page.waitForTimeout(500); // workbox-window announces "waiting" 200 ms after "installed"
    await expect(page.getByText(PROMPT).count()).resolves.toBe(0);
    await expect(page.getByText(passport.name).count()).resolves.toBeGreaterThan(0);

    // the verdict is dismissed: now the prompt shows, and nothing reloads until staff choose
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByText(PROMPT).waitFor();
    await expect(controlledBy(page, '/sw.js')).resolves.toBe(true);

    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Update now' }).click()]);
    await expect(controlledBy(page, '/sw.js?v=2')).resolves.toBe(true);
    await expect(page.getByText(PROMPT).count()).resolves.toBe(0);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
