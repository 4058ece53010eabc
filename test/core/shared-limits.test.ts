// Issue 11 point 1 in core: which records a till must see, and which went over a limit, in the partner's time.

import { describe, expect, it } from 'vitest';
import { findOverLimit, readSharedRedemptions, sharedWindowSeconds, type Offer } from '../../src/core/index.ts';

const offer = (id: string, limit: Offer['limit']): Offer => ({ id, title: id, description: '', kind: 'benefit', categories: ['adult'], limit });
const profile = {
  timeZone: 'Europe/London',
  offers: [offer('coffee', { kind: 'per-period', count: 1, period: 'day' }), offer('meal', { kind: 'per-period', count: 2, period: 'week' }), offer('free', { kind: 'unlimited' })],
};
const rec = (id: string, offerId: string, redeemedAt: string, jti = 'TST-1') => ({ id, iss: 'uk.test', jti, offerId, redeemedAt });

describe('sharedWindowSeconds', () => {
  it('is the longest limit period plus a day, and nothing when no offer has a limit', () => {
    expect(sharedWindowSeconds(profile)).toBe(8 * 86_400);
    expect(sharedWindowSeconds({ offers: [offer('m', { kind: 'per-period', count: 1, period: 'month' })] })).toBe(32 * 86_400);
    expect(sharedWindowSeconds({ offers: [offer('free', { kind: 'unlimited' })] })).toBe(0);
  });
});

describe('findOverLimit', () => {
  it('the later of two "once a day" records of one passport is over; other passports and unlimited offers never are', () => {
    const over = findOverLimit(
      [rec('b', 'coffee', '2026-06-10T09:00:00Z'), rec('a', 'coffee', '2026-06-10T08:00:00Z'), rec('c', 'coffee', '2026-06-10T08:30:00Z', 'TST-2'), rec('d', 'free', '2026-06-10T08:00:00Z'), rec('e', 'free', '2026-06-10T08:01:00Z')],
      profile,
    );
    expect([...over]).toEqual(['b']);
  });

  it('days are the partner\'s: 23:30 and 00:30 London time in summer are two days, so neither is over', () => {
    expect(findOverLimit([rec('a', 'coffee', '2026-06-09T22:30:00Z'), rec('b', 'coffee', '2026-06-09T23:30:00Z')], profile).size).toBe(0);
  });

  it('two a week: the third in the same Monday-to-Sunday week is over; ties in time go by id', () => {
    const over = findOverLimit([rec('z', 'meal', '2026-06-08T10:00:00Z'), rec('y', 'meal', '2026-06-10T10:00:00Z'), rec('x', 'meal', '2026-06-10T10:00:00Z')], profile);
    expect([...over]).toEqual(['y']);
  });
});

describe('readSharedRedemptions', () => {
  it('keeps well-formed entries and drops the rest; overLimit only when true', () => {
    expect(readSharedRedemptions([
      { id: 'ABC', iss: 'uk.test', jti: 'TST-1', offerId: 'coffee', redeemedAt: '2026-06-10T08:00:00.000Z', overLimit: true, name: 'ignored' },
      { id: 'x', iss: 'uk.test', jti: 'lower-case', offerId: 'coffee', redeemedAt: '2026-06-10T08:00:00.000Z' },
      { id: 'y', iss: 'uk.test', jti: 'TST-2', offerId: 'coffee', redeemedAt: 'yesterday' },
      null,
    ])).toEqual([{ id: 'abc', iss: 'uk.test', jti: 'TST-1', offerId: 'coffee', redeemedAt: '2026-06-10T08:00:00.000Z', overLimit: true }]);
    expect(readSharedRedemptions('nope')).toEqual([]);
  });
});
