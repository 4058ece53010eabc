// Issue 11 point 3: an emergency service sees that the person is an unpaid carer, whom to call (the issuer's contact
// from the bundle, or its name alone) and the passport number to quote; no offers, and nothing kept on the device.

import { cleanup, screen } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signTrustBundle } from '../../src/core/index.ts';
import { VerdictScreen } from '../../src/app/screens/VerdictScreen.tsx';
import { makeHarness } from './support/harness.tsx';
import { DAY, ISS, ISSUER_NAME, REVOKED_IDX, makeAppScheme, type AppScheme } from './support/scheme.ts';

let scheme: AppScheme;
beforeAll(async () => {
  scheme = await makeAppScheme(Date.parse('2026-06-10T11:00:00Z') / 1000);
});
afterEach(cleanup);

async function emergencyHarness(contact?: object) {
  const harness = await makeHarness(scheme, { profileId: 'demo-emergency' });
  if (contact) {
    const bundle = await signTrustBundle(
      { iss: 'test-scheme', iat: scheme.now - 60, exp: scheme.now + 30 * DAY, seq: 2, issuers: [{ iss: ISS, name: ISSUER_NAME, cats: ['adult', 'young', 'young-adult', 'parent'], keys: [scheme.issuer.publicJwk], contact }] },
      scheme.root.privateJwk,
    );
    expect(await harness.trust.loadFiles([{ name: 'bundle.jwt', text: bundle }])).toBe(1);
  }
  return harness;
}

describe('an emergency service checks a passport', () => {
  it('a valid passport: "someone may depend on them", the issuer\'s number to call and the passport number to quote; no offers', async () => {
    const harness = await emergencyHarness({ phone: '0116 123 4567', hours: '24 hours', web: 'https://carers.example/emergency' });
    await harness.verdict.scan(await scheme.passport({ jti: 'TST-4242' }));
    const view = harness.wrap(<VerdictScreen mode="staff" />);
    const text = view.container.textContent ?? '';
    expect(text).toContain('This person is an unpaid carer: someone may depend on them.');
    expect(screen.getByRole('link', { name: '0116 123 4567' }).getAttribute('href')).toBe('tel:01161234567');
    expect(text).toContain('24 hours');
    expect(text).toContain(`${ISSUER_NAME}, who issued this passport`);
    expect(view.container.querySelector('.emergency__quote')?.textContent).toContain('TST-4242');
    expect(view.container.querySelector('.offers')).toBeNull();
    expect(view.container.querySelectorAll('.offer__redeem')).toHaveLength(0);
  });

  it('an issuer with no contact in the bundle: its name alone', async () => {
    const harness = await emergencyHarness();
    await harness.verdict.scan(await scheme.passport());
    const view = harness.wrap(<VerdictScreen mode="staff" />);
    expect(view.container.textContent).toContain(`${ISSUER_NAME}, who issued this passport`);
    expect(view.container.textContent).toContain('has not given a number to call');
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('a cancelled passport says nothing about a carer', async () => {
    const harness = await emergencyHarness();
    await harness.verdict.scan(await scheme.passport({ idx: REVOKED_IDX }));
    const view = harness.wrap(<VerdictScreen mode="staff" />);
    expect(view.container.textContent).not.toContain('someone may depend on them');
    expect(view.container.textContent).toContain('Passport cancelled');
  });

  it('nothing is recorded: IndexedDB\'s records stay empty, even if a redemption is asked for', async () => {
    const harness = await emergencyHarness();
    await harness.verdict.scan(await scheme.passport());
    expect(await harness.redemptions.redeem('ten-percent-off')).toBeUndefined();
    expect(await harness.storage.listRedemptions()).toEqual([]);
    expect(await harness.storage.countWaiting()).toBe(0);
  });
});
