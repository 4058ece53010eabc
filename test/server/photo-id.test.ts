// Issue 11 point 5 at the service: an offer's "photo ID seen" travels in the profile, and the record's tick is
// stored; records made before it (without the field) stay valid.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from './support/backends.ts';
import { enrol, partnerProfile, record, upload, type EnrolledDevice } from './support/scheme-fixtures.ts';
import { adminCall, startTestService, type TestService } from './support/test-service.ts';

describe.each(BACKENDS)('photo ID seen ($name)', (backend) => {
  let t: TestService;
  let till: EnrolledDevice;
  beforeAll(async () => {
    t = await startTestService(backend);
    const profile = partnerProfile('chemist', ['medicines', 'coffee']);
    profile.offers[0] = { ...profile.offers[0]!, requiresPhotoId: true };
    const saved = await adminCall(t.url, 'PUT', '/admin/api/partners/chemist', profile);
    expect(saved.status).toBe(200);
    till = await enrol(t.url, 'chemist');
  });
  afterAll(() => t?.stop());

  const seen = async (id: string) =>
    (await t.database.db.query<{ photo_id_seen: boolean }>('SELECT photo_id_seen FROM redemptions WHERE id = $1', [id]))[0]?.photo_id_seen;

  it('the device\'s profile says which offer needs photo ID', async () => {
    const res = await fetch(`${t.url}/v1/profile`, { headers: { authorization: `Bearer ${till.deviceToken}` } });
    const { profile } = (await res.json()) as { profile: { offers: { id: string; requiresPhotoId?: boolean }[] } };
    expect(profile.offers.find((o) => o.id === 'medicines')?.requiresPhotoId).toBe(true);
    expect(profile.offers.find((o) => o.id === 'coffee')?.requiresPhotoId).toBeUndefined();
  });

  it('stores the tick; a record without it (as every older record) is stored as not said', async () => {
    const ticked = record(till, { offerId: 'medicines', photoIdSeen: true });
    const old = record(till, { offerId: 'coffee' });
    const answer = await upload(t.url, till.deviceToken, { records: [ticked, old] });
    expect(answer.data.results).toEqual([{ id: ticked.id, status: 'stored' }, { id: old.id, status: 'stored' }]);
    expect(await seen(ticked.id)).toBe(true);
    expect(await seen(old.id)).toBe(false);
  });

  it('the same record sent again is a duplicate; the same id with the tick changed is refused', async () => {
    const ticked = record(till, { offerId: 'medicines', photoIdSeen: true });
    await upload(t.url, till.deviceToken, { records: [ticked] });
    const again = await upload(t.url, till.deviceToken, { records: [ticked] });
    expect(again.data.results[0].status).toBe('duplicate');
    const { photoIdSeen: _dropped, ...untick } = ticked;
    const changed = await upload(t.url, till.deviceToken, { records: [untick] });
    expect(changed.data.results[0]).toMatchObject({ status: 'rejected', reason: 'id already used' });
  });

  it('refuses a photoIdSeen that is not true', async () => {
    const odd = { ...record(till, { offerId: 'medicines' }), photoIdSeen: false };
    const answer = await upload(t.url, till.deviceToken, { records: [odd] });
    expect(answer.data.results[0]).toMatchObject({ status: 'rejected', reason: 'photoIdSeen is only ever true' });
  });
});
