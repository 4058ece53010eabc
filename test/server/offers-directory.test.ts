// The public offers directory (issue 9, point 3) against the running service: current offers only by each partner's
// own date, filters by area, kind of place and kind of carer, "today" marked, cacheable JSON with 304.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOffersDirectory, type Category, type OffersDirectory } from '../../src/core/index.ts';
import { BACKENDS } from './support/backends.ts';
import { adminCall, startTestService, T0, type TestService } from './support/test-service.ts';

const offer = (id: string, categories: Category[], extra: Record<string, unknown> = {}) => ({
  id, title: `Offer ${id}`, description: `About ${id}`, kind: 'benefit', categories, limit: { kind: 'unlimited' }, ...extra,
});

// T0 + 4 h is Friday 15 January 2027, 12:00 in London and already 02:00 on Saturday 16 January on Kiritimati (UTC+14)
const NOW = T0 + 4 * 3600;

const PARTNERS = [
  {
    id: 'melton-grocer', name: 'Melton Grocer', kind: 'shop', timeZone: 'Europe/London', address: '12 Market Place, Melton Mowbray', area: 'Melton',
    offers: [
      offer('always', ['adult', 'young', 'young-adult', 'parent']),
      offer('friday-lunch', ['young'], { hours: [{ days: [5], from: '11:00', to: '14:00' }] }),
      offer('monday-hour', ['adult'], { hours: [{ days: [1], from: '08:00', to: '09:00' }] }),
      offer('ended-yesterday', ['adult'], { endDate: '2027-01-14' }),
      offer('starts-tomorrow', ['adult'], { startDate: '2027-01-16' }),
      offer('ends-today', ['parent'], { endDate: '2027-01-15' }),
    ],
  },
  { id: 'oakham-pharmacy', name: 'Oakham Pharmacy', kind: 'pharmacy', timeZone: 'Europe/London', address: '4 High Street, Oakham', area: 'Rutland', offers: [offer('priority', ['adult'])] },
  { id: 'ward-9', name: 'Ward 9', kind: 'hospital-ward', timeZone: 'Europe/London', area: 'Leicester', offers: [offer('visiting', ['adult', 'parent'])] },
  { id: 'closed-shop', name: 'Closed Shop', kind: 'shop', timeZone: 'Europe/London', area: 'Melton', offers: [offer('gone', ['adult'], { endDate: '2026-12-31' })] },
  // its own date is already Saturday: an offer from the 16th is current there
  { id: 'far-away', name: 'Far Away Cafe', kind: 'other', timeZone: 'Pacific/Kiritimati', offers: [offer('saturday-start', ['young'], { startDate: '2027-01-16' })] },
];

describe.each(BACKENDS)('offers directory ($name)', (backend) => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService(backend);
    t.clock.now = NOW;
    for (const p of PARTNERS) expect((await adminCall(t.url, 'PUT', `/admin/api/partners/${p.id}`, p)).status).toBe(200);
  });
  afterAll(() => t?.stop());

  async function directory(): Promise<OffersDirectory> {
    const res = await fetch(`${t.url}/offers.json`);
    expect(res.status).toBe(200);
    const read = readOffersDirectory(await res.json());
    expect(read).toBeDefined();
    return read!;
  }

  const page = async (query = '') => {
    const res = await fetch(`${t.url}/offers${query}`);
    expect(res.status).toBe(200);
    return { res, html: await res.text() };
  };

  it('lists only current offers, by each partner\'s own date, with name, kind, address and area', async () => {
    const dir = await directory();
    expect(dir.date).toBe('2027-01-15');
    const ids = Object.fromEntries(dir.partners.map((p) => [p.id, p.offers.map((o) => o.id)]));
    expect(ids).toEqual({
      'melton-grocer': ['always', 'friday-lunch', 'monday-hour', 'ends-today'],
      'oakham-pharmacy': ['priority'],
      'ward-9': ['visiting'],
      'far-away': ['saturday-start'],
    });
    const grocer = dir.partners.find((p) => p.id === 'melton-grocer')!;
    expect(grocer).toMatchObject({ name: 'Melton Grocer', kind: 'shop', address: '12 Market Place, Melton Mowbray', area: 'Melton' });
    expect(grocer.offers[1]).toEqual({ id: 'friday-lunch', title: 'Offer friday-lunch', description: 'About friday-lunch', categories: ['young'], hours: [{ days: [5], from: '11:00', to: '14:00' }] });
    // nothing meant for staff (limits, references) is published
    expect(JSON.stringify(dir)).not.toMatch(/limit|reference/);
  });

  it('is cacheable: a short max-age, an ETag, 304 for the copy already held, open to any origin', async () => {
    const res = await fetch(`${t.url}/offers.json`);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await fetch(`${t.url}/offers.json`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    // the next day, yesterday's last offer is gone and so is the copy's ETag
    t.clock.now = NOW + 86_400;
    const tomorrow = await fetch(`${t.url}/offers.json`, { headers: { 'if-none-match': etag } });
    expect(tomorrow.status).toBe(200);
    const body = readOffersDirectory(await tomorrow.json())!;
    expect(body.partners.find((p) => p.id === 'melton-grocer')!.offers.map((o) => o.id)).toEqual(['always', 'friday-lunch', 'monday-hour', 'starts-tomorrow']);
    t.clock.now = NOW;
  });

  it('renders a page with every current place, grouped by area, without script, under a CSP that allows none', async () => {
    const { res, html } = await page();
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'none'");
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('Offers current on 15 January 2027.');
    for (const name of ['Melton Grocer', 'Oakham Pharmacy', 'Ward 9', 'Far Away Cafe']) expect(html).toContain(name);
    expect(html).not.toContain('Closed Shop');
    expect(html).not.toContain('Offer ended-yesterday');
    expect(html).toMatch(/<h2>Leicester<\/h2>[\s\S]*<h2>Melton<\/h2>[\s\S]*<h2>Rutland<\/h2>[\s\S]*<h2>Other places<\/h2>/);
    expect(html).toContain('Shop, 12 Market Place, Melton Mowbray');
    expect(html).toContain('@media print');
  });

  it('marks offers on today\'s days as "Today" (Friday in the partner\'s zone) and not the others', async () => {
    const { html } = await page();
    const item = (id: string) => html.match(new RegExp(`<li class="([^"]*)"><h4>Offer ${id}</h4>[\\s\\S]*?</li>`))!;
    expect(item('friday-lunch')[1]).toBe('offer today');
    expect(item('friday-lunch')[0]).toContain('Today, 11:00 to 14:00.');
    expect(item('friday-lunch')[0]).toContain('Friday, 11:00 to 14:00');
    expect(item('monday-hour')[1]).toBe('offer');
    expect(item('always')[0]).toContain('Any day');
    expect(item('ends-today')[0]).toContain('Until 15 January 2027');
  });

  it('filters by area, kind of place and kind of carer with a plain GET form', async () => {
    const names = (html: string) => [...html.matchAll(/<h3>([^<]+)<\/h3>/g)].map((m) => m[1]);
    expect(names((await page('?area=Melton')).html)).toEqual(['Melton Grocer']);
    expect(names((await page('?kind=pharmacy')).html)).toEqual(['Oakham Pharmacy']);
    const young = (await page('?carer=young')).html;
    expect(names(young)).toEqual(['Melton Grocer', 'Far Away Cafe']);
    expect(young).toContain('Offer friday-lunch');
    expect(young).not.toContain('Offer monday-hour');
    const both = await page('?area=Melton&kind=&carer=parent');
    expect(names(both.html)).toEqual(['Melton Grocer']);
    expect(both.html).toContain('<option value="Melton" selected>');
    expect(both.html).toContain('<option value="parent" selected>');
    expect((await page('?area=Atlantis')).html).toContain('No places match these choices.');
    // a tag on a printed link is ignored, not refused
    expect(names((await page('?kind=pharmacy&from=leaflet')).html)).toEqual(['Oakham Pharmacy']);
  });

  it('keeps a partner\'s address and area, and refuses an address longer than one line allows', async () => {
    const listed = await adminCall(t.url, 'GET', '/admin/api/partners');
    expect(listed.data.partners.find((p: { id: string }) => p.id === 'oakham-pharmacy')).toMatchObject({ address: '4 High Street, Oakham', area: 'Rutland' });
    const long = await adminCall(t.url, 'PUT', '/admin/api/partners/long', { ...PARTNERS[1], id: 'long', address: 'x'.repeat(161) });
    expect(long.status).toBe(400);
    expect(long.data.message).toMatch(/address/);
  });
});
