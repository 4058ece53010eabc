// Issue 11 point 2, service side: a carer identified at a ward's kiosk reaches the REAL scheme service (PGlite always,
// PostgreSQL when TEST_DATABASE_URL is set) through the app's own wiring (createModels, fake-indexeddb, the outbox and
// sync client) and counts once in "Carers recognised on hospital wards", however often the passport was scanned.

import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage, type AppStorage } from '../../src/app/adapters/storage.ts';
import { createSyncClient } from '../../src/app/adapters/sync-client.ts';
import type { Models } from '../../src/app/models/context.ts';
import { createModels } from '../../src/app/models/create-models.ts';
import type { PartnerProfile } from '../../src/core/index.ts';
import { fakeScanner, fakeUpdates } from '../app/support/fake-scanner.ts';
import { BACKENDS } from './support/backends.ts';
import { enrolmentCode, partnerProfile } from './support/scheme-fixtures.ts';
import { adminCall, adminHeaders, startTestService, type TestService } from './support/test-service.ts';

let dbNumber = 0;

describe.each(BACKENDS)('a recognition at a ward kiosk ($name)', (backend) => {
  let t: TestService;
  let storage: AppStorage;
  let app: Models;
  let qrText: string;

  beforeAll(async () => {
    t = await startTestService(backend);
    const base = partnerProfile('ward-7', ['parking', 'flexible-visiting', 'quiet-room']);
    const ward: PartnerProfile = {
      ...base,
      kind: 'hospital-ward',
      offers: base.offers.map((o) => (o.id === 'parking' ? o : { ...o, kind: 'recognition' as const })),
    };
    expect((await adminCall(t.url, 'PUT', '/admin/api/partners/ward-7', ward)).status).toBe(200);
    qrText = (await adminCall(t.url, 'POST', '/admin/api/passports', { iss: 'uk.test.vasl', cat: 'adult', name: 'Amara Testcarer' })).data.qrText;

    storage = await openStorage(`ward-kiosk-${backend.name}-${++dbNumber}`);
    app = await createModels({
      storage,
      roots: [t.keys.pinned],
      fetchShipped: async () => undefined,
      screen: { enterFullscreen: async () => {}, exitFullscreen: async () => {}, keepAwake: () => () => {} },
      feedback: { beep: () => {}, vibrate: () => {} },
      download: () => {},
      persistence: { state: async () => 'unsupported', request: async () => 'unsupported' },
      scanner: fakeScanner().adapters,
      updates: fakeUpdates(),
      sync: { client: createSyncClient({ timeoutMs: 10_000 }), isOnline: () => true },
      now: () => t.clock.now * 1000,
    });
  });
  afterAll(async () => {
    app?.verdict.clear();
    app?.sync?.uploader.stop();
    storage?.close();
    await t?.stop();
  });

  const report = async (name: string) => {
    const res = await fetch(`${t.url}/v1/reports/${name}`, { headers: adminHeaders() });
    expect(res.status).toBe(200);
    return ((await res.json()) as { rows: Record<string, unknown>[] }).rows;
  };

  it('is uploaded through the outbox and counted once in the recognitions report', async () => {
    expect(await app.sync!.enrol(await enrolmentCode(t.url, 'ward-7'))).toBe(true);
    await expect.poll(() => app.sync!.checking.value === false && app.trust.state.value !== undefined, { timeout: 10_000 }).toBe(true);
    expect(app.settings.settings.value.profile).toMatchObject({ id: 'ward-7', kind: 'hospital-ward' });
    app.kiosk.enter(false);
    for (let scan = 0; scan < 3; scan++) await app.verdict.scan(qrText); // the carer scans again, and again
    expect(app.verdict.shown.value?.verdict.code).toBe('VALID');
    await expect.poll(async () => (await storage.listRedemptions()).length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 50)); // a late second record would show by now
    expect(await storage.countWaiting()).toBe(1);

    await app.sync!.upload('manual');
    expect(await storage.countWaiting()).toBe(0);
    const held = await t.database.db.query<{ offer_id: string; partner_id: string }>('SELECT offer_id, partner_id FROM redemptions');
    expect(held).toEqual([{ offer_id: 'flexible-visiting', partner_id: 'ward-7' }]); // the first recognition offer

    expect(await report('recognitions-in-hospitals')).toEqual([
      { partnerId: 'ward-7', partnerName: 'Partner ward-7', offerId: 'flexible-visiting', offerTitle: 'Offer flexible-visiting', recognitions: 1, carers: 1 },
    ]);
    expect(await report('carers-reached')).toEqual([{ carers: 1, redemptions: 1, partners: 1 }]);
  });
});
