// Passports for the scan and offline tests, signed now with the committed demo-only keys, so the app built with
// the demo trust data accepts them; and the check that the verdict reached the screen.

import type { Page } from 'playwright-core';
import { makeDemoTrustData, type DemoPassport } from '../../../src/demo/demo-scheme.ts';

let cached: Promise<DemoPassport[]> | undefined;

/** A demo passport in the given state, signed a moment ago. */
export async function demoPassport(state: DemoPassport['state'] = 'valid'): Promise<DemoPassport> {
  cached ??= makeDemoTrustData(Math.floor(Date.now() / 1000)).then((data) => data.passports);
  const passport = (await cached).find((p) => p.state === state);
  if (!passport) throw new Error(`the demo scheme has no ${state} passport`);
  return passport;
}

/** Waits until the page shows a "Valid" verdict with the carer's name; resolves with the page's text. */
export async function waitForValidVerdict(page: Page, carerName: string, timeout = 20_000): Promise<string> {
  await page.waitForFunction(
    (name) => {
      const text = document.body.innerText;
      return /\bValid\b/.test(text) && text.includes(name);
    },
    carerName,
    { timeout },
  );
  return page.evaluate(() => document.body.innerText);
}
