// Issue 11 point 2 at the service: partners form a group (a hospital trust); a stay started on Ward 7's device is in
// Ward 9's profile answer; events are stored once each; another group never sees them, and no name is accepted.

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StayEvent } from '../../src/core/index.ts';
import { BACKENDS } from './support/backends.ts';
import { enrol, partnerProfile, type EnrolledDevice } from './support/scheme-fixtures.ts';
import { adminCall, startTestService, type TestService } from './support/test-service.ts';

describe.each(BACKENDS)('hospital stays ($name)', (backend) => {
  let t: TestService;
  let ward7: EnrolledDevice;
  let ward9: EnrolledDevice;
  let otherTrust: EnrolledDevice;
  beforeAll(async () => {
    t = await startTestService(backend);
    const save = async (id: string, group?: { id: string; name: string }) => {
      const profile = { ...partnerProfile(id), kind: 'hospital-ward' as const, ...(group ? { group } : {}) };
      expect((await adminCall(t.url, 'PUT', `/admin/api/partners/${id}`, profile)).status).toBe(200);
    };
    await save('ward-7', { id: 'city-hospital', name: 'City Hospital' });
    await save('ward-9', { id: 'city-hospital', name: 'City Hospital' });
    await save('county-ward', { id: 'county-hospital', name: 'County Hospital' });
    ward7 = await enrol(t.url, 'ward-7');
    ward9 = await enrol(t.url, 'ward-9');
    otherTrust = await enrol(t.url, 'county-ward');
  });
  afterAll(() => t?.stop());

  const start = (device: EnrolledDevice, extra: Partial<StayEvent> = {}): StayEvent => ({
    id: randomUUID(), stayId: randomUUID(), type: 'start', at: '2027-01-15T07:00:00.000Z', iss: 'uk.test.vasl', jti: 'VASL-0007',
    groupId: 'city-hospital', partnerId: device.partnerId, deviceId: device.deviceId, until: '2027-01-20', note: 'Ward 7, bay 3', ...extra,
  });
  const send = async (device: EnrolledDevice, events: unknown[]) => {
    const res = await fetch(`${t.url}/v1/stays`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${device.deviceToken}` }, body: JSON.stringify({ events }) });
    return { status: res.status, data: (await res.json()) as { results: { id: string; status: string; reason?: string }[] } };
  };
  const staysOf = async (device: EnrolledDevice) =>
    ((await (await fetch(`${t.url}/v1/profile`, { headers: { authorization: `Bearer ${device.deviceToken}` } })).json()) as { profile: { group?: unknown }; stays: StayEvent[] });

  it('the profile carries the partner\'s group', async () => {
    expect((await staysOf(ward9)).profile.group).toEqual({ id: 'city-hospital', name: 'City Hospital' });
  });

  it('a stay started on Ward 7\'s device is in Ward 9\'s answer, once however often it is sent; not in another trust\'s', async () => {
    const event = start(ward7);
    expect((await send(ward7, [event, event])).data.results.map((r) => r.status)).toEqual(['stored', 'duplicate']);
    const seen = (await staysOf(ward9)).stays;
    expect(seen).toEqual([event]);
    expect((await staysOf(otherTrust)).stays).toEqual([]);
  });

  it('a change and an end from another ward of the group are shared too', async () => {
    const first = start(ward7, { jti: 'VASL-0008' });
    const { note: _n, until: _u, ...rest } = first;
    const change: StayEvent = { ...rest, id: randomUUID(), type: 'change', at: '2027-01-15T08:00:00.000Z', partnerId: 'ward-9', deviceId: ward9.deviceId, until: '2027-01-22' };
    const end: StayEvent = { ...rest, id: randomUUID(), type: 'end', at: '2027-01-15T09:00:00.000Z', partnerId: 'ward-9', deviceId: ward9.deviceId };
    await send(ward7, [first]);
    expect((await send(ward9, [change, end])).data.results.map((r) => r.status)).toEqual(['stored', 'stored']);
    const ids = (await staysOf(ward7)).stays.filter((s) => s.stayId === first.stayId).map((s) => s.type);
    expect(ids).toEqual(['start', 'change', 'end']);
  });

  it('refuses another partner\'s events, another group and a name', async () => {
    const answer = await send(ward7, [start(ward9), start(ward7, { groupId: 'county-hospital' }), { ...start(ward7), name: 'Ann Example' }]);
    expect(answer.data.results.map((r) => r.reason)).toEqual(['not your partner', 'not your group', 'unexpected fields: name']);
  });

  it('judges each event alone: impossible dates, an unknown or unprintable issuer are refused, the good ones stored', async () => {
    const good = start(ward7);
    const answer = await send(ward7, [
      start(ward7, { at: '2027-02-30T07:00:00.000Z' }), start(ward7, { until: '2027-02-30' }), start(ward7, { iss: 'a\u0000b' }),
      start(ward7, { iss: 'uk.nobody' }), good,
    ]);
    expect(answer.status).toBe(200);
    expect(answer.data.results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected', 'stored']);
    expect(answer.data.results[3]!.reason).toBe('unknown issuer');
  });
});
