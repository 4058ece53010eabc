// The partner editor shows the core's own words about a profile beside the field they are about: the core decides,
// partners-problem.ts only finds the place.

import { describe, expect, it } from 'vitest';
import type { Offer, PartnerProfile } from '../../src/core/index.ts';
import { placeOf, profileProblem, sentence } from '../../src/admin-app/screens/partners-problem.ts';
import { BLANK_OFFER, withOptional } from '../../src/admin-app/screens/partners-draft.ts';

const offer = (patch: Partial<Offer>): Offer => ({ ...BLANK_OFFER, id: 'coffee', title: 'Free coffee', ...patch });
const shop = (patch: Partial<PartnerProfile> = {}): PartnerProfile => ({ id: 'corner-shop', name: 'Corner Shop', kind: 'shop', timeZone: 'Europe/London', offers: [offer({})], ...patch });

describe('the core problem with a partner draft, and its place', () => {
  it('accepts a good profile', () => {
    expect(profileProblem(shop())).toBeUndefined();
  });

  it.each([
    [{ id: 'Corner Shop' }, 'id', 'The partner id must be lower-case letters, digits, dots or dashes.'],
    [{ name: '  ' }, 'name', 'The partner needs a name.'],
    [{ timeZone: 'Europe/Lndon' }, 'timeZone', 'Unknown time zone Europe/Lndon.'],
    [{ area: 'x'.repeat(41) }, 'area', 'The partner area must be one line of at most 40 characters.'],
    [{ address: 'line one\nline two' }, 'address', 'The partner address must be one line of at most 160 characters.'],
  ] as const)('a partner field: %o goes by %s', (patch, field, message) => {
    expect(profileProblem(shop(patch))).toEqual({ message, at: { profile: field } });
  });

  it.each([
    [{ title: '' }, 'title', 'Offer coffee needs a title.'],
    [{ id: 'Coffee!' }, 'id', 'An offer id must be lower-case letters, digits, dots or dashes.'],
    [{ categories: [] }, 'categories', 'Offer coffee needs categories from adult, young, young-adult, parent.'],
    [{ limit: { kind: 'per-period', count: Number.NaN, period: 'day' } }, 'limit', 'Offer coffee has a limit that is not "unlimited" or N per day, week or month.'],
    [{ hours: [{ days: [2], from: '09:00', to: '25:00' }] }, 'hours', 'Offer coffee has hours that are not days with HH:MM from and to.'],
    [{ hours: [{ days: [], from: '09:00', to: '10:00' }] }, 'hours', 'Offer coffee has hours that are not days with HH:MM from and to.'],
  ] as const)('an offer field: %o goes by the second offer\'s %s', (patch, field, message) => {
    const draft = shop({ offers: [offer({ id: 'tea', title: 'Tea' }), offer(patch as Partial<Offer>)] });
    expect(profileProblem(draft)).toEqual({ message, at: { offer: 1, field } });
  });

  it('two offers with one id: the second is the one to change', () => {
    const draft = shop({ offers: [offer({}), offer({ id: 'tea', title: 'Tea' }), offer({ title: 'Coffee again' })] });
    expect(profileProblem(draft)).toEqual({ message: 'Offer coffee appears twice.', at: { offer: 2, field: 'id' } });
  });

  it("places the service's words too, and words it cannot place go to the form", () => {
    expect(placeOf('The profile id must match the address.', shop())).toEqual({ form: true });
    expect(placeOf('unknown time zone Mars/Olympus', shop())).toEqual({ profile: 'timeZone' });
  });

  it('an emptied optional field is left out, as the core wants', () => {
    expect(withOptional(shop({ area: 'Melton' }), 'area', '')).not.toHaveProperty('area');
    expect(withOptional(shop(), 'area', 'Oakham').area).toBe('Oakham');
    expect(sentence('already a sentence.')).toBe('Already a sentence.');
  });
});
