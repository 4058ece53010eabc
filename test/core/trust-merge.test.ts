// The one merge of trust data (spec sections 3 and 4), whatever the source: service, shipped files, staff's files.

import { beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKey, mergeFetchedTrust, signStatusList } from '../../src/core/index.ts';
import { LIST_URI, makeAppScheme, type AppScheme } from '../app/support/scheme.ts';

const NOW = Date.parse('2026-06-10T11:00:00Z') / 1000;
let scheme: AppScheme;
beforeAll(async () => {
  scheme = await makeAppScheme(NOW);
});

describe('merging trust data into what is held', () => {
  it('lists alone are checked against the held bundle; a newer one replaces the held list, a forged one is named by its place', async () => {
    const newer = await signStatusList({ uri: LIST_URI, iat: NOW - 60, bits: 2, statuses: new Uint8Array(1024) }, scheme.issuer.privateJwk);
    const forged = await signStatusList({ uri: LIST_URI, iat: NOW, bits: 2, statuses: new Uint8Array(1024) }, (await generateSigningKey('ES256')).privateJwk);
    const merge = await mergeFetchedTrust(scheme.trust, { listJwts: [forged, newer] }, scheme.roots);
    expect(merge).toMatchObject({ bundle: 'kept', listsUpdated: 1, listsIgnored: 1, ignored: [{ index: 0, problem: 'unknown-key' }] });
    expect(merge.next?.statusLists.all().map((l) => l.jwt)).toEqual([newer]);
  });

  it('the same bundle and lists again change nothing; a rollback is refused with its reason and the held data stays', async () => {
    expect((await mergeFetchedTrust(scheme.trust, { bundleJwt: scheme.bundleJwt, listJwts: [scheme.listJwt] }, scheme.roots)).next).toBeUndefined();
    const held = (await mergeFetchedTrust(undefined, { bundleJwt: await scheme.signBundle({ seq: 4 }), listJwts: [scheme.listJwt] }, scheme.roots)).next;
    const rollback = await mergeFetchedTrust(held, { bundleJwt: scheme.bundleJwt, listJwts: [] }, scheme.roots);
    expect(rollback).toMatchObject({ next: undefined, bundle: 'rejected', bundleRejection: 'rollback' });
  });

  it('under the held bundle, held lists stand as decoded (not inflated again) beside a newer fetched one', async () => {
    const other = 'https://status.example/other/1';
    const second = await signStatusList({ uri: other, iat: NOW - 60, bits: 2, statuses: new Uint8Array(1024) }, scheme.issuer.privateJwk);
    const merge = await mergeFetchedTrust(scheme.trust, { bundleJwt: scheme.bundleJwt, listJwts: [scheme.listJwt, second] }, scheme.roots);
    expect(merge).toMatchObject({ bundle: 'kept', listsUpdated: 1, listsIgnored: 0 });
    const held = scheme.trust.statusLists.all()[0]!;
    expect(merge.next?.statusLists.find(held.uri, held.issuer)).toBe(held);
    expect(merge.next?.statusLists.all().map((l) => l.uri).sort()).toEqual([LIST_URI, other].sort());
  });

  it("the held bundle's own token is taken as held only while its root is pinned", async () => {
    const unpinned = await mergeFetchedTrust(scheme.trust, { bundleJwt: scheme.bundleJwt, listJwts: [] }, []);
    expect(unpinned).toMatchObject({ bundle: 'rejected', bundleRejection: 'unpinned-root' });
  });
});
