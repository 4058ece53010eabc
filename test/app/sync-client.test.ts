// @vitest-environment node
// The sync client at the network boundary (msw): every answer becomes a typed value, never a throw.

import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSyncClient } from '../../src/app/adapters/sync-client.ts';
import { readUploadResults } from '../../src/app/adapters/sync-device-calls.ts';
import type { RedemptionRecord } from '../../src/core/index.ts';

const SVC = 'https://scheme.test.example/passport';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const profile = {
  id: 'corner-shop',
  name: 'Corner Shop',
  kind: 'shop',
  timeZone: 'Europe/London',
  offers: [{ id: 'coffee', title: 'Free coffee', description: '', kind: 'benefit', categories: ['adult'], limit: { kind: 'unlimited' } }],
};

function record(n: number): RedemptionRecord {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    redeemedAt: '2027-01-15T09:30:00.000Z',
    offerId: 'coffee',
    partnerId: 'corner-shop',
    deviceId: 'dev-1',
    iss: 'uk.test.carers',
    jti: 'TST-1001',
    verdict: 'VALID',
  };
}

const client = createSyncClient({ timeoutMs: 200 });
const TOKEN = 'tok_abcdefghijklmnopqrstuvwxyz012345';

describe('enrolment and profile', () => {
  it('posts the code to the service in the code and reads the device token and profile', async () => {
    let sent: unknown;
    server.use(
      http.post(`${SVC}/v1/enrol`, async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json({ deviceId: 'dev-abc', deviceToken: TOKEN, profile });
      }),
    );
    const answer = await client.enrol(SVC, 'the.code.here', 'Till 1');
    expect(sent).toEqual({ code: 'the.code.here', deviceName: 'Till 1' });
    expect(answer).toMatchObject({ ok: true, deviceId: 'dev-abc', deviceToken: TOKEN, profile: { id: 'corner-shop', name: 'Corner Shop' } });
  });

  it('gives the service its own words when it refuses a used code', async () => {
    server.use(http.post(`${SVC}/v1/enrol`, () => HttpResponse.json({ error: 'used', message: 'This enrolment code has already been used.' }, { status: 409 })));
    expect(await client.enrol(SVC, 'x.y.z')).toEqual({ ok: false, kind: 'refused', status: 409, code: 'used', message: 'This enrolment code has already been used.' });
  });

  it('calls an enrolment answer without a valid profile malformed', async () => {
    server.use(http.post(`${SVC}/v1/enrol`, () => HttpResponse.json({ deviceId: 'dev-abc', deviceToken: TOKEN, profile: { id: 'Bad Id' } })));
    expect(await client.enrol(SVC, 'x.y.z')).toMatchObject({ ok: false, kind: 'malformed' });
  });

  it('reads the profile with the bearer token', async () => {
    server.use(
      http.get(`${SVC}/v1/profile`, ({ request }) =>
        request.headers.get('authorization') === `Bearer ${TOKEN}` ? HttpResponse.json({ deviceId: 'dev-abc', profile }) : new HttpResponse(null, { status: 401 }),
      ),
    );
    expect(await client.profile(SVC, TOKEN)).toMatchObject({ ok: true, profile: { id: 'corner-shop' } });
    expect(await client.profile(SVC, 'tok_wrong_wrong_wrong_wrong')).toEqual({ ok: false, kind: 'unauthorised' });
  });
});

describe('trust data', () => {
  const WK = `${SVC}/.well-known/carers-passport`;
  it('fetches the bundle, the index and each list from its href relative to status-lists.json', async () => {
    server.use(
      http.get(`${WK}/trust-bundle.jwt`, () => HttpResponse.text('aaa.bbb.ccc\n')),
      http.get(`${WK}/status-lists.json`, () =>
        HttpResponse.json({ lists: [{ uri: 'https://x/1', href: 'status/uk.test/1' }, { uri: 'https://x/2', href: '../elsewhere/2' }] }),
      ),
      http.get(`${WK}/status/uk.test/1`, () => HttpResponse.text('ddd.eee.fff')),
      http.get(`${SVC}/.well-known/elsewhere/2`, () => HttpResponse.text('ggg.hhh.iii')),
    );
    expect(await client.fetchTrust(SVC)).toEqual({ ok: true, bundleJwt: 'aaa.bbb.ccc', listJwts: ['ddd.eee.fff', 'ggg.hhh.iii'], listsMissing: 0 });
  });

  it('keeps going when one list cannot be fetched, and says how many are missing', async () => {
    server.use(
      http.get(`${WK}/trust-bundle.jwt`, () => HttpResponse.text('aaa.bbb.ccc')),
      http.get(`${WK}/status-lists.json`, () => HttpResponse.json({ lists: [{ uri: 'u1', href: 'status/a/1' }, { uri: 'u2', href: 'status/b/1' }] })),
      http.get(`${WK}/status/a/1`, () => HttpResponse.text('ddd.eee.fff')),
      http.get(`${WK}/status/b/1`, () => new HttpResponse('nope', { status: 404 })),
    );
    expect(await client.fetchTrust(SVC)).toEqual({ ok: true, bundleJwt: 'aaa.bbb.ccc', listJwts: ['ddd.eee.fff'], listsMissing: 1 });
  });

  it('calls an HTML page in place of the bundle malformed', async () => {
    server.use(
      http.get(`${WK}/trust-bundle.jwt`, () => HttpResponse.html('<!doctype html><title>Captive portal</title>')),
      http.get(`${WK}/status-lists.json`, () => HttpResponse.json({ lists: [] })),
    );
    expect(await client.fetchTrust(SVC)).toMatchObject({ ok: false, kind: 'malformed' });
  });

  it('calls an index without lists malformed', async () => {
    server.use(
      http.get(`${WK}/trust-bundle.jwt`, () => HttpResponse.text('aaa.bbb.ccc')),
      http.get(`${WK}/status-lists.json`, () => HttpResponse.json({ lists: 'all of them' })),
    );
    expect(await client.fetchTrust(SVC)).toMatchObject({ ok: false, kind: 'malformed' });
  });
});

describe('upload', () => {
  const url = `${SVC}/v1/redemptions`;
  const batch = [record(1), record(2), record(3)];

  it('sends the records with the bearer token and reads one result per record', async () => {
    let body: unknown;
    server.use(
      http.post(url, async ({ request }) => {
        body = await request.json();
        expect(request.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
        return HttpResponse.json({ results: batch.map((r) => ({ id: r.id, status: 'stored' })) });
      }),
    );
    const answer = await client.upload(SVC, TOKEN, batch);
    expect(body).toEqual({ records: batch });
    expect(answer).toEqual({ ok: true, results: batch.map((r) => ({ id: r.id, status: 'stored' })) });
  });

  it('reads a partial acceptance: stored, duplicate and rejected with a reason', async () => {
    server.use(
      http.post(url, () =>
        HttpResponse.json({
          results: [
            { id: batch[0]!.id, status: 'stored' },
            { id: batch[1]!.id, status: 'duplicate' },
            { id: batch[2]!.id, status: 'rejected', reason: 'not your device' },
          ],
        }),
      ),
    );
    const answer = await client.upload(SVC, TOKEN, batch);
    expect(answer.ok && answer.results.map((r) => r.status)).toEqual(['stored', 'duplicate', 'rejected']);
    expect(answer.ok && answer.results[2]!.reason).toBe('not your device');
  });

  it('says unauthorised on 401 (the device was removed)', async () => {
    server.use(http.post(url, () => HttpResponse.json({ error: 'unauthorised', message: '...' }, { status: 401 })));
    expect(await client.upload(SVC, TOKEN, batch)).toEqual({ ok: false, kind: 'unauthorised' });
  });

  it('says server on 500 and 503', async () => {
    server.use(http.post(url, () => new HttpResponse('boom', { status: 500 })));
    expect(await client.upload(SVC, TOKEN, batch)).toEqual({ ok: false, kind: 'server', status: 500 });
    server.use(http.post(url, () => new HttpResponse('later', { status: 503 })));
    expect(await client.upload(SVC, TOKEN, batch)).toEqual({ ok: false, kind: 'server', status: 503 });
  });

  it('reads Retry-After on 429', async () => {
    server.use(http.post(url, () => HttpResponse.json({ error: 'rate-limited' }, { status: 429, headers: { 'retry-after': '7' } })));
    expect(await client.upload(SVC, TOKEN, batch)).toEqual({ ok: false, kind: 'rate-limited', retryAfterSeconds: 7 });
  });

  it('gives up after its timeout when the service does not answer', async () => {
    server.use(
      http.post(url, async () => {
        await delay(2_000);
        return HttpResponse.json({ results: [] });
      }),
    );
    const started = Date.now();
    expect(await client.upload(SVC, TOKEN, batch)).toEqual({ ok: false, kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('says offline when the request cannot be made at all', async () => {
    server.use(http.post(url, () => HttpResponse.error()));
    expect(await client.upload(SVC, TOKEN, batch)).toEqual({ ok: false, kind: 'offline' });
  });

  it('calls an answer that is not JSON malformed', async () => {
    server.use(http.post(url, () => HttpResponse.text('<html>proxy error</html>')));
    expect(await client.upload(SVC, TOKEN, batch)).toMatchObject({ ok: false, kind: 'malformed' });
  });

  it('calls an answer of the wrong shape malformed', async () => {
    server.use(http.post(url, () => HttpResponse.json({ results: [{ id: batch[0]!.id, status: 'kept' }] })));
    expect(await client.upload(SVC, TOKEN, batch)).toMatchObject({ ok: false, kind: 'malformed' });
    server.use(http.post(url, () => HttpResponse.json({ ok: true })));
    expect(await client.upload(SVC, TOKEN, batch)).toMatchObject({ ok: false, kind: 'malformed' });
    server.use(http.post(url, () => HttpResponse.json(null)));
    expect(await client.upload(SVC, TOKEN, batch)).toMatchObject({ ok: false, kind: 'malformed' });
  });

  it('trusts none of an answer that has results for records it did not send', async () => {
    server.use(http.post(url, () => HttpResponse.json({ results: [{ id: batch[0]!.id, status: 'stored' }, { id: record(99).id, status: 'stored' }] })));
    expect(await client.upload(SVC, TOKEN, batch)).toMatchObject({ ok: false, kind: 'malformed' });
  });

  it('matches result ids to sent ids without regard to case (the service stores UUIDs lower-case)', () => {
    const upper = { ...record(5), id: record(5).id.toUpperCase() };
    expect(readUploadResults({ results: [{ id: upper.id.toLowerCase(), status: 'stored' }] }, [upper])).toMatchObject({ ok: true });
  });
});

describe('the service clock (issue 11 point 4)', () => {
  it('gives the service\'s Date minus the device clock, and nothing once the service cannot be reached', async () => {
    const device = Date.parse('2027-01-15T09:00:00.000Z');
    const clocked = createSyncClient({ timeoutMs: 200, now: () => device });
    expect(clocked.clockOffsetMs?.()).toBeUndefined();
    server.use(http.get(`${SVC}/v1/profile`, () => HttpResponse.json({ deviceId: 'dev-abc', profile }, { headers: { date: 'Sat, 16 Jan 2027 09:00:00 GMT' } })));
    await clocked.profile(SVC, TOKEN);
    expect(clocked.clockOffsetMs?.()).toBe(86_400_000 + 500);
    server.use(http.get(`${SVC}/v1/profile`, () => HttpResponse.error()));
    await clocked.profile(SVC, TOKEN);
    expect(clocked.clockOffsetMs?.()).toBeUndefined();
  });
});
