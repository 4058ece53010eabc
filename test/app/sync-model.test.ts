// @vitest-environment node
// The sync model with real storage (fake-indexeddb), the real trust and settings models, and a fake service (msw):
// enrolment against the pinned root, trust refresh that only ever moves forward, and a removed device.

import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStorage, type AppStorage } from '../../src/app/adapters/storage.ts';
import { createSyncClient } from '../../src/app/adapters/sync-client.ts';
import { SettingsModel } from '../../src/app/models/settings-model.ts';
import { SyncModel } from '../../src/app/models/sync-model.ts';
import { TrustModel } from '../../src/app/models/trust-model.ts';
import { generateSigningKey, signCompact, signStatusList, verifyPassport } from '../../src/core/index.ts';
import { LIST_URI, makeAppScheme, REVOKED_IDX, type AppScheme } from './support/scheme.ts';

const SVC = 'https://scheme.test.example';
const WK = `${SVC}/.well-known/carers-passport`;
const TOKEN = 'tok_abcdefghijklmnopqrstuvwxyz012345';
const NOW = 1_800_000_000;
const profile = {
  id: 'corner-shop',
  name: 'Corner Shop',
  kind: 'shop',
  timeZone: 'Europe/London',
  offers: [{ id: 'coffee', title: 'Free coffee', description: '', kind: 'benefit', categories: ['adult'], limit: { kind: 'unlimited' } }],
};

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

let scheme: AppScheme;
let storage: AppStorage;
let n = 0;
beforeAll(async () => {
  scheme = await makeAppScheme(NOW);
});
beforeEach(async () => {
  storage = await openStorage(`sync-model-test-${++n}`);
});

/** The models as main.tsx wires them, on a clock fixed at NOW; the device holds the scheme's seq 1 data. */
async function build(options: { held?: boolean; publicTrustSource?: string } = {}) {
  if (options.held !== false) await storage.saveTrust({ bundleJwt: scheme.bundleJwt, listJwts: [scheme.listJwt], fetchedAt: new Date(NOW * 1000).toISOString() });
  const settings = new SettingsModel(storage);
  await settings.load();
  const trust = new TrustModel({ storage, roots: scheme.roots, fetchShipped: async () => undefined, now: () => NOW * 1000 });
  void trust.start();
  const sync = new SyncModel({
    storage,
    client: createSyncClient({ timeoutMs: 500 }),
    roots: scheme.roots,
    trust,
    adoptProfile: (p) => settings.adoptProfile(p),
    now: () => NOW * 1000,
    ...(options.publicTrustSource ? { publicTrustSource: options.publicTrustSource } : {}),
  });
  await sync.load();
  return { settings, trust, sync };
}

const code = (claims: Record<string, unknown> = {}, key = scheme.root.privateJwk) =>
  signCompact({ iss: 'test-scheme', iat: NOW - 60, exp: NOW + 86_400, jti: 'one-time-secret-123456', svc: SVC, partner: 'corner-shop', ...claims }, 'cp-enrol+jwt', key);

function enrolHandler(seen: { requests: number }) {
  return http.post(`${SVC}/v1/enrol`, () => {
    seen.requests++;
    return HttpResponse.json({ deviceId: 'dev-till1', deviceToken: TOKEN, profile });
  });
}

describe('enrolment', () => {
  it('enrols with a code signed by the pinned root: stores the token and device id and takes the partner profile', async () => {
    const seen = { requests: 0 };
    server.use(
      enrolHandler(seen),
      http.get(`${SVC}/v1/profile`, () => HttpResponse.json({ deviceId: 'dev-till1', profile })),
      http.get(`${WK}/trust-bundle.jwt`, () => HttpResponse.text(scheme.bundleJwt)),
      http.get(`${WK}/status-lists.json`, () => HttpResponse.json({ lists: [] })),
    );
    const { settings, sync } = await build();
    expect(await sync.enrol(await code())).toBe(true);
    expect(seen.requests).toBe(1);
    expect(sync.enrolMessage.value).toEqual({ ok: true, code: 'ENROLLED', partner: 'Corner Shop' });
    expect(sync.enrolment.value).toMatchObject({ serviceUrl: SVC, deviceToken: TOKEN, deviceId: 'dev-till1', partnerName: 'Corner Shop', schemeId: 'test-scheme', revoked: false });
    expect(settings.settings.value.profile.id).toBe('corner-shop');
    expect(sync.deviceId.value).toBe('dev-till1');
    expect(await storage.deviceId()).toBe('dev-till1');
    await expect.poll(() => sync.lastCheck.value?.outcome).toBe('up-to-date'); // it fetched trust data after enrolling

    // a restart finds it all again
    const again = await build();
    expect(again.sync.enrolment.value?.deviceToken).toBe(TOKEN);
    expect(again.settings.settings.value.profile.name).toBe('Corner Shop');
  });

  it('sends the device name staff gave, so the coordinator can tell devices apart', async () => {
    let body: unknown;
    server.use(
      http.post(`${SVC}/v1/enrol`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json({ deviceId: 'dev-till1', deviceToken: TOKEN, profile });
      }),
      http.get(`${SVC}/v1/profile`, () => HttpResponse.json({ deviceId: 'dev-till1', profile })),
      http.get(`${WK}/trust-bundle.jwt`, () => HttpResponse.text(scheme.bundleJwt)),
      http.get(`${WK}/status-lists.json`, () => HttpResponse.json({ lists: [] })),
    );
    const { sync } = await build();
    const enrolmentCode = await code();
    expect(await sync.enrol(`\n${enrolmentCode}  `, '  Till 1 ')).toBe(true);
    expect(body).toEqual({ code: enrolmentCode, deviceName: 'Till 1' });
    await expect.poll(() => sync.lastCheck.value).toBeDefined();
  });

  it('refuses a code signed by another key with a plain message and without calling any service', async () => {
    const seen = { requests: 0 };
    server.use(enrolHandler(seen));
    const { sync, settings } = await build();
    const stranger = await generateSigningKey('ES256');
    expect(await sync.enrol(await code({}, stranger.privateJwk))).toBe(false);
    expect(sync.enrolMessage.value).toEqual({ ok: false, code: 'CODE_BAD_SIGNATURE' });
    expect(seen.requests).toBe(0);
    expect(sync.enrolment.value).toBeUndefined();
    expect(settings.settings.value.profile.id).not.toBe('corner-shop');
  });

  it('refuses an expired code before calling the service', async () => {
    const seen = { requests: 0 };
    server.use(enrolHandler(seen));
    const { sync } = await build();
    expect(await sync.enrol(await code({ exp: NOW - 1 }))).toBe(false);
    expect(sync.enrolMessage.value?.code).toBe('CODE_EXPIRED');
    expect(seen.requests).toBe(0);
  });

  it("shows the service's words when it refuses the code (already used)", async () => {
    server.use(http.post(`${SVC}/v1/enrol`, () => HttpResponse.json({ error: 'used', message: 'This enrolment code has already been used. Ask the scheme for a new one.' }, { status: 409 })));
    const { sync } = await build();
    expect(await sync.enrol(await code())).toBe(false);
    expect(sync.enrolMessage.value).toEqual({ ok: false, code: 'REFUSED', detail: 'This enrolment code has already been used. Ask the scheme for a new one.' });
    expect(sync.enrolment.value).toBeUndefined();
  });

  it('says the service could not be reached when offline, and enrols nothing', async () => {
    server.use(http.post(`${SVC}/v1/enrol`, () => HttpResponse.error()));
    const { sync } = await build();
    expect(await sync.enrol(await code())).toBe(false);
    expect(sync.enrolMessage.value?.code).toBe('OFFLINE');
  });
});

async function enrolled() {
  await storage.saveSetting('sync-enrolment', {
    serviceUrl: SVC, deviceToken: TOKEN, deviceId: 'dev-till1', partnerId: 'corner-shop', partnerName: 'Corner Shop', schemeId: 'test-scheme', enrolledAt: '2027-01-15T08:00:00.000Z', revoked: false,
  });
  const models = await build();
  await models.trust.whenReady();
  return models;
}

function serveTrust(bundleJwt: string, listJwts: string[]) {
  server.use(
    http.get(`${WK}/trust-bundle.jwt`, () => HttpResponse.text(bundleJwt)),
    http.get(`${WK}/status-lists.json`, () => HttpResponse.json({ lists: listJwts.map((_, i) => ({ uri: `u${i}`, href: `status/x/${i}` })) })),
    ...listJwts.map((jwt, i) => http.get(`${WK}/status/x/${i}`, () => HttpResponse.text(jwt))),
  );
}

describe('trust data refresh', () => {
  it('adopts a newer cancellation list: a passport revoked at the service reads REVOKED after the refresh', async () => {
    const { sync, trust } = await enrolled();
    const qr = await scheme.passport({ idx: 3 });
    const verify = () => verifyPassport(qr, { bundle: trust.state.value!.bundle, statusLists: trust.state.value!.statusLists, now: NOW });
    expect((await verify()).code).toBe('VALID');
    const statuses = new Uint8Array(1024);
    statuses[REVOKED_IDX] = 1;
    statuses[3] = 1;
    serveTrust(scheme.bundleJwt, [await signStatusList({ uri: LIST_URI, iat: NOW - 60, bits: 2, statuses }, scheme.issuer.privateJwk)]);
    const check = await sync.refreshTrust();
    expect(check?.outcome).toBe('updated');
    expect((await verify()).code).toBe('REVOKED');
    expect((await storage.loadTrust())?.listJwts).toHaveLength(1); // the older list was replaced, not added
  });

  it('replaces the bundle only with a higher seq', async () => {
    const { sync, trust } = await enrolled();
    serveTrust(await scheme.signBundle({ seq: 1, iat: NOW - 10 }), []);
    expect((await sync.refreshTrust())?.outcome).toBe('up-to-date');
    expect(trust.state.value!.bundle.jwt).toBe(scheme.bundleJwt);
    const seq2 = await scheme.signBundle({ seq: 2, iat: NOW - 10 });
    serveTrust(seq2, []);
    expect((await sync.refreshTrust())?.outcome).toBe('updated');
    expect(trust.state.value!.bundle.seq).toBe(2);
    expect(trust.state.value!.statusLists.all()).toHaveLength(1); // the held list still verifies under the new bundle
    expect((await storage.loadTrust())?.bundleJwt).toBe(seq2);
  });

  it('keeps the held data when the fetched bundle is signed by a key that is not pinned, or is a rollback', async () => {
    const { sync, trust } = await enrolled();
    const stranger = await generateSigningKey('ES256');
    serveTrust(await scheme.signBundle({ seq: 9, root: stranger }), []);
    expect(await sync.refreshTrust()).toMatchObject({ outcome: 'bundle-refused', listsUpdated: 0, bundleReplaced: false });
    expect(trust.state.value!.bundle.jwt).toBe(scheme.bundleJwt);

    serveTrust(await scheme.signBundle({ seq: 2 }), []);
    await sync.refreshTrust();
    serveTrust(await scheme.signBundle({ seq: 1, iat: NOW }), []);
    expect((await sync.refreshTrust())?.outcome).toBe('bundle-refused');
    expect(trust.state.value!.bundle.seq).toBe(2);
  });

  it('ignores a list that does not verify and an older list; the held one stays', async () => {
    const { sync, trust } = await enrolled();
    const stranger = await generateSigningKey('ES256');
    const allValid = new Uint8Array(1024);
    const forged = await signStatusList({ uri: LIST_URI, iat: NOW, bits: 2, statuses: allValid }, stranger.privateJwk);
    const older = await signStatusList({ uri: LIST_URI, iat: NOW - 7200, bits: 2, statuses: allValid }, scheme.issuer.privateJwk);
    serveTrust(scheme.bundleJwt, [forged, older]);
    expect((await sync.refreshTrust())?.outcome).toBe('up-to-date');
    expect(trust.state.value!.statusLists.all().map((l) => l.jwt)).toEqual([scheme.listJwt]);
  });

  it('keeps working offline with the last good data, and says the update failed', async () => {
    const { sync, trust } = await enrolled();
    server.use(http.get(`${WK}/trust-bundle.jwt`, () => HttpResponse.error()), http.get(`${WK}/status-lists.json`, () => HttpResponse.error()));
    expect(await sync.refreshTrust()).toMatchObject({ outcome: 'failed', listsUpdated: 0, bundleReplaced: false });
    expect(trust.state.value!.bundle.jwt).toBe(scheme.bundleJwt);
  });

  it('does nothing before the device is enrolled (no service address known)', async () => {
    const { sync } = await build();
    expect(await sync.refreshTrust()).toBeUndefined();
  });

  it("before enrolment, takes the public trust data from the app's own origin when it is a scheme service", async () => {
    const { sync, trust } = await build({ publicTrustSource: `${SVC}/` });
    await trust.whenReady();
    const qr = await scheme.passport({ idx: 3 });
    const statuses = new Uint8Array(1024);
    statuses[3] = 1;
    serveTrust(scheme.bundleJwt, [await signStatusList({ uri: LIST_URI, iat: NOW - 60, bits: 2, statuses }, scheme.issuer.privateJwk)]);
    expect((await sync.refreshTrust())?.outcome).toBe('updated');
    const state = trust.state.value!;
    expect((await verifyPassport(qr, { bundle: state.bundle, statusLists: state.statusLists, now: NOW })).code).toBe('REVOKED');
  });

  it("before enrolment, says nothing when the app's origin publishes no trust data (a static web server)", async () => {
    server.use(http.get('https://static.test/*', () => new HttpResponse('Not found', { status: 404 })));
    const { sync, trust } = await build({ publicTrustSource: 'https://static.test/' });
    expect(await sync.refreshTrust()).toBeUndefined();
    expect(sync.lastCheck.value).toBeUndefined();
    expect(trust.state.value!.bundle.jwt).toBe(scheme.bundleJwt);
  });
});

describe('a removed device', () => {
  it('stops uploading on 401, remembers it across restarts and says so plainly', async () => {
    let uploads = 0;
    server.use(
      http.post(`${SVC}/v1/redemptions`, () => {
        uploads++;
        return HttpResponse.json({ error: 'unauthorised' }, { status: 401 });
      }),
    );
    const { sync } = await enrolled();
    await storage.addRedemption({
      id: crypto.randomUUID(), redeemedAt: '2027-01-15T09:00:00.000Z', offerId: 'coffee', partnerId: 'corner-shop', deviceId: 'dev-till1', iss: 'uk.test.carers', jti: 'TST-1', verdict: 'VALID', uploaded: 0,
    });
    await sync.upload('start');
    await expect.poll(() => sync.revoked.value).toBe(true);
    expect(sync.uploader.status.value).toBe('revoked');
    expect(await storage.countWaiting()).toBe(1);
    const restarted = await build();
    expect(restarted.sync.revoked.value).toBe(true);
    await restarted.sync.upload('start');
    expect(uploads).toBe(1);
  });
});

describe('when sync runs', () => {
  function serveAll(received: string[], state: { uploadsWork: boolean; bundleFetches: number }) {
    server.use(
      http.post(`${SVC}/v1/redemptions`, async ({ request }) => {
        if (!state.uploadsWork) return HttpResponse.error();
        const { records } = (await request.json()) as { records: { id: string }[] };
        received.push(...records.map((r) => r.id));
        return HttpResponse.json({ results: records.map((r) => ({ id: r.id, status: 'stored' })) });
      }),
      http.get(`${SVC}/v1/profile`, () => HttpResponse.json({ deviceId: 'dev-till1', profile })),
      http.get(`${WK}/trust-bundle.jwt`, () => {
        state.bundleFetches++;
        return HttpResponse.text(scheme.bundleJwt);
      }),
      http.get(`${WK}/status-lists.json`, () => HttpResponse.json({ lists: [] })),
    );
  }
  const newRecord = () => ({
    id: crypto.randomUUID(), redeemedAt: '2027-01-15T09:00:00.000Z', offerId: 'coffee', partnerId: 'corner-shop', deviceId: 'dev-till1', iss: 'uk.test.carers', jti: 'TST-1', verdict: 'VALID' as const, uploaded: 0 as const,
  });

  it('uploads after each redemption, and again as soon as the network comes back', async () => {
    const received: string[] = [];
    const state = { uploadsWork: true, bundleFetches: 0 };
    serveAll(received, state);
    const { sync } = await enrolled();
    let online: (() => void) | undefined;
    const stop = sync.start((listener) => ((online = listener), () => (online = undefined)), storage.onRedemptionAdded);
    try {
      const first = newRecord();
      await storage.addRedemption(first);
      await expect.poll(() => received).toContain(first.id);
      await expect.poll(() => sync.uploader.waiting.value).toBe(0);

      state.uploadsWork = false; // the network drops
      const second = newRecord();
      await storage.addRedemption(second);
      await expect.poll(() => sync.uploader.status.value).toBe('waiting-to-retry');
      expect(sync.uploader.waiting.value).toBe(1);

      state.uploadsWork = true;
      online!();
      await expect.poll(() => received).toContain(second.id);
      await expect.poll(() => sync.uploader.waiting.value).toBe(0);
    } finally {
      stop();
    }
    await expect.poll(() => sync.checking.value).toBe(false);
    expect(online).toBeUndefined(); // stopping removes the listener
  });

  it('refreshes trust data on its interval only while online', async () => {
    const state = { uploadsWork: true, bundleFetches: 0 };
    serveAll([], state);
    let isOnline = true;
    storage = await openStorage(`sync-model-interval-${++n}`);
    await storage.saveSetting('sync-enrolment', {
      serviceUrl: SVC, deviceToken: TOKEN, deviceId: 'dev-till1', partnerId: 'corner-shop', partnerName: 'Corner Shop', schemeId: 'test-scheme', enrolledAt: '2027-01-15T08:00:00.000Z', revoked: false,
    });
    const settings = new SettingsModel(storage);
    const trust = new TrustModel({ storage, roots: scheme.roots, fetchShipped: async () => undefined });
    void trust.start();
    const sync = new SyncModel({
      storage, client: createSyncClient(), roots: scheme.roots, trust, adoptProfile: (p) => settings.adoptProfile(p),
      isOnline: () => isOnline, trustEveryMs: 30, uploadEveryMs: 60_000,
    });
    await sync.load();
    const stop = sync.start();
    try {
      await expect.poll(() => state.bundleFetches).toBeGreaterThanOrEqual(3); // at start, then on the interval
      isOnline = false;
      await new Promise((r) => setTimeout(r, 60)); // let a refresh already under way finish
      const offlineFrom = state.bundleFetches;
      await new Promise((r) => setTimeout(r, 200));
      expect(state.bundleFetches).toBe(offlineFrom);
    } finally {
      stop();
    }
    await expect.poll(() => sync.checking.value).toBe(false);
  });
});
