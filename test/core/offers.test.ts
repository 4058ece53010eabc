// Offer rules in the partner's time zone (Europe/London by default, with summer time), whatever the machine's TZ.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOffer, checkOffers, localTime, type CountedRedemption, type Offer, type PartnerProfile, type Verdict } from '../../src/core/index.ts';

const at = (iso: string) => Date.parse(iso);

const passport = { iss: 'uk.test.carers', issuer: 'Test Carers', jti: 'TST-1001', name: 'Test Carer', cat: 'adult' as const, nbf: 0, exp: 2_000_000_000 };
const valid: Verdict = { result: 'valid', code: 'VALID', passport };
const stale: Verdict = { result: 'warning', code: 'STATUS_STALE', passport };

const protectedHour: Offer = {
  id: 'protected-hour',
  title: 'Protected shopping hour',
  description: '',
  kind: 'benefit',
  categories: ['adult', 'parent'],
  limit: { kind: 'unlimited' },
  hours: [{ days: [2, 4], from: '08:00', to: '09:00' }],
};
const mealVoucher: Offer = { id: 'meal', title: 'Meal voucher', description: '', kind: 'benefit', categories: ['adult'], limit: { kind: 'per-period', count: 1, period: 'day' } };
const weekly: Offer = { ...mealVoucher, id: 'weekly', limit: { kind: 'per-period', count: 2, period: 'week' } };
const monthly: Offer = { ...mealVoucher, id: 'monthly', limit: { kind: 'per-period', count: 1, period: 'month' } };

const london = (offers: Offer[]): Pick<PartnerProfile, 'timeZone' | 'offers'> => ({ timeZone: 'Europe/London', offers });
const used = (offerId: string, redeemedAt: string, jti = passport.jti, iss = passport.iss): CountedRedemption => ({ offerId, redeemedAt, iss, jti });

function check(offer: Offer, now: string, records: CountedRedemption[] = [], verdict: Verdict = valid, timeZone = 'Europe/London') {
  return checkOffer(offer, { profile: { timeZone, offers: [offer] }, verdict, records, now: at(now) });
}

// Every rule runs twice: with the machine in UTC and in Tokyo. The answers must not change.
describe.each(['UTC', 'Asia/Tokyo'])('with the machine clock in %s', (machineZone) => {
  let saved: string | undefined;
  beforeAll(() => {
    saved = process.env.TZ;
    process.env.TZ = machineZone;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it('really runs the machine in that zone (the proof the partner zone is used, not this one)', () => {
    const hour = new Date(at('2026-06-01T00:00:00Z')).getHours();
    expect(hour).toBe(machineZone === 'UTC' ? 0 : 9);
  });

  describe('protected hours 08:00-09:00 Tuesday and Thursday, London time', () => {
    it('applies at 08:30 GMT on Thursday 26 March 2026, before the clock change', () => {
      expect(check(protectedHour, '2026-03-26T08:30:00Z').applies).toBe(true);
    });
    it('applies at 08:30 BST on Tuesday 31 March 2026, which is 07:30 UTC, after the clocks go forward on 29 March', () => {
      expect(check(protectedHour, '2026-03-31T07:30:00Z').applies).toBe(true);
    });
    it('refuses at 09:30 BST on Tuesday 31 March (08:30 UTC) as outside hours', () => {
      const result = check(protectedHour, '2026-03-31T08:30:00Z');
      expect(result).toMatchObject({ applies: false, refusal: { code: 'OUTSIDE_HOURS' } });
    });
    it('refuses at 07:30 GMT on Tuesday 27 October 2026, after the clocks go back on 25 October', () => {
      expect(check(protectedHour, '2026-10-27T07:30:00Z')).toMatchObject({ applies: false, refusal: { code: 'OUTSIDE_HOURS' } });
      expect(check(protectedHour, '2026-10-27T08:30:00Z').applies).toBe(true);
    });
    it('ends at 09:00 exactly and refuses on a Wednesday', () => {
      expect(check(protectedHour, '2026-10-27T09:00:00Z').applies).toBe(false);
      expect(check(protectedHour, '2026-10-28T08:30:00Z').applies).toBe(false);
    });
    it('uses the partner zone when it is not London: 08:30 in New York is 12:30 UTC in summer', () => {
      expect(check(protectedHour, '2026-06-02T12:30:00Z', [], valid, 'America/New_York').applies).toBe(true);
      expect(check(protectedHour, '2026-06-02T08:30:00Z', [], valid, 'America/New_York').applies).toBe(false);
    });
  });

  describe('one meal voucher a day', () => {
    it('says "used today" after one redemption the same London day', () => {
      const result = check(mealVoucher, '2026-06-10T16:00:00Z', [used('meal', '2026-06-10T08:00:00Z')]);
      expect(result).toMatchObject({ applies: false, refusal: { code: 'USED_TODAY', count: 1 } });
    });
    it('starts a new day at London midnight: 23:30 BST and 00:30 BST the next day are different days, though both are 10 June in UTC', () => {
      const result = check(mealVoucher, '2026-06-10T23:30:00Z', [used('meal', '2026-06-10T22:30:00Z')]);
      expect(result).toMatchObject({ applies: true, remaining: 1 });
    });
    it('counts the 25-hour day of 25 October 2026 as one day', () => {
      const result = check(mealVoucher, '2026-10-25T23:30:00Z', [used('meal', '2026-10-25T00:10:00Z')]);
      expect(result).toMatchObject({ applies: false, refusal: { code: 'USED_TODAY' } });
    });
    it('counts the 23-hour day of 29 March 2026 as one day', () => {
      const result = check(mealVoucher, '2026-03-29T22:59:00Z', [used('meal', '2026-03-29T00:10:00Z')]);
      expect(result).toMatchObject({ applies: false, refusal: { code: 'USED_TODAY' } });
      expect(check(mealVoucher, '2026-03-29T23:00:00Z', [used('meal', '2026-03-29T00:10:00Z')]).applies).toBe(true);
    });
    it('does not count another passport, another issuer or another offer', () => {
      const records = [used('meal', '2026-06-10T08:00:00Z', 'TST-9999'), used('meal', '2026-06-10T08:00:00Z', passport.jti, 'uk.other'), used('parking', '2026-06-10T08:00:00Z')];
      expect(check(mealVoucher, '2026-06-10T16:00:00Z', records).applies).toBe(true);
    });
  });

  describe('weeks start on Monday, months are London months', () => {
    it('a use on Monday 23 March still counts on Sunday 29 March (the day the clocks change)', () => {
      const records = [used('weekly', '2026-03-23T09:00:00Z'), used('weekly', '2026-03-29T09:00:00Z')];
      expect(check(weekly, '2026-03-29T20:00:00Z', records)).toMatchObject({ applies: false, refusal: { code: 'LIMIT_REACHED', period: 'week', count: 2 } });
    });
    it('00:30 BST on Monday 30 March (Sunday 23:30 UTC) is a new week', () => {
      const records = [used('weekly', '2026-03-23T09:00:00Z'), used('weekly', '2026-03-29T09:00:00Z')];
      expect(check(weekly, '2026-03-29T23:30:00Z', records)).toMatchObject({ applies: true, remaining: 2 });
    });
    it('00:30 BST on 1 October is already October, though it is 30 September in UTC', () => {
      const records = [used('monthly', '2026-09-30T23:30:00Z')];
      expect(check(monthly, '2026-10-20T12:00:00Z', records)).toMatchObject({ applies: false, refusal: { code: 'LIMIT_REACHED', period: 'month' } });
      expect(check(monthly, '2026-09-30T12:00:00Z', records).applies).toBe(true);
    });
  });
});

describe('who and when', () => {
  it('refuses a category the offer is not for, naming the categories it is for', () => {
    const young: Verdict = { result: 'valid', code: 'VALID', passport: { ...passport, cat: 'young' } };
    expect(check(mealVoucher, '2026-06-10T12:00:00Z', [], young)).toEqual({ offer: mealVoucher, applies: false, refusal: { code: 'CATEGORY', categories: ['adult'] } });
  });
  it('refuses before the start date and after the end date, by London date', () => {
    const dated: Offer = { ...mealVoucher, startDate: '2026-04-01', endDate: '2026-04-30' };
    // 23:59 BST on 31 March is 22:59 UTC; midnight BST starting 1 April is 23:00 UTC
    expect(check(dated, '2026-03-31T22:59:00Z')).toMatchObject({ applies: false, refusal: { code: 'NOT_STARTED', startDate: '2026-04-01' } });
    expect(check(dated, '2026-03-31T23:00:00Z').applies).toBe(true);
    expect(check(dated, '2026-04-30T22:59:00Z').applies).toBe(true);
    expect(check(dated, '2026-04-30T23:00:00Z')).toMatchObject({ applies: false, refusal: { code: 'ENDED', endDate: '2026-04-30' } });
  });
  it('lets a warning verdict through the rules (staff confirm it on screen) but never an invalid one', () => {
    expect(check(mealVoucher, '2026-06-10T12:00:00Z', [], stale).applies).toBe(true);
    const invalid: Verdict = { result: 'invalid', code: 'REVOKED' };
    expect(checkOffers({ profile: london([mealVoucher, protectedHour]), verdict: invalid, records: [], now: at('2026-03-26T08:30:00Z') }).map((c) => c.applies)).toEqual([false, false]);
  });
  it('reads London wall time across both 2026 clock changes', () => {
    expect(localTime(at('2026-03-29T00:59:00Z'), 'Europe/London')).toMatchObject({ date: '2026-03-29', time: '00:59', weekday: 7 });
    expect(localTime(at('2026-03-29T01:00:00Z'), 'Europe/London')).toMatchObject({ time: '02:00' });
    expect(localTime(at('2026-10-25T00:59:00Z'), 'Europe/London')).toMatchObject({ time: '01:59' });
    expect(localTime(at('2026-10-25T01:00:00Z'), 'Europe/London')).toMatchObject({ time: '01:00', weekday: 7 });
  });
});
