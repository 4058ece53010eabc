// Kiosk mode: full screen, screen kept awake (and taken again when the page returns), no staff controls,
// a short reset, and leaving needs the staff PIN. At a ward's kiosk a valid passport is counted as a recognition
// (issue 11 point 2): one record a passport a day, without a name, waiting in the outbox.

import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { keepAwake } from '../../src/app/adapters/kiosk-screen.ts';
import { App } from '../../src/app/App.tsx';
import { demoProfile } from '../../src/app/partner-profiles.ts';
import { DAY, ISS, makeAppScheme, REVOKED_IDX, type AppScheme } from './support/scheme.ts';
import { makeHarness, type Harness } from './support/harness.tsx';

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

describe('at a ward kiosk', () => {
  const wardKiosk = async () => {
    const harness = await makeHarness(scheme, { profileId: 'demo-ward' });
    harness.kiosk.enter();
    return harness;
  };
  /** Scans like the carer at the kiosk, then lets the record (if any) reach IndexedDB. */
  const scan = async (harness: Harness, text: string) => {
    await harness.verdict.scan(text);
    await new Promise((resolve) => setTimeout(resolve, 20));
  };

  it('records a valid passport once as a recognition against the ward\'s first recognition offer, without a name', async () => {
    const harness = await wardKiosk();
    const view = harness.wrap(<App />);
    await scan(harness, await scheme.passport({ name: 'Amara Testcarer' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Valid');
    expect(view.container.querySelector('.offers')).toBeNull(); // nothing for the carer to press

    await waitFor(async () => expect(await harness.storage.listRedemptions()).toHaveLength(1));
    const [stored] = await harness.storage.listRedemptions();
    expect(stored).toMatchObject({
      offerId: 'flexible-visiting', // demo-ward's first recognition offer
      partnerId: 'demo-ward',
      iss: ISS,
      jti: 'TST-1001',
      verdict: 'VALID',
      redeemedAt: new Date(harness.clock.now).toISOString(),
      uploaded: 0, // in the outbox: the uploader sends it like any record
    });
    expect(JSON.stringify(stored)).not.toContain('Amara');
    expect(await harness.storage.countWaiting()).toBe(1);
  });

  it('counts a passport once a day however often it is scanned, and each passport on its own', async () => {
    const harness = await wardKiosk();
    const amara = await scheme.passport();
    await Promise.all([harness.verdict.scan(amara), harness.verdict.scan(amara)]); // two quick scans
    await scan(harness, amara);
    await scan(harness, amara);
    await scan(harness, await scheme.passport({ jti: 'TST-2002', name: 'Ben Testcarer' }));
    await waitFor(async () => expect(await harness.storage.listRedemptions()).toHaveLength(2));

    harness.clock.now += DAY * 1000; // the next day the carer is identified again
    await scan(harness, amara);
    expect(harness.verdict.shown.value?.verdict.code).toBe('VALID');
    await waitFor(async () => expect(await harness.storage.listRedemptions()).toHaveLength(3));
    expect((await harness.storage.listRedemptions()).map((r) => r.jti).sort()).toEqual(['TST-1001', 'TST-1001', 'TST-2002']);
  });

  it('records nothing for a passport that is not valid', async () => {
    const harness = await wardKiosk();
    await scan(harness, await scheme.passport({ idx: REVOKED_IDX }));
    expect(harness.verdict.shown.value?.verdict.result).toBe('invalid');
    await scan(harness, await scheme.passport({ exp: scheme.now - DAY }));
    await scan(harness, await scheme.passport({ listUri: 'https://status.test.example/other/1' })); // a "Check": no staff to confirm it
    expect(harness.verdict.shown.value?.verdict.result).toBe('warning');
    expect(await harness.storage.listRedemptions()).toEqual([]);
  });

  it('records nothing when staff scan on the ward, at a shop\'s kiosk, or at a ward with no recognition offer', async () => {
    const staff = await makeHarness(scheme, { profileId: 'demo-ward' });
    await scan(staff, await scheme.passport());
    expect(staff.verdict.shown.value?.verdict.code).toBe('VALID');
    expect(await staff.storage.listRedemptions()).toEqual([]); // staff record recognitions with the offer's button

    const shop = await makeHarness(scheme, { profileId: 'demo-shop' });
    shop.kiosk.enter();
    await scan(shop, await scheme.passport());
    expect(await shop.storage.listRedemptions()).toEqual([]);

    // a ward without a recognition offer has nothing the scheme could count the recognition against
    const ward = demoProfile('demo-ward')!;
    const benefitsOnly = await makeHarness(scheme);
    await benefitsOnly.settings.adoptProfile({ ...ward, offers: ward.offers.filter((o) => o.kind !== 'recognition') });
    benefitsOnly.kiosk.enter();
    await scan(benefitsOnly, await scheme.passport());
    expect(benefitsOnly.verdict.shown.value?.verdict.code).toBe('VALID');
    expect(await benefitsOnly.storage.listRedemptions()).toEqual([]);
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
