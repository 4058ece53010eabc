// Issue 11 point 5: an offer that requires photo ID can be given only once staff tick "Photo ID seen", and the
// record says so; offers without it and records made before it are unchanged.

import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OffersPanel } from '../../src/app/screens/OffersPanel.tsx';
import { OfferEditor } from '../../src/app/components/OfferEditor.tsx';
import { readPartnerProfile, readRedemptionRecord, toUploadRecord, type Offer } from '../../src/core/index.ts';
import { makeHarness } from './support/harness.tsx';
import { makeAppScheme, type AppScheme } from './support/scheme.ts';

let scheme: AppScheme;
beforeAll(async () => {
  scheme = await makeAppScheme(Date.parse('2026-06-10T11:00:00Z') / 1000);
});
afterEach(cleanup);

const medicines = () => screen.getByRole('button', { name: 'Record: Collect medicines' }) as HTMLButtonElement;

describe('the pharmacy\'s "Collect medicines" needs photo ID seen', () => {
  it('the button stays disabled until staff tick "Photo ID seen"; the record then says so, locally and uploaded', async () => {
    const harness = await makeHarness(scheme, { profileId: 'demo-pharmacy' });
    await harness.verdict.scan(await scheme.passport());
    harness.wrap(<OffersPanel />);
    expect(medicines().disabled).toBe(true);
    expect(screen.getByRole('checkbox', { name: 'Photo ID seen' })).toBeTruthy();
    // an offer without the requirement is not held back
    expect((screen.getByRole('button', { name: 'Record: Priority queue' }) as HTMLButtonElement).disabled).toBe(false);

    // the model refuses too, so no other path (a keyboard shortcut, a script) skips the tick
    harness.redemptions.setReference('collect-medicines', 'RX-1');
    expect(await harness.redemptions.redeem('collect-medicines')).toBeUndefined();
    expect(await harness.storage.listRedemptions()).toHaveLength(0);

    await act(async () => {
      await fireEvent.click(screen.getByRole('checkbox', { name: 'Photo ID seen' }));
    });
    expect(medicines().disabled).toBe(false);
    await act(async () => {
      await fireEvent.click(medicines());
    });
    await waitFor(() => expect(screen.getByText('Recorded: Collect medicines').textContent).toContain('(photo ID seen)'));
    const [stored] = await harness.storage.listRedemptions();
    expect(stored?.photoIdSeen).toBe(true);
    expect(toUploadRecord(stored!)).toMatchObject({ photoIdSeen: true });
    expect(toUploadRecord(stored!)).not.toHaveProperty('reference');
  });

  it('the tick does not carry over to the next passport', async () => {
    const harness = await makeHarness(scheme, { profileId: 'demo-pharmacy' });
    await harness.verdict.scan(await scheme.passport());
    harness.redemptions.setPhotoIdSeen('collect-medicines', true);
    await harness.verdict.scan(await scheme.passport({ jti: 'TST-2002' }));
    expect(harness.redemptions.photoIdSeen.value.size).toBe(0);
  });

  it('a record of an offer without the requirement carries no photoIdSeen field', async () => {
    const harness = await makeHarness(scheme, { profileId: 'demo-pharmacy' });
    await harness.verdict.scan(await scheme.passport());
    const stored = await harness.redemptions.redeem('priority-queue');
    expect(stored).toBeDefined();
    expect(stored).not.toHaveProperty('photoIdSeen');
  });
});

describe('the shapes in core', () => {
  const offer = { id: 'meds', title: 'Medicines', kind: 'recognition', categories: ['adult'], limit: { kind: 'unlimited' } };
  it('an offer reads requiresPhotoId true or false, and refuses anything else', () => {
    const read = (extra: object) => readPartnerProfile({ id: 'p', name: 'P', kind: 'pharmacy', offers: [{ ...offer, ...extra }] });
    expect(read({ requiresPhotoId: true })).toMatchObject({ ok: true, profile: { offers: [{ requiresPhotoId: true }] } });
    const off = read({ requiresPhotoId: false });
    expect(off.ok && off.profile.offers[0]).not.toHaveProperty('requiresPhotoId');
    expect(read({ requiresPhotoId: 'yes' })).toMatchObject({ ok: false });
  });

  it('a record reads photoIdSeen true; an older record without it stays valid; false is refused', () => {
    const record = { id: '00000000-0000-4000-8000-000000000001', redeemedAt: '2026-06-10T11:00:00.000Z', offerId: 'meds', partnerId: 'p', deviceId: 'd', iss: 'uk.test', jti: 'TST-1', verdict: 'VALID' };
    expect(readRedemptionRecord(record).ok).toBe(true);
    expect(readRedemptionRecord({ ...record, photoIdSeen: true })).toMatchObject({ ok: true, record: { photoIdSeen: true } });
    expect(readRedemptionRecord({ ...record, photoIdSeen: false }).ok).toBe(false);
  });
});

describe('the offer editor', () => {
  it('has a "Staff must see photo ID first" box that sets and clears requiresPhotoId', async () => {
    const saved: Offer[] = [];
    const base: Offer = { id: 'meds', title: 'Medicines', description: '', kind: 'recognition', categories: ['adult'], limit: { kind: 'unlimited' } };
    const harness = await makeHarness(scheme);
    harness.wrap(<OfferEditor offer={base} onSave={async (o) => void saved.push(o)} />);
    await act(async () => {
      await fireEvent.click(screen.getByRole('checkbox', { name: 'Staff must see photo ID first' }));
    });
    await act(async () => {
      await fireEvent.submit(screen.getByRole('form'));
    });
    expect(saved.at(-1)?.requiresPhotoId).toBe(true);
  });
});
