// @vitest-environment node
// The outbox uploader against a fake scheme service at the network boundary (msw) and IndexedDB (fake-indexeddb):
// records change state only from the service's answer, whatever goes wrong on the way.

import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openStorage, type AppStorage } from '../../src/app/adapters/storage.ts';
import { createSyncClient } from '../../src/app/adapters/sync-client.ts';
import { ALONE_ATTEMPTS, backoffDelay, FAILED_EVERY_TIME, OutboxUploader, type UploaderDeps } from '../../src/app/models/outbox-uploader.ts';
import type { RedemptionRecord, StoredRedemption } from '../../src/core/index.ts';

const SVC = 'https://scheme.test.example';
const TOKEN = 'tok_abcdefghijklmnopqrstuvwxyz012345';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  vi.useRealTimers();
});
afterAll(() => server.close());

/** A fake service that stores each record id once, as the real one does; `mode` makes it misbehave. */
type Mode = 'ok' | '401' | '500' | 'offline' | 'lost-answer' | 'other-ids' | 'not-json' | 'reject-odd';
function fakeService() {
  const held = new Map<string, RedemptionRecord>();
  const state = { mode: 'ok' as Mode, requests: 0, batchSizes: [] as number[], inFlight: 0, maxInFlight: 0 };
  server.use(
    http.post(`${SVC}/v1/redemptions`, async ({ request }) => {
      state.requests++;
      state.inFlight++;
      state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
      try {
        await new Promise((r) => setImmediate(r));
        const { records } = (await request.json()) as { records: RedemptionRecord[] };
        state.batchSizes.push(records.length);
        if (state.mode === '401') return HttpResponse.json({ error: 'unauthorised' }, { status: 401 });
        if (state.mode === '500') return new HttpResponse('boom', { status: 500 });
        if (state.mode === 'offline') return HttpResponse.error();
        if (state.mode === 'not-json') return HttpResponse.text('<h1>Bad gateway</h1>');
        if (state.mode === 'other-ids') return HttpResponse.json({ results: [{ id: '11111111-1111-4111-8111-111111111111', status: 'stored' }] });
        const results = records.map((r, n) => {
          if (state.mode === 'reject-odd' && n % 2 === 1) return { id: r.id, status: 'rejected', reason: 'offerId is missing or not an id' };
          if (held.has(r.id)) return { id: r.id, status: 'duplicate' };
          held.set(r.id, r);
          return { id: r.id, status: 'stored' };
        });
        // the service stored them, but the answer never reaches the device (tab closed, network dropped)
        if (state.mode === 'lost-answer') return HttpResponse.error();
        return HttpResponse.json({ results });
      } finally {
        state.inFlight--;
      }
    }),
  );
  return { held, state };
}

let storage: AppStorage;
let dbCount = 0;
beforeEach(async () => {
  storage = await openStorage(`uploader-test-${++dbCount}`);
});

async function addRecords(n: number, from = 0): Promise<StoredRedemption[]> {
  const made: StoredRedemption[] = [];
  for (let i = from; i < from + n; i++) {
    const record: StoredRedemption = {
      id: crypto.randomUUID(),
      redeemedAt: new Date(Date.UTC(2027, 0, 15, 9, 0, 0) + i * 1000).toISOString(),
      offerId: 'coffee',
      partnerId: 'corner-shop',
      deviceId: 'dev-1',
      iss: 'uk.test.carers',
      jti: `TST-${1000 + i}`,
      verdict: 'VALID',
      uploaded: 0,
    };
    await storage.addRedemption(record);
    made.push(record);
  }
  return made;
}

function uploader(overrides: Partial<UploaderDeps> = {}) {
  return new OutboxUploader({
    storage,
    client: createSyncClient({ timeoutMs: 500 }),
    session: () => ({ serviceUrl: SVC, token: TOKEN }),
    random: () => 0.5,
    ...overrides,
  });
}

describe('the outbox uploader', () => {
  it('uploads waiting records and marks them uploaded once the service has answered', async () => {
    const service = fakeService();
    await addRecords(3);
    const model = uploader();
    await model.upload('start');
    expect(service.held.size).toBe(3);
    expect(await storage.countWaiting()).toBe(0);
    expect(model.waiting.value).toBe(0);
    expect((await storage.listRedemptions()).every((r) => r.uploaded === 1)).toBe(true);
    expect(model.status.value).toBe('idle');
  });

  it('sends a large outbox in batches of at most 500', async () => {
    const service = fakeService();
    await addRecords(1_101);
    await uploader().upload('start');
    expect(service.state.batchSizes).toEqual([500, 500, 101]);
    expect(service.held.size).toBe(1_101);
    expect(await storage.countWaiting()).toBe(0);
  });

  it('marks refused records, keeps them visible and does not send them again', async () => {
    const service = fakeService();
    service.state.mode = 'reject-odd';
    const records = await addRecords(4);
    const model = uploader();
    await model.upload('start');
    expect(await storage.countWaiting()).toBe(0);
    expect(model.rejected.value.map((r) => r.id).sort()).toEqual([records[1]!.id, records[3]!.id].sort());
    expect(model.rejected.value[0]!.reason).toBe('offerId is missing or not an id');
    expect((await storage.listRedemptions()).length).toBe(4); // still on the device
    const before = service.state.requests;
    await model.upload('manual');
    expect(service.state.requests).toBe(before); // nothing left to send
  });

  it('stops on 401, keeps every record and says the device was removed', async () => {
    const service = fakeService();
    service.state.mode = '401';
    await addRecords(2);
    const onUnauthorised = vi.fn();
    const model = uploader({ onUnauthorised });
    await model.upload('start');
    expect(model.status.value).toBe('revoked');
    expect(onUnauthorised).toHaveBeenCalledOnce();
    expect(await storage.countWaiting()).toBe(2);
    await model.upload('interval');
    await model.upload('online');
    expect(service.state.requests).toBe(1);
  });

  it('keeps the records on 500 and tries again after the back-off', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const service = fakeService();
    service.state.mode = '500';
    await addRecords(2);
    const model = uploader({ random: () => 0.5 });
    await model.upload('start');
    expect(await storage.countWaiting()).toBe(2);
    expect(model.status.value).toBe('waiting-to-retry');
    expect(model.retryAt.value! - Date.now()).toBe(1_000); // 0.5 x 2 s
    service.state.mode = 'ok';
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.waitFor(() => expect(model.status.value).toBe('idle'));
    expect(service.held.size).toBe(2);
    expect(await storage.countWaiting()).toBe(0);
  });

  it('keeps the records when offline or when the service does not answer in time', async () => {
    const service = fakeService();
    service.state.mode = 'offline';
    await addRecords(2);
    const model = uploader();
    await model.upload('start');
    expect(model.lastProblem.value).toBe('offline');
    expect(await storage.countWaiting()).toBe(2);
    server.use(http.post(`${SVC}/v1/redemptions`, () => new Promise<never>(() => {})));
    await model.upload('manual');
    expect(model.lastProblem.value).toBe('timeout');
    expect(await storage.countWaiting()).toBe(2);
  });

  it('acknowledges nothing from an answer that is not JSON or names records it was not sent', async () => {
    const service = fakeService();
    await addRecords(2);
    const model = uploader();
    service.state.mode = 'not-json';
    await model.upload('start');
    expect(model.lastProblem.value).toBe('malformed');
    service.state.mode = 'other-ids';
    await model.upload('manual');
    expect(model.lastProblem.value).toBe('malformed');
    expect(await storage.countWaiting()).toBe(2);
    expect(model.rejected.value).toEqual([]);
  });

  it('loses nothing when the answer is lost after the service stored the batch: the resend comes back duplicate', async () => {
    const service = fakeService();
    await addRecords(3);
    const model = uploader();
    service.state.mode = 'lost-answer';
    await model.upload('start');
    expect(service.held.size).toBe(3);
    expect(await storage.countWaiting()).toBe(3); // the device did not hear back, so it keeps them
    service.state.mode = 'ok';
    await model.upload('online');
    expect(await storage.countWaiting()).toBe(0);
    expect(service.held.size).toBe(3); // stored once
  });

  it('has one upload in flight at a time, and a trigger during it is served by a second pass', async () => {
    const service = fakeService();
    await addRecords(2);
    const model = uploader();
    const first = model.upload('start');
    const second = model.upload('redemption');
    await addRecords(1, 10);
    await Promise.all([first, second]);
    await model.upload('manual');
    expect(service.state.maxInFlight).toBe(1);
    expect(service.held.size).toBe(3);
  });

  it('does not upload when the device is not enrolled, and says so', async () => {
    const service = fakeService();
    await addRecords(1);
    const model = uploader({ session: () => undefined });
    await model.upload('start');
    expect(model.status.value).toBe('not-enrolled');
    expect(service.state.requests).toBe(0);
  });
});

/** A service that stores records as the real one does, but fails (500) on any batch holding one of `bad`. */
function serviceFailingOn(bad: ReadonlySet<string>, failure: () => Response = () => new HttpResponse('boom', { status: 500 })) {
  const held = new Map<string, RedemptionRecord>();
  const batches: string[][] = [];
  server.use(
    http.post(`${SVC}/v1/redemptions`, async ({ request }) => {
      const { records } = (await request.json()) as { records: RedemptionRecord[] };
      batches.push(records.map((r) => r.id));
      if (records.some((r) => bad.has(r.id))) return failure();
      for (const r of records) held.set(r.id, r);
      return HttpResponse.json({ results: records.map((r) => ({ id: r.id, status: 'stored' })) });
    }),
  );
  return { held, batches };
}

describe('one bad record never blocks the outbox (issue 8, point 5)', () => {
  it('a batch that keeps failing with 500 is split so the good records go, and the bad one ends refused, shown as such', async () => {
    const records = await addRecords(40);
    const bad = records[13]!;
    const service = serviceFailingOn(new Set([bad.id]));
    const model = uploader();
    await model.upload('start'); // the whole batch fails once: an ordinary back-off
    expect(service.batches.map((b) => b.length)).toEqual([40]);
    expect(service.held.size).toBe(0);
    await model.upload('manual'); // fails again: split in halves, then smaller, down to the one record
    expect(service.held.size).toBe(39);
    expect(service.held.has(bad.id)).toBe(false);
    expect(service.batches.length).toBeLessThan(20); // halvings, not one request a record
    expect(await storage.countWaiting()).toBe(1);
    expect(model.status.value).toBe('waiting-to-retry');
    for (let n = 1; n < ALONE_ATTEMPTS; n++) await model.upload('manual'); // its retries, alone
    expect(model.rejected.value).toEqual([{ id: bad.id, reason: FAILED_EVERY_TIME, at: expect.any(String) }]);
    expect(await storage.countWaiting()).toBe(0);
    expect(model.waiting.value).toBe(0);
    expect(model.status.value).toBe('idle');
    expect((await storage.listRedemptions()).find((r) => r.id === bad.id)).toMatchObject({ uploaded: 0 }); // still on the device
    const sent = service.batches.length;
    await addRecords(2, 100);
    await model.upload('redemption');
    expect(service.batches.length).toBe(sent + 1); // later records go in one batch: the refused one is not sent again
    expect(service.held.size).toBe(41);
  });

  it('a service that fails on everything refuses nothing: the records wait, and each pass is a handful of requests', async () => {
    const records = await addRecords(16);
    const service = serviceFailingOn(new Set(records.map((r) => r.id))); // every batch holds a record it fails on
    const model = uploader();
    for (let n = 0; n < 6; n++) await model.upload('manual');
    expect(model.rejected.value).toEqual([]);
    expect(await storage.countWaiting()).toBe(16);
    expect(service.batches.length).toBeLessThanOrEqual(6 * 41);
  });

  it.each([
    ['503 with Retry-After', () => new HttpResponse('starting', { status: 503, headers: { 'retry-after': '7' } })],
    ['503', () => new HttpResponse('unavailable', { status: 503 })],
    ['429 with Retry-After', () => HttpResponse.json({ error: 'rate-limited' }, { status: 429, headers: { 'retry-after': '7' } })],
    ['502 from a proxy', () => new HttpResponse('bad gateway', { status: 502 })],
    ['500 with Retry-After', () => new HttpResponse('busy', { status: 500, headers: { 'retry-after': '7' } })],
  ])('%s is back-pressure, not a bad record: never split, nothing refused, the wait is honoured', async (label, answer) => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const records = await addRecords(8);
    const service = serviceFailingOn(new Set([records[2]!.id]), answer);
    const model = uploader({ random: () => 0 });
    for (let n = 0; n < ALONE_ATTEMPTS + 3; n++) await model.upload('manual');
    expect(service.batches.map((b) => b.length)).toEqual(new Array(ALONE_ATTEMPTS + 3).fill(8));
    expect(model.rejected.value).toEqual([]);
    expect(await storage.countWaiting()).toBe(8);
    if (label.includes('Retry-After')) expect(model.retryAt.value! - Date.now()).toBe(7_000);
  });

  it('a service that answers for only part of a batch: the answered records are settled, the rest wait, and the uploader does not spin', async () => {
    const records = await addRecords(5);
    const batches: number[] = [];
    server.use(
      http.post(`${SVC}/v1/redemptions`, async ({ request }) => {
        const { records: sent } = (await request.json()) as { records: RedemptionRecord[] };
        batches.push(sent.length);
        // every record of the batch but the last
        return HttpResponse.json({ results: sent.slice(0, -1).map((r) => ({ id: r.id, status: 'stored' })) });
      }),
    );
    const model = uploader();
    await model.upload('start');
    expect(batches).toEqual([5]); // one request: the last record waits for the back-off, not for a loop
    expect(model.lastProblem.value).toBe('malformed');
    expect(model.status.value).toBe('waiting-to-retry');
    expect(await storage.countWaiting()).toBe(1);
    expect((await storage.listRedemptions()).filter((r) => r.uploaded === 1).map((r) => r.id).sort()).toEqual(records.slice(0, 4).map((r) => r.id).sort());
    expect(model.rejected.value).toEqual([]);
  });
});

describe('the back-off schedule', () => {
  it('doubles from 2 s up to a 5 minute cap, with full jitter between 0 and that ceiling', () => {
    const top = () => 0.999_999;
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => Math.round(backoffDelay(n, top) / 1000))).toEqual([2, 4, 8, 16, 32, 64, 128, 256, 300, 300]);
    expect(backoffDelay(5, () => 0)).toBe(0);
    expect(backoffDelay(3, () => 0.25)).toBe(2_000);
  });

  it('waits longer after each failure in a row, and automatic triggers do not jump the queue', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const service = fakeService();
    service.state.mode = '500';
    await addRecords(1);
    const model = uploader({ random: () => 0.999_999 });
    await model.upload('start');
    const waits: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      const wait = model.retryAt.value! - Date.now();
      waits.push(Math.round(wait / 1000));
      await model.upload('interval'); // respects the back-off: no request
      await model.upload('redemption');
      const before = service.state.requests;
      await vi.advanceTimersByTimeAsync(wait);
      await vi.waitFor(() => expect(service.state.requests).toBe(before + 1));
      await vi.waitFor(() => expect(model.status.value).toBe('waiting-to-retry'));
    }
    expect(waits).toEqual([2, 4, 8, 16, 32]);
    // the network coming back does not wait
    service.state.mode = 'ok';
    await model.upload('online');
    expect(await storage.countWaiting()).toBe(0);
  });
});
