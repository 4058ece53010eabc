// Issue 11 point 2 in core: a stay is the fold of its events; its last day is inclusive in the group's time.

import { describe, expect, it } from 'vitest';
import { checkOffer, readStayEvent, type Offer, type StayEvent, type Verdict } from '../../src/core/index.ts';
import { foldStays, stayStatus } from '../../src/core/stay-rules.ts';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const base = { iss: 'uk.test', jti: 'TST-1', groupId: 'city-hospital', partnerId: 'ward-7', deviceId: 'dev-1' };
const start: StayEvent = { ...base, id: uuid(1), stayId: uuid(100), type: 'start', at: '2026-06-10T09:00:00.000Z', until: '2026-06-14', note: 'Ward 7, bay 3' };
const change: StayEvent = { ...base, id: uuid(2), stayId: uuid(100), type: 'change', at: '2026-06-11T09:00:00.000Z', until: '2026-06-16', partnerId: 'ward-9' };
const end: StayEvent = { ...base, id: uuid(3), stayId: uuid(100), type: 'end', at: '2026-06-12T09:00:00.000Z' };
const at = (iso: string) => Date.parse(iso);

describe('readStayEvent', () => {
  it('reads start, change and end; refuses names, bad dates and a note anywhere but a start', () => {
    for (const e of [start, change, end]) expect(readStayEvent(e).ok).toBe(true);
    expect(readStayEvent({ ...start, name: 'Ann' })).toMatchObject({ ok: false, problem: 'unexpected fields: name' });
    expect(readStayEvent({ ...start, until: '14/06/2026' }).ok).toBe(false);
    expect(readStayEvent({ ...end, until: '2026-06-14' }).ok).toBe(false);
    expect(readStayEvent({ ...change, note: 'x' }).ok).toBe(false);
    expect(readStayEvent({ ...start, note: 'x'.repeat(41) }).ok).toBe(false);
  });
});

describe('stays', () => {
  it('a started stay runs to the end of its last day, London time, and then has ended', () => {
    const stays = foldStays([start]);
    expect(stayStatus(stays, base, at('2026-06-14T22:59:00Z'), 'Europe/London')).toMatchObject({ kind: 'on-stay', stay: { until: '2026-06-14', note: 'Ward 7, bay 3', startedBy: 'ward-7' } });
    expect(stayStatus(stays, base, at('2026-06-14T23:01:00Z'), 'Europe/London').kind).toBe('ended');
    expect(stayStatus(stays, { iss: 'uk.test', jti: 'TST-2' }, at('2026-06-12T10:00:00Z'), 'Europe/London').kind).toBe('none');
  });

  it('a change moves the date; an end stops it; events arriving twice or out of order give the same stay', () => {
    expect(stayStatus(foldStays([change, start]), base, at('2026-06-15T10:00:00Z'), 'Europe/London')).toMatchObject({ kind: 'on-stay', stay: { until: '2026-06-16' } });
    expect(stayStatus(foldStays([end, start, change, start]), base, at('2026-06-12T10:00:00Z'), 'Europe/London')).toMatchObject({ kind: 'ended', stay: { endedAt: end.at } });
    // made within the same millisecond (a quick double action): start, then change, then end, whatever the ids
    const sameInstant = [{ ...end, id: uuid(7), at: start.at }, { ...change, id: uuid(8), at: start.at }, { ...start, id: uuid(9) }];
    expect(foldStays(sameInstant)[0]).toMatchObject({ until: '2026-06-16', endedAt: start.at });
  });

  it('an offer that requires a stay applies only on a stay', () => {
    const offer: Offer = { id: 'parking', title: 'Parking', description: '', kind: 'benefit', categories: ['adult'], limit: { kind: 'unlimited' }, requiresStay: true };
    const verdict: Verdict = { result: 'valid', code: 'VALID', passport: { iss: 'uk.test', issuer: 'T', jti: 'TST-1', name: 'X', cat: 'adult', nbf: 0, exp: 2e9 } };
    const query = { profile: { timeZone: 'Europe/London', offers: [offer] }, verdict, records: [], now: at('2026-06-12T10:00:00Z') };
    expect(checkOffer(offer, query)).toMatchObject({ applies: false, refusal: { code: 'NO_STAY' } });
    expect(checkOffer(offer, { ...query, onStay: true }).applies).toBe(true);
  });
});
