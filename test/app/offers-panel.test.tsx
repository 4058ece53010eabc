// Offers after a verdict: one button per offer that applies, the reason for the others; one tap records one
// record in IndexedDB before the confirmation shows; warnings need a confirmation; invalid passports redeem nothing.

import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OffersPanel } from '../../src/app/screens/OffersPanel.tsx';
import type { AppStorage } from '../../src/app/adapters/storage.ts';
import { openStorage } from '../../src/app/adapters/storage.ts';
import { makeHarness } from './support/harness.tsx';
import { LIST_URI, makeAppScheme, REVOKED_IDX, type AppScheme } from './support/scheme.ts';

// Tuesday 9 June 2026, 08:30 BST: inside the shop's protected hour
const TUESDAY_0830 = Date.parse('2026-06-09T07:30:00Z') / 1000;
// Wednesday 10 June 2026, 12:00 BST
const WEDNESDAY_NOON = Date.parse('2026-06-10T11:00:00Z') / 1000;

let scheme: AppScheme;
beforeAll(async () => {
  scheme = await makeAppScheme(TUESDAY_0830);
});
afterEach(cleanup);

async function offersFor(qr: string, options: { profileId?: string; storage?: AppStorage; now?: number } = {}) {
  const harness = await makeHarness(scheme, options);
  harness.clock.now = (options.now ?? WEDNESDAY_NOON) * 1000;
  await harness.verdict.scan(qr);
  const view = harness.wrap(<OffersPanel />);
  return { harness, view };
}

describe('which offers apply', () => {
  it('shows a big button for 10% off and says why the protected hour does not apply on a Wednesday', async () => {
    await offersFor(await scheme.passport());
    expect(screen.getByRole('button', { name: 'Give: 10% off' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Protected shopping hour/ })).toBeNull();
    expect(screen.getByText('Not at this time: only Tuesday and Thursday, 08:00 to 09:00.')).toBeTruthy();
  });

  it('offers the protected hour at 08:30 on a Tuesday, London time', async () => {
    await offersFor(await scheme.passport(), { now: TUESDAY_0830 });
    expect(screen.getByRole('button', { name: 'Record: Protected shopping hour' })).toBeTruthy();
  });

  it('says an offer is not for this kind of carer', async () => {
    await offersFor(await scheme.passport({ cat: 'young' }));
    expect(screen.getByText('Not for this kind of carer (only adult carer, young adult carer and parent carer).')).toBeTruthy();
  });

  it('an invalid passport shows no redeem buttons at all', async () => {
    const { harness, view } = await offersFor(await scheme.passport({ idx: REVOKED_IDX }));
    expect(view.container.querySelectorAll('button')).toHaveLength(0);
    expect(screen.getByText('No offers can be given: the passport is not valid.')).toBeTruthy();
    await harness.redemptions.redeem('ten-percent-off');
    expect(await harness.storage.listRedemptions()).toHaveLength(0);
  });
});

describe('redeeming', () => {
  it('writes the record to IndexedDB before "Recorded: 10% off" shows', async () => {
    const real = await openStorage(`slow-${Math.random()}`);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow: AppStorage = { ...real, addRedemption: async (record) => (await gate, real.addRedemption(record)) };
    const { harness } = await offersFor(await scheme.passport(), { storage: slow });
    fireEvent.click(screen.getByRole('button', { name: 'Give: 10% off' }));
    await act(async () => undefined);
    expect(screen.queryByText('Recorded: 10% off')).toBeNull();
    expect(screen.getByRole('button', { name: 'Recording…' })).toBeTruthy();
    release();
    await waitFor(() => expect(screen.getByText('Recorded: 10% off')).toBeTruthy());
    const stored = await real.listRedemptions();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ offerId: 'ten-percent-off', jti: 'TST-1001', iss: 'uk.test.carers', verdict: 'VALID', uploaded: 0, partnerId: 'demo-shop' });
    expect(JSON.stringify(stored[0])).not.toContain('Amara');
    expect(harness.redemptions.waiting.value).toBe(1);
  });

  it('a record written while the history reloads is kept, so "already used today" still holds', async () => {
    const real = await openStorage(`reload-${Math.random()}`);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let slowReads = false;
    const slow: AppStorage = { ...real, listRedemptions: async () => { const all = await real.listRedemptions(); if (slowReads) await gate; return all; } };
    const { harness } = await offersFor(await scheme.passport(), { storage: slow });
    slowReads = true;
    const reloading = harness.redemptions.load(90); // e.g. after an upload: it reads before the redemption below
    await act(async () => undefined);
    fireEvent.click(screen.getByRole('button', { name: 'Give: 10% off' }));
    await waitFor(() => expect(screen.getByText('Recorded: 10% off')).toBeTruthy());
    release();
    await reloading;
    expect(harness.redemptions.records.value.map((r) => r.offerId)).toEqual(['ten-percent-off']);
    const check = harness.redemptions.checks.value.find((c) => c.offer.id === 'ten-percent-off');
    expect(check?.applies).toBe(false);
  });

  it('a double tap creates one record', async () => {
    const { harness } = await offersFor(await scheme.passport());
    const button = screen.getByRole('button', { name: 'Give: 10% off' });
    fireEvent.click(button);
    fireEvent.click(button);
    await waitFor(() => expect(screen.getByText('Recorded: 10% off')).toBeTruthy());
    await harness.redemptions.redeem('ten-percent-off');
    expect(await harness.storage.listRedemptions()).toHaveLength(1);
  });

  it('the next scan of the same passport the same day says "Already used today."', async () => {
    const qr = await scheme.passport();
    const { harness } = await offersFor(qr);
    await act(async () => {
      await harness.redemptions.redeem('ten-percent-off');
    });
    await act(async () => {
      await harness.verdict.scan(qr);
    });
    expect(screen.getByText('Already used today.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Give: 10% off' })).toBeNull();
  });

  it('a warning needs the staff confirmation first, then records the warning code', async () => {
    const { harness } = await offersFor(await scheme.passport({ listUri: `${LIST_URI}-missing` }));
    await act(async () => {
      await fireEvent.click(screen.getByRole('button', { name: 'Give: 10% off' }));
    });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Tick the box above to confirm before giving an offer.'));
    expect(await harness.storage.listRedemptions()).toHaveLength(0);
    await act(async () => {
      await fireEvent.click(screen.getByRole('checkbox', { name: 'I have checked this passport another way and accept it.' }));
    });
    await act(async () => {
      await fireEvent.click(screen.getByRole('button', { name: 'Give: 10% off' }));
    });
    await waitFor(() => expect(screen.getByText('Recorded: 10% off')).toBeTruthy());
    expect((await harness.storage.listRedemptions())[0]?.verdict).toBe('STATUS_UNKNOWN');
  });

  it('asks for the prescription number, keeps it on the device only', async () => {
    const { harness } = await offersFor(await scheme.passport(), { profileId: 'demo-pharmacy' });
    await act(async () => {
      await fireEvent.click(screen.getByRole('checkbox', { name: 'Photo ID seen' })); // issue 11 point 5
    });
    await act(async () => {
      await fireEvent.click(screen.getByRole('button', { name: 'Record: Collect medicines' }));
    });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Enter the prescription number first.'));
    await act(async () => {
      await fireEvent.input(screen.getByLabelText(/Prescription number/), { target: { value: 'RX-4471' } });
    });
    await act(async () => {
      await fireEvent.click(screen.getByRole('button', { name: 'Record: Collect medicines' }));
    });
    await waitFor(() => expect(screen.getByText('Recorded: Collect medicines')).toBeTruthy());
    const [record] = await harness.storage.listRedemptions();
    expect(record?.reference).toBe('RX-4471');
  });

  it('the hospital ward gives one meal voucher a day', async () => {
    const qr = await scheme.passport();
    const { harness } = await offersFor(qr, { profileId: 'demo-ward' });
    expect(screen.getByRole('button', { name: 'Record: Flexible visiting' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Give: Free parking' })).toBeTruthy();
    await act(async () => {
      await harness.redemptions.redeem('meal-voucher');
    });
    await act(async () => {
      await harness.verdict.scan(qr);
    });
    const refused = screen.getByText('Meal voucher').closest('li')!;
    expect(refused.textContent).toContain('Already used today.');
  });
});
