// The app's sync against the REAL scheme service in-process (PGlite always, PostgreSQL when TEST_DATABASE_URL is
// set): enrol with a code the service made, fetch trust data, see a revocation change the app's verdict, upload
// with duplicates, and stop when the device is removed. The app side runs on fake-indexeddb with its real models.

import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage, type AppStorage } from '../../src/app/adapters/storage.ts';
import { createSyncClient } from '../../src/app/adapters/sync-client.ts';
import { OutboxUploader } from '../../src/app/models/outbox-uploader.ts';
import { SettingsModel } from '../../src/app/models/settings-model.ts';
import { SyncModel } from '../../src/app/models/sync-model.ts';
import { TrustModel } from '../../src/app/models/trust-model.ts';
import { toUploadRecord, verifyPassport, type StoredRedemption } from '../../src/core/index.ts';
import { BACKENDS } from './support/backends.ts';
import { startFlakyProxy, seededRandom } from './support/flaky-proxy.ts';
import { createPartner, enrol, enrolmentCode } from './support/scheme-fixtures.ts';
import { adminCall, startTestService, type TestService } from './support/test-service.ts';

let dbNumber = 0;

describe.each(BACKENDS)('the app syncing with the real service ($name)', (backend) => {
  let t: TestService;
  let storage: AppStorage;
  let app: { settings: SettingsModel; trust: TrustModel; sync: SyncModel };
  let qrText: string;
  let jti: string;

  beforeAll(async () => {
    t = await startTestService(backend);
    await createPartner(t.url, 'corner-shop', ['coffee', 'parking']);
    const issued = await adminCall(t.url, 'POST', '/admin/api/passports', { iss: 'uk.test.vasl', cat: 'adult', name: 'Amara Testcarer' });
    qrText = issued.data.qrText;
    jti = issued.data.passport.jti;

    storage = await openStorage(`sync-integration-${backend.name}-${++dbNumber}`);
    const settings = new SettingsModel(storage);
    await settings.load();
    const trust = new TrustModel({ storage, roots: [t.keys.pinned], fetchShipped: async () => undefined, now: () => t.clock.now * 1000 });
    void trust.start();
    const sync = new SyncModel({
      storage,
      client: createSyncClient({ timeoutMs: 10_000 }),
      roots: [t.keys.pinned],
      trust,
      adoptProfile: (profile) => settings.adoptProfile(profile),
      now: () => t.clock.now * 1000,
    });
    await sync.load();
    app = { settings, trust, sync };
  });
  afterAll(async () => {
    app?.sync.uploader.stop();
    storage?.close();
    await t?.stop();
  });

  const verdict = () => {
    const state = app.trust.state.value;
    if (!state) throw new Error('the app holds no trust data');
    return verifyPassport(qrText, { bundle: state.bundle, statusLists: state.statusLists, now: t.clock.now });
  };

  async function record(overrides: Partial<StoredRedemption> = {}): Promise<StoredRedemption> {
    const stored: StoredRedemption = {
      id: crypto.randomUUID(),
      redeemedAt: new Date(t.clock.now * 1000).toISOString(),
      offerId: 'coffee',
      partnerId: app.settings.settings.value.profile.id,
      deviceId: app.sync.deviceId.value,
      iss: 'uk.test.vasl',
      jti,
      verdict: 'VALID',
      uploaded: 0,
      ...overrides,
    };
    await storage.addRedemption(stored);
    return stored;
  }

  const held = async (ids: string[]) =>
    (await t.database.db.query<{ n: number | string }>('SELECT count(*) AS n FROM redemptions WHERE id = ANY($1::uuid[])', [ids]))[0]!.n;

  it('enrols with a code the service made, and takes the partner profile and device id from it', async () => {
    expect(await app.sync.enrol(await enrolmentCode(t.url, 'corner-shop'))).toBe(true);
    expect(app.sync.enrolment.value).toMatchObject({ serviceUrl: t.url, partnerId: 'corner-shop', schemeId: 'test-scheme', revoked: false });
    expect(app.settings.settings.value.profile).toMatchObject({ id: 'corner-shop', offers: [{ id: 'coffee' }, { id: 'parking' }] });
    expect(app.sync.deviceId.value).toMatch(/^dev-[a-z0-9]+$/);
    const [device] = await t.database.db.query<{ partner_id: string }>('SELECT partner_id FROM devices WHERE id = $1', [app.sync.deviceId.value]);
    expect(device?.partner_id).toBe('corner-shop');
  });

  it('fetches the trust bundle and every status list, and the passport reads VALID', async () => {
    await expect.poll(() => app.sync.checking.value === false && app.trust.state.value !== undefined, { timeout: 10_000 }).toBe(true);
    const state = app.trust.state.value!;
    expect(state.bundle.iss).toBe('test-scheme');
    expect(state.statusLists.all().length).toBeGreaterThanOrEqual(1);
    expect((await verdict()).code).toBe('VALID');
  });

  it('sees a passport revoked at the service as REVOKED after the next refresh', async () => {
    t.clock.now += 60;
    expect((await adminCall(t.url, 'POST', `/admin/api/passports/uk.test.vasl/${jti}/revoke`)).status).toBe(200);
    expect((await verdict()).code).toBe('VALID'); // not until it refreshes
    const check = await app.sync.refreshTrust();
    expect(check?.outcome).toBe('updated');
    expect((await verdict()).code).toBe('REVOKED');
    // and the adopted data is what a restart starts from, offline
    const restarted = new TrustModel({ storage, roots: [t.keys.pinned], fetchShipped: async () => undefined });
    const state = await restarted.start();
    expect((await verifyPassport(qrText, { bundle: state!.bundle, statusLists: state!.statusLists, now: t.clock.now })).code).toBe('REVOKED');
  });

  it('uploads records once each, even when the same batch reaches the service twice', async () => {
    const records = [await record(), await record({ offerId: 'parking' }), await record()];
    const ids = records.map((r) => r.id);
    // an earlier attempt got through but its answer was lost: the service holds the batch, the device does not know
    const enrolment = app.sync.enrolment.value!;
    const first = await createSyncClient().upload(enrolment.serviceUrl, enrolment.deviceToken, records.map(toUploadRecord));
    expect(first.ok && first.results.map((r) => r.status)).toEqual(['stored', 'stored', 'stored']);
    expect(await storage.countWaiting()).toBe(3);

    await app.sync.upload('manual');
    expect(app.sync.uploader.status.value).toBe('idle');
    expect(await storage.countWaiting()).toBe(0);
    expect(Number(await held(ids))).toBe(3);
    await app.sync.upload('manual'); // nothing left to send
    expect(Number(await held(ids))).toBe(3);
  });

  it('marks a record the service refuses and keeps it on the device', async () => {
    const stray = await record({ partnerId: 'another-partner' });
    await app.sync.upload('manual');
    expect(app.sync.uploader.rejected.value.map((r) => r.id)).toContain(stray.id);
    expect(app.sync.uploader.rejected.value.find((r) => r.id === stray.id)?.reason).toBe('not your partner');
    expect(await storage.countWaiting()).toBe(0);
    expect(Number(await held([stray.id]))).toBe(0);
  });

  it('stops uploading when the device is removed from the scheme, keeping the records', async () => {
    expect((await adminCall(t.url, 'POST', `/admin/api/devices/${app.sync.deviceId.value}/revoke`)).status).toBe(200);
    const kept = await record();
    await app.sync.upload('manual');
    await expect.poll(() => app.sync.revoked.value).toBe(true);
    expect(app.sync.uploader.status.value).toBe('revoked');
    expect(await storage.countWaiting()).toBe(1);
    expect(Number(await held([kept.id]))).toBe(0);

    // enrolling again with a new code lets the kept record go: it carries the old device id, of the same partner
    expect(await app.sync.enrol(await enrolmentCode(t.url, 'corner-shop'))).toBe(true);
    await expect.poll(() => app.sync.uploader.status.value, { timeout: 10_000 }).toBe('idle');
    const fresh = await record();
    await app.sync.upload('manual');
    expect(Number(await held([fresh.id]))).toBe(1);
    await expect.poll(async () => Number(await held([kept.id])), { timeout: 10_000 }).toBe(1);
    expect(app.sync.uploader.rejected.value.find((r) => r.id === kept.id)).toBeUndefined();
    expect(await storage.countWaiting()).toBe(0);
  });
});

describe.each(BACKENDS)("the app's outbox through a network that fails a third of requests ($name)", (backend) => {
  it('uploads 10,000 queued records; the service ends with exactly 10,000 and the outbox is empty', { timeout: 240_000 }, async () => {
    const t = await startTestService(backend, { uploadLimit: { max: 100_000, timeWindowMs: 60_000 } });
    const proxy = await startFlakyProxy(t.url, 1 / 3, seededRandom(4_242));
    const storage = await openStorage(`sync-fault-${backend.name}-${++dbNumber}`);
    try {
      await createPartner(t.url, 'corner-shop');
      const device = await enrol(t.url, 'corner-shop');
      for (let i = 0; i < 10_000; i++) {
        await storage.addRedemption({
          id: crypto.randomUUID(),
          redeemedAt: new Date(Date.UTC(2027, 0, 15, 9) + i * 1000).toISOString(),
          offerId: 'coffee', partnerId: 'corner-shop', deviceId: device.deviceId, iss: 'uk.test.vasl', jti: `P-${i % 900}`, verdict: 'VALID', uploaded: 0,
        });
      }
      const uploader = new OutboxUploader({
        storage,
        client: createSyncClient({ timeoutMs: 30_000 }),
        session: () => ({ serviceUrl: proxy.url, token: device.deviceToken }),
        baseDelayMs: 5,
        maxDelayMs: 100,
      });
      await uploader.upload('start'); // failures retry on their own after the back-off
      await expect.poll(async () => storage.countWaiting(), { timeout: 200_000, interval: 200 }).toBe(0);
      uploader.stop();
      const [row] = await t.database.db.query<{ n: number | string }>('SELECT count(*) AS n FROM redemptions WHERE device_id = $1', [device.deviceId]);
      expect(Number(row!.n)).toBe(10_000);
      expect((await storage.listRejected()).length).toBe(0);
      expect(proxy.faults['drop-after'] + proxy.faults['500-after']).toBeGreaterThan(0); // some batches were stored but not acknowledged
    } finally {
      storage.close();
      await proxy.close();
      await t.stop();
    }
  });
});
