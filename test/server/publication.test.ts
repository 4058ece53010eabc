// Spec section 7 against the running service: cacheable, open to any page, and what it publishes verifies with the core.

import { get } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrustState, decodeStatusList, loadTrustBundle, verifyPassport } from '../../src/core/index.ts';
import { BACKENDS } from './support/backends.ts';
import { adminCall, startTestService, type TestService } from './support/test-service.ts';

const WK = '/.well-known/carers-passport';

describe.each(BACKENDS)('publication ($name)', (backend) => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService(backend);
  });
  afterAll(() => t?.stop());

  async function fetchTrust() {
    const bundleJwt = await (await fetch(`${t.url}${WK}/trust-bundle.jwt`)).text();
    const loaded = await loadTrustBundle(bundleJwt, { roots: [t.keys.pinned] });
    if (!loaded.ok) throw new Error(`bundle rejected: ${loaded.reason}`);
    const index = (await (await fetch(`${t.url}${WK}/status-lists.json`)).json()) as { lists: { uri: string; href: string }[] };
    const lists = await Promise.all(index.lists.map(async (l) => (await fetch(new URL(l.href, `${t.url}${WK}/status-lists.json`))).text()));
    return { bundle: loaded.bundle, index, lists, state: await buildTrustState(loaded.bundle, lists) };
  }

  it('serves the trust bundle as application/jwt, cacheable and open to any origin, with 304 for a held ETag', async () => {
    const res = await fetch(`${t.url}${WK}/trust-bundle.jwt`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/jwt');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cache-control')).toMatch(/max-age=300/);
    const etag = res.headers.get('etag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await fetch(`${t.url}${WK}/trust-bundle.jwt`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
    const other = await fetch(`${t.url}${WK}/trust-bundle.jwt`, { headers: { 'if-none-match': '"something-else"' } });
    expect(other.status).toBe(200);
  });

  it('sends the bundle brotli- or gzip-compressed to a client that takes it, each with its own ETag, and a small file as it is', async () => {
    /** The raw answer, nothing decoded on the way (fetch would inflate it). */
    const raw = (path: string, headers: Record<string, string>) =>
      new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
        get(`${t.url}${path}`, { headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        }).on('error', reject);
      });
    const plain = await raw(`${WK}/trust-bundle.jwt`, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(512);
    const br = await raw(`${WK}/trust-bundle.jwt`, { 'accept-encoding': 'gzip, deflate, br' });
    const gz = await raw(`${WK}/trust-bundle.jwt`, { 'accept-encoding': 'gzip;q=1, br;q=0.5' });
    expect([br.headers['content-encoding'], gz.headers['content-encoding']]).toEqual(['br', 'gzip']);
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    expect(br.body.length).toBeLessThan(plain.body.length * 0.8);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    const tags = [plain, br, gz].map((r) => r.headers.etag);
    expect(new Set(tags).size).toBe(3);
    expect(br.headers.etag).toBe(String(plain.headers.etag).replace(/"$/, '-br"'));
    // a copy held in any encoding is still current
    for (const tag of tags) expect((await raw(`${WK}/trust-bundle.jwt`, { 'if-none-match': String(tag), 'accept-encoding': 'br' })).status).toBe(304);
    // a client that takes neither gets the body as it is
    for (const refuses of ['identity', 'br;q=0, gzip;q=0', '*;q=0']) {
      expect((await raw(`${WK}/trust-bundle.jwt`, { 'accept-encoding': refuses })).headers['content-encoding']).toBeUndefined();
    }
    // status-lists.json is a few hundred bytes: not worth compressing
    const index = await raw(`${WK}/status-lists.json`, { 'accept-encoding': 'br' });
    expect(index.body.length).toBeLessThan(512);
    expect(index.headers['content-encoding']).toBeUndefined();
  });

  it('answers a CORS preflight for If-None-Match from another origin', async () => {
    const res = await fetch(`${t.url}${WK}/status-lists.json`, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/If-None-Match/i);
  });

  it('publishes a bundle that loads with the pinned root and lists every issuer with its key', async () => {
    const { bundle } = await fetchTrust();
    expect(bundle.iss).toBe('test-scheme');
    expect(bundle.issuers.map((i) => i.iss).sort()).toEqual(['uk.test.vasl', 'uk.test.young']);
    expect(bundle.keysByKid.has(t.keys.issuers[1]!.key.kid)).toBe(true);
    expect(bundle.exp - bundle.iat).toBe(30 * 86_400);
  });

  it('serves roots.json as a JWK Set of public keys only', async () => {
    const res = await fetch(`${t.url}${WK}/roots.json`);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const set = (await res.json()) as { keys: Record<string, unknown>[] };
    expect(set.keys).toHaveLength(1);
    expect(set.keys[0]!.kid).toBe(t.keys.root.kid);
    expect(set.keys[0]!.d).toBeUndefined();
  });

  it('lists each status list with an href on this service, served as application/statuslist+jwt at full size', async () => {
    const { index, state } = await fetchTrust();
    expect(index.lists).toHaveLength(2);
    for (const list of index.lists) {
      expect(list.uri).toMatch(new RegExp(`^${t.url}${WK}/status/`)); // a real deployment names lists under its own address
      const res = await fetch(new URL(list.href, `${t.url}${WK}/status-lists.json`));
      expect(res.headers.get('content-type')).toBe('application/statuslist+jwt');
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('etag')).toBeTruthy();
      // spec section 7: when the uri is the service's own address, the list is served there too
      expect((await fetch(list.uri)).status).toBe(200);
    }
    expect(state.ignored).toEqual([]);
    expect(state.statusLists.all().map((l) => l.size)).toEqual([131_072, 131_072]);
  });

  it('turns a passport REVOKED, SUSPENDED and VALID again as the admin changes it, each time with a newer list', async () => {
    const issued = await adminCall(t.url, 'POST', '/admin/api/passports', { iss: 'uk.test.vasl', cat: 'adult', name: 'Zoë Ångström' });
    expect(issued.status).toBe(201);
    const { jti } = issued.data.passport;
    const verdict = async () => {
      const { bundle, state } = await fetchTrust();
      return verifyPassport(issued.data.qrText, { bundle, statusLists: state.statusLists, now: t.clock.now });
    };
    const listIat = async () => {
      const { lists, bundle } = await fetchTrust();
      const decoded = await Promise.all(lists.map((l) => decodeStatusList(l, bundle)));
      return Math.max(...decoded.map((d) => (d.ok && d.list.issuer === 'uk.test.vasl' ? d.list.iat : 0)));
    };
    expect((await verdict()).code).toBe('VALID');
    const before = await listIat();

    expect((await adminCall(t.url, 'POST', `/admin/api/passports/uk.test.vasl/${jti}/suspend`)).status).toBe(200);
    expect((await verdict()).code).toBe('SUSPENDED');
    const suspendedIat = await listIat();
    expect(suspendedIat).toBeGreaterThan(before); // same clock second, still a later iat

    expect((await adminCall(t.url, 'POST', `/admin/api/passports/uk.test.vasl/${jti}/reinstate`)).status).toBe(200);
    expect((await verdict()).code).toBe('VALID');

    expect((await adminCall(t.url, 'POST', `/admin/api/passports/uk.test.vasl/${jti}/revoke`)).status).toBe(200);
    expect((await verdict()).code).toBe('REVOKED');
    expect(await listIat()).toBeGreaterThan(suspendedIat);

    const again = await adminCall(t.url, 'POST', `/admin/api/passports/uk.test.vasl/${jti}/reinstate`);
    expect(again.status).toBe(400);
    expect(again.data.message).toMatch(/revoked/);
  });

  it('renewal keeps the passport number and status index, with new dates and a token that verifies', async () => {
    const issued = await adminCall(t.url, 'POST', '/admin/api/passports', { iss: 'uk.test.young', cat: 'young', name: 'Sam Lee' });
    const { jti, statusIdx, statusUri } = issued.data.passport;
    t.clock.now += 400 * 86_400;
    await t.service.refresh(); // a year on, the service has signed its lists again (daily)
    {
      const renewed = await adminCall(t.url, 'POST', `/admin/api/passports/uk.test.young/${jti}/renew`);
      expect(renewed.status).toBe(200);
      expect(renewed.data.passport).toMatchObject({ jti, statusIdx, statusUri, nbf: t.clock.now });
      expect(renewed.data.token).not.toBe(issued.data.token);
      const { bundle, state } = await fetchTrust();
      const verdict = await verifyPassport(renewed.data.qrText, { bundle, statusLists: state.statusLists, now: t.clock.now });
      expect(verdict).toMatchObject({ code: 'VALID', passport: { jti, name: 'Sam Lee', issuer: 'Test Young Carers' } });
    }
  });

  it('signs the bundle again with a higher seq once it is a day old', async () => {
    const first = (await fetchTrust()).bundle;
    await t.service.refresh();
    expect((await fetchTrust()).bundle.seq).toBe(first.seq);
    t.clock.now += 86_400;
    await t.service.refresh();
    const next = (await fetchTrust()).bundle;
    expect(next.seq).toBeGreaterThan(first.seq);
    expect(next.iat).toBe(t.clock.now);
  });

  it('refuses a category the issuer does not issue, and says so', async () => {
    const refused = await adminCall(t.url, 'POST', '/admin/api/passports', { iss: 'uk.test.young', cat: 'parent', name: 'A B' });
    expect(refused.status).toBe(400);
    expect(refused.data.message).toMatch(/does not issue the category parent/);
  });
});

describe.each(BACKENDS)('status list allocation ($name)', (backend) => {
  let t: TestService;
  // a tiny list size so the test can fill one; real lists are 131,072 entries (spec section 4)
  beforeAll(async () => {
    t = await startTestService(backend, { statusListSize: 3 });
  });
  afterAll(() => t?.stop());

  it('starts a new list with a new uri when the current one is full, and publishes both', async () => {
    const slots: { statusUri: string; statusIdx: number }[] = [];
    for (let i = 0; i < 4; i++) {
      const issued = await adminCall(t.url, 'POST', '/admin/api/passports', { iss: 'uk.test.vasl', cat: 'parent', name: `Carer ${i}` });
      slots.push(issued.data.passport);
    }
    expect(slots.map((s) => s.statusIdx)).toEqual([0, 1, 2, 0]);
    expect(slots[3]!.statusUri).not.toBe(slots[0]!.statusUri);
    expect(slots[3]!.statusUri).toMatch(/\/uk\.test\.vasl\/2$/);
    const index = (await (await fetch(`${t.url}${WK}/status-lists.json`)).json()) as { lists: { uri: string }[] };
    expect(index.lists.map((l) => l.uri)).toEqual(expect.arrayContaining([slots[0]!.statusUri, slots[3]!.statusUri]));
  });
});

describe.each(BACKENDS)('concurrent issuing ($name)', (backend) => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService(backend);
  });
  afterAll(() => t?.stop());

  it('gives 20 passports issued at once 20 different status indices, and the list still verifies', async () => {
    const issued = await Promise.all(
      Array.from({ length: 20 }, (_, i) => adminCall(t.url, 'POST', '/admin/api/passports', { iss: 'uk.test.vasl', cat: 'adult', name: `Carer ${i}` })),
    );
    expect(issued.map((r) => r.status)).toEqual(Array(20).fill(201));
    const indices = issued.map((r) => r.data.passport.statusIdx as number).sort((a, b) => a - b);
    expect(indices).toEqual(Array.from({ length: 20 }, (_, i) => i));
    await Promise.all(issued.slice(0, 10).map((r) => adminCall(t.url, 'POST', `/admin/api/passports/uk.test.vasl/${r.data.passport.jti}/revoke`)));
    const bundleJwt = await (await fetch(`${t.url}${WK}/trust-bundle.jwt`)).text();
    const loaded = await loadTrustBundle(bundleJwt, { roots: [t.keys.pinned] });
    if (!loaded.ok) throw new Error(loaded.reason);
    const index = (await (await fetch(`${t.url}${WK}/status-lists.json`)).json()) as { lists: { href: string }[] };
    const lists = await Promise.all(index.lists.map(async (l) => (await fetch(`${t.url}${WK}/${l.href}`)).text()));
    const state = await buildTrustState(loaded.bundle, lists);
    const codes = await Promise.all(issued.map((r) => verifyPassport(r.data.qrText, { bundle: loaded.bundle, statusLists: state.statusLists, now: t.clock.now })));
    // every revocation reached the published list, though they ran at the same time
    expect(codes.map((c) => c.code)).toEqual([...Array(10).fill('REVOKED'), ...Array(10).fill('VALID')]);
  });
});
