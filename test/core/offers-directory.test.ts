// The offers directory in the core: where a partner is (optional, one line), current offers by the partner's date,
// and the card page's reader of /offers.json.

import { describe, expect, it } from 'vitest';
import { buildOffersDirectory, filterDirectory, localTime, offerToday, readOffersDirectory, readPartnerProfile, type PartnerProfile } from '../../src/core/index.ts';

const base = { id: 'corner', name: 'Corner Shop', kind: 'shop', timeZone: 'Europe/London', offers: [] };
const offer = { id: 'tea', title: 'Free tea', description: '', kind: 'benefit', categories: ['adult'], limit: { kind: 'unlimited' } };

describe('address and area on a partner profile', () => {
  it('keeps a profile without them as it was', () => {
    const read = readPartnerProfile(base);
    expect(read).toEqual({ ok: true, profile: base });
  });

  it('reads them trimmed, and drops empty ones', () => {
    const read = readPartnerProfile({ ...base, address: ' 1 Main Street, Oakham ', area: '' });
    expect(read).toEqual({ ok: true, profile: { ...base, address: '1 Main Street, Oakham' } });
  });

  it('refuses an address over 160 characters, an area over 40, a line break or a number', () => {
    expect(readPartnerProfile({ ...base, address: 'a'.repeat(160) }).ok).toBe(true);
    expect(readPartnerProfile({ ...base, address: 'a'.repeat(161) })).toMatchObject({ ok: false, problem: expect.stringMatching(/address/) });
    expect(readPartnerProfile({ ...base, area: 'a'.repeat(41) })).toMatchObject({ ok: false, problem: expect.stringMatching(/area/) });
    expect(readPartnerProfile({ ...base, address: '1 Main Street\nOakham' }).ok).toBe(false);
    expect(readPartnerProfile({ ...base, area: 7 }).ok).toBe(false);
  });
});

describe('the directory', () => {
  // Sunday 29 March 2026, 00:30 UTC: 00:30 GMT in London, before the clocks go forward at 01:00
  const now = Date.UTC(2026, 2, 29, 0, 30);
  const profile = (p: Partial<Omit<PartnerProfile, 'offers'>> & { offers: unknown[] }) => {
    const read = readPartnerProfile({ ...base, ...p });
    if (!read.ok) throw new Error(read.problem);
    return read.profile;
  };

  it('keeps offers running on the partner\'s own date, and leaves out partners with none', () => {
    const dir = buildOffersDirectory([
      profile({ id: 'a', area: 'Rutland', offers: [{ ...offer, endDate: '2026-03-28' }, { ...offer, id: 'today', startDate: '2026-03-29', endDate: '2026-03-29' }] }),
      profile({ id: 'b', offers: [{ ...offer, endDate: '2026-03-28' }] }),
      // New York is still on Saturday the 28th
      profile({ id: 'c', timeZone: 'America/New_York', offers: [{ ...offer, endDate: '2026-03-28' }] }),
    ], now);
    expect(dir.date).toBe('2026-03-29');
    expect(dir.partners.map((p) => [p.id, p.offers.map((o) => o.id)])).toEqual([['a', ['today']], ['c', ['tea']]]);
  });

  it('says which hours fall today in the partner\'s zone', () => {
    const hours = [{ days: [6 as const], from: '08:00', to: '09:00' }, { days: [7 as const], from: '10:00', to: '11:00' }];
    const london = localTime(now, 'Europe/London');
    expect(offerToday({ ...offer, categories: ['adult'], hours }, london)).toEqual({ today: true, hours: [hours[1]] });
    expect(offerToday({ ...offer, categories: ['adult'], hours }, localTime(now, 'America/New_York'))).toEqual({ today: true, hours: [hours[0]] });
  });

  it('filters by kind of carer offer by offer', () => {
    const dir = buildOffersDirectory([profile({ offers: [offer, { ...offer, id: 'kids', categories: ['young'] }] })], now);
    expect(filterDirectory(dir, { category: 'young' })[0]!.offers.map((o) => o.id)).toEqual(['kids']);
    expect(filterDirectory(dir, { category: 'parent' })).toEqual([]);
    expect(filterDirectory(dir, { area: 'Melton' })).toEqual([]);
  });

  it('reads back what it wrote, and refuses a malformed copy', () => {
    const dir = buildOffersDirectory([profile({ address: '1 Main St', area: 'Melton', offers: [{ ...offer, hours: [{ days: [1], from: '08:00', to: '09:00' }] }] })], now);
    expect(readOffersDirectory(JSON.parse(JSON.stringify(dir)))).toEqual(dir);
    expect(readOffersDirectory({ date: '2026-03-29', partners: [{ id: 'x' }] })).toBeUndefined();
    expect(readOffersDirectory({ partners: [] })).toBeUndefined();
    expect(readOffersDirectory('nope')).toBeUndefined();
  });
});
