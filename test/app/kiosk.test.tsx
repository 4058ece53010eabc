// Kiosk mode: full screen, screen kept awake (and taken again when the page returns), no staff controls,
// a short reset, and leaving needs the staff PIN.

import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { keepAwake } from '../../src/app/adapters/device.ts';
import { App } from '../../src/app/App.tsx';
import { makeHarness } from './support/harness.tsx';
import { makeAppScheme, type AppScheme } from './support/scheme.ts';

let scheme: AppScheme;
beforeAll(async () => {
  scheme = await makeAppScheme(Date.parse('2026-06-10T11:00:00Z') / 1000);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('kiosk mode', () => {
  it('goes full screen, keeps the screen awake, and is remembered across restarts', async () => {
    const harness = await makeHarness(scheme);
    harness.kiosk.enter();
    expect(harness.kioskCalls).toEqual(['wake-lock', 'fullscreen']);
    await waitFor(async () => expect(await harness.storage.loadSetting('app')).toMatchObject({ kiosk: true }));
  });

  it('shows a result without offers or staff navigation, then resets after 8 seconds', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const harness = await makeHarness(scheme);
    harness.kiosk.enter();
    await harness.verdict.scan(await scheme.passport());
    const view = harness.wrap(<App />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Valid');
    expect(view.container.querySelector('.offers')).toBeNull();
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(screen.getByText('Ready for the next person in 8 s')).toBeTruthy();
    await act(async () => {
      await vi.advanceTimersByTime(8000);
    });
    expect(harness.verdict.shown.value).toBeUndefined();
  });

  it('leaving needs the staff PIN', async () => {
    const harness = await makeHarness(scheme);
    harness.kiosk.enter();
    await harness.verdict.scan(await scheme.passport());
    harness.wrap(<App />);
    await act(async () => {
      await fireEvent.click(screen.getByRole('button', { name: 'Staff' }));
    });
    await act(async () => {
      await fireEvent.input(screen.getByLabelText('Enter the staff PIN'), { target: { value: '9999' } });
    });
    await act(async () => {
      await fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('That PIN is not right. Try again.'));
    expect(harness.kiosk.active.value).toBe(true);
    await act(async () => {
      await fireEvent.input(screen.getByLabelText('Enter the staff PIN'), { target: { value: '1234' } });
    });
    await act(async () => {
      await fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    });
    await waitFor(() => expect(harness.kiosk.active.value).toBe(false));
    expect(harness.kioskCalls).toContain('release');
    expect(screen.getByRole('navigation')).toBeTruthy();
  });
});

describe('keeping the screen awake', () => {
  it('takes the wake lock, takes it again when the page becomes visible after the browser released it, and lets go', async () => {
    const sentinels: { released: boolean; release: () => Promise<void> }[] = [];
    const request = vi.fn(async () => {
      const sentinel = { released: false, release: async () => void (sentinel.released = true) };
      sentinels.push(sentinel);
      return sentinel;
    });
    Object.defineProperty(navigator, 'wakeLock', { value: { request }, configurable: true });
    const stop = keepAwake();
    await waitFor(() => expect(request).toHaveBeenCalledTimes(1));
    sentinels[0]!.released = true; // the browser let go while the page was hidden
    document.dispatchEvent(new Event('visibilitychange'));
    await waitFor(() => expect(request).toHaveBeenCalledTimes(2));
    stop();
    await waitFor(() => expect(sentinels[1]!.released).toBe(true));
  });
});
