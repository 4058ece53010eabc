// The verdict screen: colour, icon AND words per result, the passport's details, announced and focused; it
// clears itself (screen and memory) after the set time, on "Done" and on a new scan.

import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { signStatusList } from '../../src/core/index.ts';
import { VerdictScreen } from '../../src/app/screens/VerdictScreen.tsx';
import { makeHarness } from './support/harness.tsx';
import { ISSUER_NAME, LIST_URI, makeAppScheme, REVOKED_IDX, type AppScheme } from './support/scheme.ts';

let scheme: AppScheme;
beforeAll(async () => {
  scheme = await makeAppScheme(Date.parse('2026-06-09T10:00:00Z') / 1000);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

async function showVerdict(qr: string) {
  const harness = await makeHarness(scheme);
  await harness.verdict.scan(qr);
  const view = harness.wrap(<VerdictScreen mode="staff" />);
  return { harness, view };
}

describe('an out-of-date cancellation list', () => {
  const DAY = 86_400;
  it('says how many days old the list is when age is why it is out of date', async () => {
    const harness = await makeHarness(scheme);
    harness.clock.now = (scheme.now + 9 * DAY) * 1000; // the injected clock, which the screen's age is computed on
    await harness.verdict.scan(await scheme.passport({}));
    const view = harness.wrap(<VerdictScreen mode="staff" />);
    await waitFor(() => expect(view.container.textContent).toContain('The cancellation list is 9 days old'));
  });

  it('never says "0 days old" when a fresh list is out of date because it passed its end date', async () => {
    const harness = await makeHarness(scheme);
    await harness.trust.whenReady();
    const ended = await signStatusList({ uri: LIST_URI, iat: scheme.now - 60, exp: scheme.now - 30, bits: 2, statuses: new Uint8Array(1024) }, scheme.issuer.privateJwk);
    expect(await harness.trust.loadFiles([{ name: 'ended.jwt', text: ended }])).toBe(1);
    await harness.verdict.scan(await scheme.passport({}));
    expect(harness.verdict.shown.value?.verdict.code).toBe('STATUS_STALE');
    const view = harness.wrap(<VerdictScreen mode="staff" />);
    expect(view.container.textContent).not.toContain('days old');
    expect(view.container.textContent).toContain('Connect to update');
  });
});

describe('each result has its colour, its icon and its words', () => {
  it('a genuine, current passport is green "Valid" with a tick and the carer\'s details', async () => {
    const { view } = await showVerdict(await scheme.passport({ name: 'Amara Testcarer', jti: 'TST-1001', exp: Date.parse('2027-06-09T12:00:00Z') / 1000 }));
    const main = view.container.querySelector('main')!;
    expect(main.classList.contains('verdict--valid')).toBe(true);
    expect(main.querySelector('[data-icon="valid"]')).not.toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Valid');
    expect(screen.getByRole('alert').textContent).toContain('Valid passport');
    const details = view.container.querySelector('dl')!.textContent!;
    expect(details).toContain('Amara Testcarer');
    expect(details).toContain('Adult carer');
    expect(details).toContain(ISSUER_NAME);
    expect(details).toContain('TST-1001');
    expect(details).toContain('9 June 2027');
  });

  it('a passport with no cancellation list is amber "Check" with a warning sign and says what to do', async () => {
    const { view } = await showVerdict(await scheme.passport({ listUri: `${LIST_URI}-other` }));
    const main = view.container.querySelector('main')!;
    expect(main.classList.contains('verdict--warning')).toBe(true);
    expect(main.querySelector('[data-icon="warning"]')).not.toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Check');
    expect(main.textContent).toContain('Connect to update');
  });

  it('a cancelled passport is red "Not valid" with a cross, the reason, and no personal details', async () => {
    const { view } = await showVerdict(await scheme.passport({ idx: REVOKED_IDX, name: 'Revoked Person' }));
    const main = view.container.querySelector('main')!;
    expect(main.classList.contains('verdict--invalid')).toBe(true);
    expect(main.querySelector('[data-icon="invalid"]')).not.toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Not valid');
    expect(screen.getByRole('alert').textContent).toContain('Passport cancelled');
    expect(main.textContent).not.toContain('Revoked Person');
  });

  it('text that is not a passport says so', async () => {
    await showVerdict('https://example.com/not-a-passport');
    expect(screen.getByRole('alert').textContent).toContain('Not a Carers Passport');
  });

  it('moves focus to the result heading so a screen reader starts there', async () => {
    await showVerdict(await scheme.passport());
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 }));
  });
});

describe('clearing', () => {
  it('clears after 30 seconds by default, with a visible countdown, and drops the verdict from memory', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { harness, view } = await showVerdict(await scheme.passport());
    expect(screen.getByText('Clears in 30 s')).toBeTruthy();
    await act(async () => {
      await vi.advanceTimersByTime(29_000);
    });
    expect(screen.getByText('Clears in 1 s')).toBeTruthy();
    await act(async () => {
      await vi.advanceTimersByTime(1_000);
    });
    expect(harness.verdict.shown.value).toBeUndefined();
    expect(view.container.querySelector('main')).toBeNull();
    expect(view.container.textContent).not.toContain('Amara');
  });

  it('uses the clear-after time from Settings', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const harness = await makeHarness(scheme);
    await harness.settings.update({ clearAfterSeconds: 10 });
    await harness.verdict.scan(await scheme.passport());
    harness.wrap(<VerdictScreen mode="staff" />);
    expect(screen.getByText('Clears in 10 s')).toBeTruthy();
    await act(async () => {
      await vi.advanceTimersByTime(10_000);
    });
    expect(harness.verdict.shown.value).toBeUndefined();
  });

  it('clears on "Done"', async () => {
    const { harness } = await showVerdict(await scheme.passport());
    await act(async () => {
      await fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    });
    expect(harness.verdict.shown.value).toBeUndefined();
  });

  it('a new scan replaces the verdict; a slow earlier check never overwrites a later one', async () => {
    const harness = await makeHarness(scheme);
    const first = harness.verdict.scan(await scheme.passport({ idx: REVOKED_IDX }));
    const second = harness.verdict.scan(await scheme.passport({ jti: 'TST-2002' }));
    await Promise.all([first, second]);
    const shown = harness.verdict.shown.value!;
    expect(shown.verdict.result).toBe('valid');
    expect(shown.verdict.result !== 'invalid' && shown.verdict.passport.jti).toBe('TST-2002');
  });
});

describe('focus after the result', () => {
  it('returns to the scan screen\'s heading when staff press "Done"', async () => {
    const { App } = await import('../../src/app/App.tsx');
    const harness = await makeHarness(scheme);
    await harness.verdict.scan(await scheme.passport());
    harness.wrap(<App />);
    expect(document.activeElement?.textContent).toBe('Valid');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    });
    await waitFor(() => expect(document.activeElement?.tagName).toBe('H1'));
    expect(document.activeElement?.textContent).toBe('Scan a Carers Passport');
  });
});
