// Issue 11 point 2 on a ward's device: start a stay until a date with a note, see "On a stay until D", change the
// date, end it; past its last day the verdict says the stay ended; a stay offer applies only on a stay; the events
// wait in the outbox for the service. Fixed clocks.

import { act, cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { VerdictScreen } from '../../src/app/screens/VerdictScreen.tsx';
import { StaysModel } from '../../src/app/models/stays-model.ts';
import { makeHarness } from './support/harness.tsx';
import { makeAppScheme, type AppScheme } from './support/scheme.ts';
import { signal } from '@preact/signals';
import { openStorage } from '../../src/app/adapters/storage.ts';
import { verifyPassport, type PartnerProfile, type StayEvent } from '../../src/core/index.ts';
import type { ShownVerdict } from '../../src/app/models/verdict-model.ts';

// Wednesday 10 June 2026, 12:00 BST
const NOW = Date.parse('2026-06-10T11:00:00Z');
let scheme: AppScheme;
beforeAll(async () => {
  scheme = await makeAppScheme(NOW / 1000);
});
afterEach(cleanup);

describe('the stay panel on the demo ward', () => {
  it('starts a stay until a date with a note, shows it, changes the date and ends it', async () => {
    const harness = await makeHarness(scheme, { profileId: 'demo-ward' });
    await harness.verdict.scan(await scheme.passport());
    harness.wrap(<VerdictScreen mode="staff" />);
    expect(screen.getByText('No stay recorded for this carer.')).toBeTruthy();
    await act(async () => {
      fireEvent.input(screen.getByLabelText('Until (expected discharge)'), { target: { value: '2026-06-14' } });
      fireEvent.input(screen.getByLabelText(/Note, no names/), { target: { value: 'Ward 7, bay 3' } });
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Start a stay' }));
    });
    expect(await screen.findByText('On a stay until 14 June 2026 (started on Ward 7, bay 3)')).toBeTruthy();

    await act(async () => {
      fireEvent.input(screen.getByLabelText('Until (expected discharge)'), { target: { value: '2026-06-16' } });
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Change date' }));
    });
    expect(await screen.findByText('On a stay until 16 June 2026 (started on Ward 7, bay 3)')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'End stay' }));
    });
    expect(await screen.findByText('The stay ended on 10 June 2026.')).toBeTruthy();
    // three events, no names, waiting for the service
    const waiting = harness.stays.waiting();
    expect(waiting.map((e) => e.type)).toEqual(['start', 'change', 'end']);
    expect(JSON.stringify(waiting)).not.toContain('Amara');
  });

  it('a shop (no group) shows no stay panel', async () => {
    const harness = await makeHarness(scheme);
    await harness.verdict.scan(await scheme.passport());
    harness.wrap(<VerdictScreen mode="staff" />);
    expect(screen.queryByText('Hospital stay')).toBeNull();
  });
});

describe('the stays model', () => {
  const ward: PartnerProfile = {
    id: 'ward-9', name: 'Ward 9', kind: 'hospital-ward', timeZone: 'Europe/London', group: { id: 'city-hospital', name: 'City Hospital' },
    offers: [{ id: 'parking', title: 'Parking', description: '', kind: 'benefit', categories: ['adult'], limit: { kind: 'unlimited' }, requiresStay: true }],
  };

  async function modelAt(now: { ms: number }, shared: StayEvent[]) {
    const verdict = await verifyPassport(await scheme.passport({ jti: 'TST-7' }), { ...scheme.trust, now: NOW / 1000 });
    const model = new StaysModel({
      storage: await openStorage(`stays-${Math.random()}`),
      profile: signal(ward),
      shown: signal<ShownVerdict | undefined>({ id: 1, verdict, shownAt: now.ms }),
      shared: signal(shared),
      deviceId: () => 'dev-9',
      now: () => now.ms,
    });
    await model.load();
    return model;
  }

  const fromWard7: StayEvent = {
    id: '00000000-0000-4000-8000-000000000001', stayId: '00000000-0000-4000-8000-000000000100', type: 'start', at: '2026-06-09T09:00:00.000Z',
    iss: 'uk.test.carers', jti: 'TST-7', groupId: 'city-hospital', partnerId: 'ward-7', deviceId: 'dev-7', until: '2026-06-12', note: 'Ward 7',
  };

  it('a stay started on Ward 7\'s device shows on Ward 9\'s, and ends on its date (a fixed clock)', async () => {
    const now = { ms: NOW };
    const model = await modelAt(now, [fromWard7]);
    expect(model.current.value).toMatchObject({ kind: 'on-stay', stay: { until: '2026-06-12', note: 'Ward 7', startedBy: 'ward-7' } });
    now.ms = Date.parse('2026-06-12T22:59:00Z'); // 23:59 BST on the last day
    model.tick();
    expect(model.onStay.value).toBe(true);
    now.ms = Date.parse('2026-06-12T23:00:00Z'); // midnight: the day after
    model.tick();
    expect(model.current.value?.kind).toBe('ended');
  });

  it('another group\'s events never count', async () => {
    const model = await modelAt({ ms: NOW }, [{ ...fromWard7, groupId: 'county-hospital' }]);
    expect(model.current.value?.kind).toBe('none');
  });
});

describe('a stay offer', () => {
  it('parking that requires a stay applies only once the stay is started', async () => {
    const harness = await makeHarness(scheme, { profileId: 'demo-ward' });
    const profile = harness.settings.settings.peek().profile;
    const parking = profile.offers.find((o) => o.id === 'parking')!;
    expect(await harness.settings.saveOffer({ ...parking, requiresStay: true })).toBeUndefined();
    await harness.verdict.scan(await scheme.passport());
    expect(harness.redemptions.checks.value.find((c) => c.offer.id === 'parking')).toMatchObject({ applies: false, refusal: { code: 'NO_STAY' } });
    expect(await harness.stays.start('2026-06-14')).toBe(true);
    expect(harness.redemptions.checks.value.find((c) => c.offer.id === 'parking')?.applies).toBe(true);
  });
});
