// Trust data in the app: the shipped files (spec section 7 layout), the held copy, and files chosen by staff.
// A rejected bundle says why in plain words and never replaces the one held.

import { effect } from '@preact/signals';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { generateSigningKey, signStatusList } from '../../src/core/index.ts';
import { openStorage } from '../../src/app/adapters/storage.ts';
import { TrustModel } from '../../src/app/models/trust-model.ts';
import { createSyncClient } from '../../src/app/adapters/sync-client.ts';
import { ISSUER_NAME, LIST_URI, makeAppScheme, type AppScheme } from './support/scheme.ts';
import { fileProblemWords } from '../../src/app/components/trust-words.ts';
import { english } from '../../src/i18n/english.ts';

const NOW = Date.parse('2026-06-10T11:00:00Z') / 1000;
let scheme: AppScheme;
beforeAll(async () => {
  scheme = await makeAppScheme(NOW);
});

async function model(fetchShipped: () => Promise<{ bundleJwt: string; listJwts: string[] } | undefined>, storageName = `t-${Math.random()}`) {
  const storage = await openStorage(storageName);
  const trust = new TrustModel({ storage, roots: scheme.roots, fetchShipped, now: () => NOW * 1000 });
  await trust.start();
  return { trust, storage };
}

describe('loading trust data', () => {
  it('fetches the bundle, status-lists.json and each list from its href, relative to that file', async () => {
    const served = new Map([
      ['https://app.test/demo/trust-bundle.jwt', scheme.bundleJwt],
      ['https://app.test/demo/status-lists.json', JSON.stringify({ lists: [{ uri: LIST_URI, href: 'lists/a.jwt' }] })],
      ['https://app.test/demo/lists/a.jwt', scheme.listJwt],
    ]);
    const fetchFn = (async (url: string) => {
      const body = served.get(String(url));
      return new Response(body ?? '', { status: body === undefined ? 404 : 200 });
    }) as unknown as typeof fetch;
    const client = createSyncClient({ fetch: fetchFn });
    expect(await client.fetchShipped('https://app.test/')).toEqual({ ok: true, bundleJwt: scheme.bundleJwt, listJwts: [scheme.listJwt], listsMissing: 0 });
  });

  it('works offline from the copy held in IndexedDB', async () => {
    const name = `t-${Math.random()}`;
    await model(async () => ({ bundleJwt: scheme.bundleJwt, listJwts: [scheme.listJwt] }), name);
    const { trust } = await model(async () => undefined, name);
    expect(trust.state.value?.bundle.seq).toBe(1);
    expect(trust.info.value?.lists).toEqual([{ issuer: ISSUER_NAME, iat: NOW - 3600 }]);
  });

  it('a shipped bundle replaces the held one only with a higher seq, not with the same seq signed later', async () => {
    const name = `t-${Math.random()}`;
    const held = await scheme.signBundle({ seq: 7, iat: NOW - 7200 });
    await model(async () => ({ bundleJwt: held, listJwts: [] }), name);
    const sameSeqLater = await model(async () => ({ bundleJwt: await scheme.signBundle({ seq: 7, iat: NOW - 60 }), listJwts: [] }), name);
    expect(sameSeqLater.trust.state.value?.bundle.jwt).toBe(held);
    sameSeqLater.storage.close();
    const higher = await scheme.signBundle({ seq: 8, iat: NOW - 7200 });
    const { trust } = await model(async () => ({ bundleJwt: higher, listJwts: [] }), name);
    expect(trust.state.value?.bundle.jwt).toBe(higher);
  });

  it('with a copy held, checks the shipped files only when told to (after the first verdict), and adopts a newer bundle then', async () => {
    const name = `t-${Math.random()}`;
    await model(async () => ({ bundleJwt: scheme.bundleJwt, listJwts: [scheme.listJwt] }), name);
    const newer = await scheme.signBundle({ seq: 2, iat: NOW - 60 });
    const fetchShipped = vi.fn(async () => ({ bundleJwt: newer, listJwts: [] }));
    let checkNow = () => {};
    const shippedCheckWhen = () => new Promise<void>((resolve) => (checkNow = resolve));
    const trust = new TrustModel({ storage: await openStorage(name), roots: scheme.roots, fetchShipped, shippedCheckWhen, now: () => NOW * 1000 });
    const ready = trust.start();
    // usable at once from the held copy, and nothing fetched yet
    expect((await trust.whenUsable())?.bundle.seq).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fetchShipped).not.toHaveBeenCalled();
    checkNow();
    await ready;
    expect(fetchShipped).toHaveBeenCalledTimes(1);
    expect(trust.state.value?.bundle.seq).toBe(2);
  });

  it('with nothing held, fetches the shipped files at once even when told to wait (a first visit has nothing else)', async () => {
    const fetchShipped = vi.fn(async () => ({ bundleJwt: scheme.bundleJwt, listJwts: [scheme.listJwt] }));
    const never = () => new Promise<void>(() => {});
    const trust = new TrustModel({ storage: await openStorage(`t-${Math.random()}`), roots: scheme.roots, fetchShipped, shippedCheckWhen: never, now: () => NOW * 1000 });
    await trust.start();
    expect(fetchShipped).toHaveBeenCalledTimes(1);
    expect((await trust.whenUsable())?.bundle.seq).toBe(1);
  });

  it('does not adopt a shipped bundle signed by a root that is not pinned', async () => {
    const stranger = await generateSigningKey('ES256');
    const { trust } = await model(async () => ({ bundleJwt: await scheme.signBundle({ seq: 5, root: stranger }), listJwts: [] }));
    expect(trust.state.value).toBeUndefined();
  });
});

describe('files chosen by staff', () => {
  it('a bundle with the same seq as the held one is not used, and staff are told why', async () => {
    const { trust } = await model(async () => ({ bundleJwt: scheme.bundleJwt, listJwts: [scheme.listJwt] }));
    const sameSeq = await scheme.signBundle({ seq: 1, iat: NOW - 60 });
    expect(await trust.loadFiles([{ name: 'same.jwt', text: sameSeq }])).toBe(0);
    expect(trust.fileProblems.value.map((p) => fileProblemWords(english, p))).toEqual(['same.jwt was not used: it is not newer than the trust list this device already holds']);
    expect(trust.state.value?.bundle.jwt).toBe(scheme.bundleJwt);
  });

  it('a newer bundle and a newer list replace the held ones', async () => {
    const { trust, storage } = await model(async () => ({ bundleJwt: scheme.bundleJwt, listJwts: [scheme.listJwt] }));
    const newerList = await signStatusList({ uri: LIST_URI, iat: NOW - 60, bits: 2, statuses: new Uint8Array(1024) }, scheme.issuer.privateJwk);
    const loaded = await trust.loadFiles([
      { name: 'bundle.jwt', text: await scheme.signBundle({ seq: 2 }) },
      { name: 'list.jwt', text: newerList },
    ]);
    expect(loaded).toBe(2);
    expect(trust.fileProblems.value.map((p) => fileProblemWords(english, p))).toEqual([]);
    expect(trust.state.value?.bundle.seq).toBe(2);
    expect(trust.info.value?.lists[0]?.iat).toBe(NOW - 60);
    expect((await storage.loadTrust())?.listJwts).toEqual([newerList]);
  });

  it('an older bundle (rollback) or one from an unknown root is refused with the reason, and the held one stays', async () => {
    const { trust } = await model(async () => ({ bundleJwt: await scheme.signBundle({ seq: 3 }), listJwts: [scheme.listJwt] }));
    const stranger = await generateSigningKey('ES256');
    await trust.loadFiles([
      { name: 'old.jwt', text: await scheme.signBundle({ seq: 2 }) },
      { name: 'stranger.jwt', text: await scheme.signBundle({ seq: 9, root: stranger }) },
      { name: 'notes.txt', text: 'hello' },
    ]);
    expect(trust.state.value?.bundle.seq).toBe(3);
    expect(trust.fileProblems.value.map((p) => fileProblemWords(english, p))).toEqual([
      'old.jwt was not used: it is older than the trust bundle this device already holds',
      'stranger.jwt was not used: it was not signed by this scheme\u2019s trusted key',
      'notes.txt was not used: it is not a trust bundle or a cancellation list',
    ]);
  });

  it('a list signed by a key the bundle does not hold is refused plainly', async () => {
    const { trust } = await model(async () => ({ bundleJwt: scheme.bundleJwt, listJwts: [scheme.listJwt] }));
    const stranger = await generateSigningKey('ES256');
    const forged = await signStatusList({ uri: LIST_URI, iat: NOW, bits: 2, statuses: new Uint8Array(1024) }, stranger.privateJwk);
    expect(await trust.loadFiles([{ name: 'forged.jwt', text: forged }])).toBe(0);
    expect(trust.fileProblems.value.map((p) => fileProblemWords(english, p))).toEqual(['forged.jwt was not used: the cancellation list could not be used (it is signed by a key this device does not trust)']);
    expect(trust.info.value?.lists[0]?.iat).toBe(NOW - 3600);
  });
});

describe('how old the trust data is', () => {
  it('moves with the injected clock: a list an hour old reads two hours old an hour later, and stale past status_max_age', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      let clock = NOW * 1000;
      const storage = await openStorage(`t-${Math.random()}`);
      const trust = new TrustModel({ storage, roots: scheme.roots, fetchShipped: async () => ({ bundleJwt: scheme.bundleJwt, listJwts: [scheme.listJwt] }), now: () => clock });
      await trust.start();
      const shown: { seconds: number | undefined; staleDays: number | undefined }[] = [];
      // as a screen would: subscribed, so the clock ticks
      const stop = effect(() => {
        const list = trust.age.value?.lists[0];
        if (list) shown.push({ seconds: list.seconds, staleDays: list.staleDays });
      });
      expect(shown.at(-1)).toEqual({ seconds: 3600, staleDays: undefined });

      clock += 3600_000;
      vi.advanceTimersByTime(30_000);
      expect(shown.at(-1)).toEqual({ seconds: 7200, staleDays: undefined });
      expect(trust.age.value?.oldestList).toBe(7200);

      const maxAge = trust.state.value!.bundle.statusMaxAge;
      clock = (NOW - 3600 + maxAge + 2 * 86_400) * 1000;
      vi.advanceTimersByTime(30_000);
      expect(shown.at(-1)?.staleDays).toBe(Math.floor((maxAge + 2 * 86_400) / 86_400));
      stop();
      storage.close();
    } finally {
      vi.useRealTimers();
    }
  });
});
