// Issue 11 point 1 on the device: the partner's records from other tills count with this device's own for limits
// (each record once), survive a restart offline, are refreshed cheaply (ETag, 304), and a record the scheme flagged
// shows in History as "over limit: given at two tills while offline".

import { signal } from '@preact/signals';
import { cleanup, render, screen } from '@testing-library/preact';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../src/app/adapters/storage.ts';
import { createSyncClient } from '../../src/app/adapters/sync-client.ts';
import { ModelsContext } from '../../src/app/models/context.ts';
import { RedemptionsModel } from '../../src/app/models/redemptions-model.ts';
import { SettingsModel } from '../../src/app/models/settings-model.ts';
import { ENROLMENT_KEY, SyncModel, type Enrolment } from '../../src/app/models/sync-model.ts';
import { TrustModel } from '../../src/app/models/trust-model.ts';
import type { ShownVerdict } from '../../src/app/models/verdict-model.ts';
import { HistoryScreen } from '../../src/app/screens/HistoryScreen.tsx';
import { verifyPassport, type PartnerProfile, type SharedRedemption } from '../../src/core/index.ts';
import { makeHarness } from './support/harness.tsx';
import { ISS, makeAppScheme, type AppScheme } from './support/scheme.ts';

const SVC = 'https://scheme.test.example';
const TOKEN = 'tok_abcdefghijklmnopqrstuvwxyz012345';
// Wednesday 10 June 2026, 12:00 BST
const NOW = Date.parse('2026-06-10T11:00:00Z');
const profile: PartnerProfile = {
  id: 'cafe',
  name: 'Cafe',
  kind: 'shop',
  timeZone: 'Europe/London',
  offers: [{ id: 'coffee', title: 'Free coffee', description: '', kind: 'benefit', categories: ['adult'], limit: { kind: 'per-period', count: 1, period: 'day' } }],
};
const shared = (id: number, extra: Partial<SharedRedemption> = {}): SharedRedemption => ({
  id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
  iss: ISS,
  jti: 'TST-1001',
  offerId: 'coffee',
  redeemedAt: '2026-06-10T08:00:00.000Z',
  ...extra,
});

const server = setupServer();
let scheme: AppScheme;
beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  scheme = await makeAppScheme(NOW / 1000);
});
afterEach(() => {
  server.resetHandlers();
  cleanup();
});
afterAll(() => server.close());

async function redemptionsWith(recent: SharedRedemption[]) {
  const storage = await openStorage(`shared-limits-${Math.random()}`);
  const verdict = await verifyPassport(await scheme.passport(), { ...scheme.trust, now: NOW / 1000 });
  const shown = signal<ShownVerdict | undefined>({ id: 1, verdict, shownAt: NOW });
  const sharedSignal = signal<readonly SharedRedemption[]>(recent);
  const model = new RedemptionsModel({ storage, shown, profile: signal(profile), deviceId: 'till-b', now: () => NOW, shared: sharedSignal });
  return { model, storage, sharedSignal };
}

describe('counting with the other tills', () => {
  it('"once a day" given at till A this morning is "Already used today" at till B', async () => {
    const { model } = await redemptionsWith([shared(1)]);
    expect(model.checks.value[0]).toMatchObject({ applies: false, refusal: { code: 'USED_TODAY' } });
    expect(await model.redeem('coffee')).toBeUndefined();
  });

  it('a record of yesterday, another passport or another offer does not count', async () => {
    const { model } = await redemptionsWith([shared(1, { redeemedAt: '2026-06-09T08:00:00.000Z' }), shared(2, { jti: 'TST-9999' }), shared(3, { offerId: 'tea' })]);
    expect(model.checks.value[0]).toMatchObject({ applies: true, remaining: 1 });
  });

  it('this device\'s own record, sent back by the service, is counted once', async () => {
    const twice: PartnerProfile = { ...profile, offers: [{ ...profile.offers[0]!, limit: { kind: 'per-period', count: 2, period: 'day' } }] };
    const storage = await openStorage(`shared-twice-${Math.random()}`);
    const verdict = await verifyPassport(await scheme.passport(), { ...scheme.trust, now: NOW / 1000 });
    const sharedSignal = signal<readonly SharedRedemption[]>([]);
    const model = new RedemptionsModel({ storage, shown: signal<ShownVerdict | undefined>({ id: 1, verdict, shownAt: NOW }), profile: signal(twice), deviceId: 'till-b', now: () => NOW, shared: sharedSignal });
    const mine = await model.redeem('coffee');
    sharedSignal.value = [shared(0, { id: mine!.id, redeemedAt: mine!.redeemedAt })];
    // two a day: my one record (also in the service's list) leaves one, not none
    expect(model.checks.value[0]).toMatchObject({ applies: true, remaining: 1 });
  });
});

describe('History', () => {
  it('a record the scheme flagged says "over limit: given at two tills while offline"', async () => {
    const harness = await makeHarness(scheme);
    const { model, sharedSignal } = await redemptionsWith([]);
    // given offline at this till while another till gave the same: the scheme flags the later one, this one
    sharedSignal.value = [];
    const mine = await model.redeem('coffee');
    sharedSignal.value = [shared(1), shared(2, { id: mine!.id, redeemedAt: mine!.redeemedAt, overLimit: true })];
    render(
      <ModelsContext.Provider value={{ ...harness, redemptions: model }}>
        <HistoryScreen />
      </ModelsContext.Provider>,
    );
    expect(screen.getByText('over limit: given at two tills while offline')).toBeTruthy();
  });
});

describe('the sync model', () => {
  const recentBody = (recent: SharedRedemption[]) => ({ deviceId: 'dev-b', profile, recent });

  async function enrolled() {
    const storage = await openStorage(`shared-sync-${Math.random()}`);
    const enrolment: Enrolment = { serviceUrl: SVC, deviceToken: TOKEN, deviceId: 'dev-b', partnerId: 'cafe', partnerName: 'Cafe', schemeId: 'test-scheme', enrolledAt: new Date(NOW).toISOString(), revoked: false };
    await storage.saveSetting(ENROLMENT_KEY, enrolment);
    const build = async () => {
      const settings = new SettingsModel(storage);
      await settings.load();
      const trust = new TrustModel({ storage, roots: scheme.roots, fetchShipped: async () => undefined, now: () => NOW });
      const sync = new SyncModel({ storage, client: createSyncClient({ timeoutMs: 500 }), roots: scheme.roots, trust, adoptProfile: (p) => settings.adoptProfile(p), now: () => NOW });
      await sync.load();
      return sync;
    };
    return { build };
  }

  it('takes the partner\'s recent records with the profile, asks again with the ETag (a 304 changes nothing) and keeps them for offline', async () => {
    const seen: (string | null)[] = [];
    server.use(
      http.get(`${SVC}/v1/profile`, ({ request }) => {
        seen.push(request.headers.get('if-none-match'));
        if (request.headers.get('if-none-match') === '"v1"') return new HttpResponse(null, { status: 304 });
        return HttpResponse.json(recentBody([shared(1)]), { headers: { etag: '"v1"' } });
      }),
    );
    const { build } = await enrolled();
    const sync = await build();
    await sync.refreshProfile();
    expect(sync.shared.value).toEqual([shared(1)]);
    await sync.refreshProfile();
    expect(seen).toEqual([null, '"v1"']);
    expect(sync.shared.value).toEqual([shared(1)]);

    server.use(http.get(`${SVC}/v1/profile`, () => HttpResponse.error()));
    const restarted = await build(); // offline restart: the held list still counts
    await restarted.refreshProfile();
    expect(restarted.shared.value).toEqual([shared(1)]);
  });
});
