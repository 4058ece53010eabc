// Issue 11 point 4: a device whose clock is wrong says so, results that hang on the date say to check it, and a
// slow clock never shows an expired passport as valid. Fixed clocks throughout.

import { signal } from '@preact/signals';
import { cleanup } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ClockWarning } from '../../src/app/components/ClockWarning.tsx';
import { ClockModel } from '../../src/app/models/clock-model.ts';
import { VerdictScreen } from '../../src/app/screens/VerdictScreen.tsx';
import { makeHarness } from './support/harness.tsx';
import { DAY, makeAppScheme, type AppScheme } from './support/scheme.ts';

let scheme: AppScheme;
beforeAll(async () => {
  scheme = await makeAppScheme(Date.parse('2026-06-09T10:00:00Z') / 1000);
});
afterEach(() => cleanup());

describe('the clock banner', () => {
  it('stays silent on a device whose clock is right', async () => {
    const harness = await makeHarness(scheme);
    const view = harness.wrap(<ClockWarning />);
    expect(harness.clockCheck.wrong.value).toBe(false);
    expect(view.getByRole('status').textContent).toBe('');
  });

  it('shows "This device\'s date or time is wrong" when the clock is a day before the trust data was signed', async () => {
    const harness = await makeHarness(scheme);
    harness.clock.now = (scheme.now - DAY) * 1000;
    harness.clockCheck.tick();
    const view = harness.wrap(<ClockWarning />);
    expect(view.getByRole('status').textContent).toContain('This device\u2019s date or time is wrong.');
  });

  it('a passport that expired before the trust data was signed is "Passport expired" on a slow device, and says to check the date', async () => {
    const harness = await makeHarness(scheme);
    harness.clock.now = (scheme.now - 2 * DAY) * 1000;
    // expired an hour before the bundle and list were signed (now - 1 h): still "valid" by the device's clock alone
    await harness.verdict.scan(await scheme.passport({ exp: scheme.now - 7200 }));
    expect(harness.verdict.shown.value?.verdict.code).toBe('EXPIRED');
    const view = harness.wrap(<VerdictScreen mode="staff" />);
    expect(view.container.textContent).toContain('check the device\u2019s date');
  });

  it('a cancelled passport does not hang on the date: no date advice beside it', async () => {
    const harness = await makeHarness(scheme);
    harness.clock.now = (scheme.now - 2 * DAY) * 1000;
    await harness.verdict.scan(await scheme.passport({ idx: 7 }));
    expect(harness.verdict.shown.value?.verdict.code).toBe('REVOKED');
    const view = harness.wrap(<VerdictScreen mode="staff" />);
    expect(view.container.textContent).not.toContain('check the device\u2019s date');
  });
});

describe('the clock model and the service\'s clock', () => {
  it('more than 5 minutes from the service is wrong; within 5 minutes or offline it is not', () => {
    const offset = signal<number | undefined>(undefined);
    const model = new ClockModel({ now: () => scheme.now * 1000, newestSignedAt: signal(scheme.now - 3600), serviceOffsetMs: offset });
    expect(model.wrong.value).toBe(false);
    offset.value = 6 * 60_000;
    expect(model.check.value).toMatchObject({ ok: false, code: 'SERVICE_DISAGREES' });
    expect(model.verificationNow()).toBe(scheme.now + 360); // the service's clock is the later witness
    offset.value = -4 * 60_000;
    expect(model.wrong.value).toBe(false);
    offset.value = undefined;
    expect(model.wrong.value).toBe(false);
  });
});
