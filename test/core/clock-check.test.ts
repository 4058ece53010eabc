// Issue 11 point 4: a wrong device clock is noticed, and a slow one never brings an expired passport back.

import { beforeAll, describe, expect, it } from 'vitest';
import { buildTrustState, checkDeviceClock, newestSignedTime, verdictDependsOnTime, verificationTime, verifyPassport } from '../../src/core/index.ts';
import { DAY, NOW, makeScheme, passportClaims, passportJws, statusListJwt, type Scheme } from './support/scheme.ts';

let scheme: Scheme;
beforeAll(async () => {
  scheme = await makeScheme();
});

describe('checkDeviceClock', () => {
  it('a clock at or after the newest signed time, less 5 minutes, is right', () => {
    expect(checkDeviceClock({ deviceNowMs: NOW * 1000, newestSignedAt: NOW })).toEqual({ ok: true });
    expect(checkDeviceClock({ deviceNowMs: (NOW - 300) * 1000, newestSignedAt: NOW })).toEqual({ ok: true });
  });

  it('a clock more than 5 minutes before a time the scheme already signed is wrong', () => {
    expect(checkDeviceClock({ deviceNowMs: (NOW - 301) * 1000, newestSignedAt: NOW })).toEqual({ ok: false, code: 'BEHIND_SIGNED_DATA', offBySeconds: 301 });
    expect(checkDeviceClock({ deviceNowMs: (NOW - DAY) * 1000, newestSignedAt: NOW })).toMatchObject({ ok: false, code: 'BEHIND_SIGNED_DATA' });
  });

  it('more than 5 minutes from the service\'s Date, either way, is wrong; within 5 minutes is right', () => {
    expect(checkDeviceClock({ deviceNowMs: NOW * 1000, serviceOffsetMs: 299_000 })).toEqual({ ok: true });
    expect(checkDeviceClock({ deviceNowMs: NOW * 1000, serviceOffsetMs: -299_000 })).toEqual({ ok: true });
    expect(checkDeviceClock({ deviceNowMs: NOW * 1000, serviceOffsetMs: 301_000 })).toMatchObject({ ok: false, code: 'SERVICE_DISAGREES' });
    expect(checkDeviceClock({ deviceNowMs: NOW * 1000, serviceOffsetMs: -3_600_000 })).toMatchObject({ ok: false, code: 'SERVICE_DISAGREES', offBySeconds: 3600 });
  });

  it('with no evidence at all, nothing is said', () => {
    expect(checkDeviceClock({ deviceNowMs: 0 })).toEqual({ ok: true });
  });
});

describe('verificationTime', () => {
  it('is the latest of the device clock, the newest signed time and the service clock', () => {
    expect(verificationTime({ deviceNowMs: NOW * 1000 })).toBe(NOW);
    expect(verificationTime({ deviceNowMs: (NOW - DAY) * 1000, newestSignedAt: NOW })).toBe(NOW);
    expect(verificationTime({ deviceNowMs: (NOW - DAY) * 1000, newestSignedAt: NOW - 2 * DAY, serviceOffsetMs: DAY * 1000 })).toBe(NOW);
  });

  it('a fast device clock is never pulled back (it errs towards "expired", never towards "valid")', () => {
    expect(verificationTime({ deviceNowMs: (NOW + DAY) * 1000, newestSignedAt: NOW, serviceOffsetMs: -DAY * 1000 })).toBe(NOW + DAY);
  });
});

describe('a slow clock and spec section 5', () => {
  it('a passport that expired before the bundle was signed is EXPIRED even on a device a week slow', async () => {
    const jws = await passportJws(scheme.es, passportClaims(scheme.es, { nbf: NOW - 400 * DAY, exp: NOW - 3 * DAY }));
    const state = await buildTrustState(scheme.bundle, [await statusListJwt(scheme.es, { iat: NOW })]);
    const slowDevice = (NOW - 7 * DAY) * 1000;
    const naive = await verifyPassport(jws, { ...state, now: Math.floor(slowDevice / 1000) });
    expect(naive.code).toBe('VALID'); // what a verifier trusting the device clock would say
    const now = verificationTime({ deviceNowMs: slowDevice, newestSignedAt: newestSignedTime(state) });
    expect((await verifyPassport(jws, { ...state, now })).code).toBe('EXPIRED');
  });

  it('the newest signed time counts status lists as well as the bundle', async () => {
    const state = await buildTrustState(scheme.bundle, [await statusListJwt(scheme.es, { iat: NOW + 3600 })]);
    expect(newestSignedTime(state)).toBe(NOW + 3600);
    expect(newestSignedTime({ bundle: scheme.bundle, statusLists: (await buildTrustState(scheme.bundle, [])).statusLists })).toBe(scheme.bundle.iat);
  });

  it('codes decided by time say so; codes decided by signature or status do not', () => {
    for (const code of ['VALID', 'EXPIRED', 'NOT_YET_VALID', 'STATUS_STALE', 'TRUST_STALE'] as const) expect(verdictDependsOnTime(code)).toBe(true);
    for (const code of ['BAD_SIGNATURE', 'REVOKED', 'NOT_A_PASSPORT', 'UNTRUSTED_ISSUER'] as const) expect(verdictDependsOnTime(code)).toBe(false);
  });
});
