// Issue 8, point 10: no staff PIN outside the demo build until the first member of staff chooses one; after 5 wrong
// PINs a wait of 30 s that doubles up to 15 minutes, shown as a countdown, kept across a reload, and shared by the
// Settings door and the kiosk exit. The clock is the models' own (the harness's), so the sequence is exact.

import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashPin } from '../../src/app/adapters/pin-hash.ts';
import { openStorage } from '../../src/app/adapters/storage.ts';
import { App } from '../../src/app/App.tsx';
import { pinWaitSeconds } from '../../src/app/models/staff-pin-model.ts';
import { makeHarness, type Harness } from './support/harness.tsx';
import { makeAppScheme, type AppScheme } from './support/scheme.ts';

let scheme: AppScheme;
let dbCount = 0;
beforeAll(async () => {
  scheme = await makeAppScheme(Date.parse('2026-06-10T11:00:00Z') / 1000);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** A real (not demo) build whose staff chose 4821, on storage the test keeps, so it can "reload" the app. */
async function realBuildWithPin(storage = undefined as Awaited<ReturnType<typeof openStorage>> | undefined): Promise<Harness> {
  const held = storage ?? (await openStorage(`staff-pin-${++dbCount}-${Math.random()}`));
  if (!storage) await held.saveSetting('pin', await hashPin('4821', undefined, 1_000));
  return makeHarness(scheme, { storage: held, demoBuild: false });
}

async function typePin(pin: string) {
  await act(async () => {
    await fireEvent.input(screen.getByLabelText('Enter the staff PIN'), { target: { value: pin } });
  });
  await act(async () => {
    await fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
  });
}

describe('the wait after wrong PINs', () => {
  it('is none for 4 wrong PINs, then 30 s, 60 s, 120 s ... doubling up to 15 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 50].map(pinWaitSeconds)).toEqual([0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900]);
  });

  it('with a fixed clock: 5 wrong -> 30 s, the 6th -> 60 s ... capped at 900 s; during a wait even the right PIN is not tried; a right PIN resets', async () => {
    const harness = await realBuildWithPin();
    const pin = harness.settings.pin;
    for (let n = 1; n <= 4; n++) expect(await harness.settings.checkPin('0000')).toBe(false);
    expect(pin.secondsToWait()).toBe(0);
    expect(await harness.settings.checkPin('0000')).toBe(false); // the 5th
    expect(pin.secondsToWait()).toBe(30);

    const waits: number[] = [];
    for (let n = 6; n <= 11; n++) {
      const wait = pin.secondsToWait();
      harness.clock.now += (wait - 1) * 1000;
      expect(await pin.attempt('4821')).toBe('wait'); // one second early: the right PIN is not even tried
      harness.clock.now += 1000;
      expect(await pin.attempt('0000')).toBe('wrong');
      waits.push(pin.secondsToWait());
    }
    expect(waits).toEqual([60, 120, 240, 480, 900, 900]);
    expect(pin.failures.value).toBe(11);

    harness.clock.now += 900_000;
    expect(await harness.settings.unlock('4821')).toBe(true);
    expect(pin.failures.value).toBe(0);
    expect(pin.secondsToWait()).toBe(0);
    for (let n = 1; n <= 4; n++) expect(await harness.settings.checkPin('0000')).toBe(false);
    expect(pin.secondsToWait()).toBe(0); // counting starts again from nothing
  });

  it('is saved, so reloading the app does not reset the count or the wait', async () => {
    const first = await realBuildWithPin();
    for (let n = 1; n <= 6; n++) {
      first.clock.now += first.settings.pin.secondsToWait() * 1000;
      await first.settings.checkPin('0000');
    }
    expect(first.settings.pin.secondsToWait()).toBe(60);
    const reloaded = await realBuildWithPin(first.storage);
    reloaded.clock.now = first.clock.now + 10_000;
    expect(reloaded.settings.pin.secondsToWait()).toBe(50);
    expect(await reloaded.settings.checkPin('4821')).toBe(false);
    reloaded.clock.now += 50_000;
    expect(await reloaded.settings.pin.attempt('0000')).toBe('wrong');
    expect(reloaded.settings.pin.secondsToWait()).toBe(120); // the 7th wrong PIN: the count went on
  });

  it('a device clock set back does not stretch the wait past what the rule allows', async () => {
    const harness = await realBuildWithPin();
    for (let n = 1; n <= 5; n++) await harness.settings.checkPin('0000');
    harness.clock.now -= 3_600_000;
    expect(harness.settings.pin.secondsToWait()).toBe(30);
  });

  it('shows a live countdown at Settings and refuses tries until it ends', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const harness = await realBuildWithPin();
    harness.navigation.go('settings');
    harness.wrap(<App />);
    for (let n = 1; n <= 4; n++) {
      await typePin('1111');
      await waitFor(() => expect(harness.settings.pin.failures.value).toBe(n));
      await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('That PIN is not right. Try again.'));
      await waitFor(() => expect((screen.getByRole('button', { name: 'Unlock' }) as HTMLButtonElement).disabled).toBe(false));
    }
    await typePin('1111');
    await waitFor(() => expect(screen.getByRole('timer').textContent).toBe('Too many wrong PINs. Try again in 0:30.'));
    expect((screen.getByLabelText('Enter the staff PIN') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Unlock' }) as HTMLButtonElement).disabled).toBe(true);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50)); // the render came after the click's act: let its effects run
    });
    harness.clock.now += 2_000;
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1_000);
    });
    expect(screen.getByRole('timer').textContent).toBe('Too many wrong PINs. Try again in 0:28.');
    harness.clock.now += 28_000;
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1_000);
    });
    expect(screen.queryByRole('timer')).toBeNull();
    await typePin('4821');
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Settings', level: 1 })).toBeTruthy());
  });

  it('the kiosk exit counts toward the same wait as Settings, and shows it', async () => {
    const harness = await realBuildWithPin();
    for (let n = 1; n <= 4; n++) expect(await harness.settings.unlock('0000')).toBe(false); // at Settings
    harness.kiosk.enter();
    harness.wrap(<App />);
    await act(async () => {
      await fireEvent.click(screen.getByRole('button', { name: 'Staff' }));
    });
    await typePin('0000'); // the 5th, at the kiosk
    await waitFor(() => expect(screen.getByRole('timer').textContent).toBe('Too many wrong PINs. Try again in 0:30.'));
    expect(await harness.kiosk.leave('4821')).toBe(false); // the right PIN waits too
    expect(harness.kiosk.active.value).toBe(true);
    harness.clock.now += 30_000;
    expect(await harness.kiosk.leave('4821')).toBe(true);
  });
});

describe('the first staff PIN', () => {
  it('a real build has no PIN: 1234 opens nothing, and Settings ask staff to choose one, typed twice', async () => {
    const harness = await makeHarness(scheme, { demoBuild: false });
    expect(harness.settings.pin.hasPin.value).toBe(false);
    expect(await harness.settings.checkPin('1234')).toBe(false);
    expect(await harness.storage.loadSetting('pin')).toBeUndefined();
    harness.navigation.go('settings');
    harness.wrap(<App />);
    expect(screen.getByRole('heading', { name: 'Choose a staff PIN' })).toBeTruthy();
    expect(screen.queryByLabelText('Enter the staff PIN')).toBeNull();

    const choose = async (first: string, again: string) => {
      await act(async () => {
        await fireEvent.input(screen.getByLabelText('New PIN (4 to 12 digits)'), { target: { value: first } });
        await fireEvent.input(screen.getByLabelText('Type the same PIN again'), { target: { value: again } });
      });
      await act(async () => {
        await fireEvent.click(screen.getByRole('button', { name: 'Save PIN and open Settings' }));
      });
    };
    await choose('12', '12');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The PIN must be 4 to 12 digits.'));
    await choose('5739', '5793');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The two PINs are not the same. Type them again.'));
    expect(harness.settings.pin.hasPin.value).toBe(false);
    await choose('5739', '5739');
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Settings', level: 1 })).toBeTruthy());

    harness.settings.lock();
    expect(await harness.settings.checkPin('5739')).toBe(true);
    expect(await harness.settings.checkPin('1234')).toBe(false);
    expect(await harness.settings.choosePin('0000')).toBe(false); // once chosen, a change needs Settings open
    expect(JSON.stringify(await harness.storage.loadSetting('pin'))).not.toContain('5739');
  });

  it('the demo build keeps the demo PIN 1234', async () => {
    const harness = await makeHarness(scheme, { demoBuild: true });
    expect(harness.settings.pin.hasPin.value).toBe(true);
    expect(await harness.settings.checkPin('1234')).toBe(true);
  });
});
