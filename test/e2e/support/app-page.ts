// Driving the app in Chromium the way staff do: paste a code, read the verdict, open the staff screens.

import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';

/** Pastes a passport code into the scan screen's paste box and presses Check. */
export async function pasteCode(page: Page, code: string): Promise<void> {
  await page.locator('#paste-code').fill(code);
  await page.locator('form.paste-box button[type=submit]').click();
  await page.locator('#verdict-heading').waitFor();
}

/** Opens Settings through the staff PIN prompt. */
export async function unlockSettings(page: Page, pin = '1234'): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.locator('#staff-pin').fill(pin);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.locator('#settings-heading').waitFor();
}

let axeSource: string | undefined;

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: unknown }[] };

/** Runs axe-core on the page as it is; returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= await readFile(new URL('../../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
  // evaluated through DevTools, not added as an inline <script>: the service's CSP rightly refuses those
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${axeSource};void 0`);
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document)).violations;
  })) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
}
