// Issue 10, point 3: partners and offers on the admin page, the preview by the core's offer rules, and the window
// sticker PDF with a QR to the partner's entry in the public directory.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnerProfile } from '../../src/core/index.ts';
import { A5_HEIGHT, A5_WIDTH } from '../../src/cards/index.ts';
import { pageSizes, pdfText, renderPage } from '../cards/support.ts';
import { decodeQr, pngPixels } from '../cli/zxing-node.ts';
import { BACKENDS } from './support/backends.ts';
import { adminCall, adminHeaders, startTestService, type TestService } from './support/test-service.ts';

// T0 is Friday 2027-01-15 08:00 UTC (08:00 in London)
const bakery: PartnerProfile = {
  id: 'melton-bakery',
  name: 'Melton Bakery',
  kind: 'shop',
  timeZone: 'Europe/London',
  address: '1 Market Place, Melton Mowbray',
  area: 'Melton',
  offers: [
    { id: 'coffee', title: 'Free coffee', description: 'With any cake', kind: 'benefit', categories: ['adult', 'parent'], limit: { kind: 'per-period', count: 1, period: 'day' } },
    { id: 'early', title: 'Quiet early hour', description: '', kind: 'recognition', categories: ['adult', 'young', 'young-adult', 'parent'], limit: { kind: 'unlimited' }, hours: [{ days: [2, 4], from: '08:00', to: '09:00' }] },
    { id: 'young-treat', title: 'Young carers treat', description: '', kind: 'benefit', categories: ['young'], limit: { kind: 'unlimited' } },
    { id: 'summer', title: 'Summer picnic', description: '', kind: 'benefit', categories: ['adult'], limit: { kind: 'unlimited' }, startDate: '2027-06-01', endDate: '2027-08-31' },
  ],
};

describe.each(BACKENDS)('partners on the admin page ($name)', (backend) => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService(backend);
    const saved = await adminCall(t.url, 'PUT', `/admin/api/partners/${bakery.id}`, bakery);
    expect(saved.status).toBe(200);
  });
  afterAll(() => t?.stop());

  it('previews which offers apply now to an adult carer, and why the others do not, by the core rules', async () => {
    const { status, data } = await adminCall(t.url, 'GET', `/admin/api/partners/${bakery.id}/preview?cat=adult`);
    expect(status).toBe(200);
    expect(data.localTime).toBe('2027-01-15 08:00 (Europe/London)');
    expect(data.offers).toEqual([
      { offerId: 'coffee', title: 'Free coffee', applies: true, limit: 'Once a day' },
      { offerId: 'early', title: 'Quiet early hour', applies: false, code: 'OUTSIDE_HOURS', why: 'Not at this time: only Tuesday and Thursday, 08:00 to 09:00.', limit: 'No limit' },
      { offerId: 'young-treat', title: 'Young carers treat', applies: false, code: 'CATEGORY', why: 'Not for this kind of carer (only young carer).', limit: 'No limit' },
      { offerId: 'summer', title: 'Summer picnic', applies: false, code: 'NOT_STARTED', why: 'Not started yet: starts on 1 June 2027.', limit: 'No limit' },
    ]);
  });

  it('previews at another moment, in the partner time zone (summer time included)', async () => {
    // Tuesday 2027-07-06 07:30 UTC is 08:30 in London
    const { data } = await adminCall(t.url, 'GET', `/admin/api/partners/${bakery.id}/preview?cat=young&at=2027-07-06T07:30:00Z`);
    expect(data.localTime).toBe('2027-07-06 08:30 (Europe/London)');
    expect(data.offers.map((o: { offerId: string; applies: boolean }) => [o.offerId, o.applies])).toEqual([['coffee', false], ['early', true], ['young-treat', true], ['summer', false]]);
  });

  it('refuses a preview for an unknown partner, kind of carer or moment', async () => {
    expect((await adminCall(t.url, 'GET', '/admin/api/partners/nobody/preview?cat=adult')).status).toBe(404);
    expect((await adminCall(t.url, 'GET', `/admin/api/partners/${bakery.id}/preview?cat=grown-up`)).status).toBe(400);
    const bad = await adminCall(t.url, 'GET', `/admin/api/partners/${bakery.id}/preview?cat=adult&at=yesterday`);
    expect(bad.status).toBe(400);
    expect(bad.data.message).toMatch(/date and time/);
  });

  it('shows each partner with an editor holding its saved profile, the preview form and the sticker link', async () => {
    const page = await (await fetch(`${t.url}/admin/classic`, { headers: adminHeaders() })).text();
    expect(page).toContain('<h2 id="partners-heading">Partners and offers</h2>');
    expect(page).toContain('Edit Melton Bakery and its offers');
    expect(page).toContain(`href="/admin/api/partners/${bakery.id}/sticker.pdf"`);
    expect(page).toContain('New enrolment code');
    expect(page).toContain('Add a partner');
    expect(page).toMatch(/<label>Reference to ask for \(empty: none\) <input data-field="referenceLabel"/);
    expect(page).toContain('Does it apply?');
  });

  it('the saved profile comes back whole; a bad one is refused with the core problem in one line', async () => {
    expect((await adminCall(t.url, 'GET', `/admin/api/partners/${bakery.id}`)).data.profile).toEqual(bakery);
    const bad = { ...bakery, offers: [{ ...bakery.offers[0]!, hours: [{ days: [1], from: '10:00', to: '09:00' }] }] };
    const refused = await adminCall(t.url, 'PUT', `/admin/api/partners/${bakery.id}`, bad);
    expect(refused.status).toBe(400);
    expect(refused.data.message).toBe('offer coffee has hours that are not days with HH:MM from and to');
  });

  it('prints an A5 window sticker: the words, the current offers, and a QR to the partner in the directory', async () => {
    const res = await fetch(`${t.url}/admin/api/partners/${bakery.id}/sticker.pdf`, { headers: adminHeaders() });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="window-sticker-${bakery.id}.pdf"`);
    const pdf = new Uint8Array(await res.arrayBuffer());
    expect(await pageSizes(pdf)).toEqual([`${A5_WIDTH.toFixed(2)} x ${A5_HEIGHT.toFixed(2)}`]);
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
    expect(text).toContain('We recognise the Carers Passport');
    expect(text).toContain('Melton Bakery');
    expect(text).toContain('Free coffee');
    expect(text).toContain('For adult carers and parent carers.');
    expect(text).toContain('Tuesday and Thursday, 08:00 to 09:00.');
    expect(text).not.toContain('Summer picnic'); // not current: the directory does not list it either
    const directoryUrl = `${t.url}/offers#partner-${bakery.id}`;
    const found = await decodeQr(pngPixels(await renderPage(pdf, 1, 150)));
    expect(found.map((r) => r.text)).toEqual([directoryUrl]);
    // the anchor is there on the public page
    expect(await (await fetch(`${t.url}/offers`)).text()).toContain(`id="partner-${bakery.id}"`);
  });

  it('a partner with no current offer gets a sticker whose QR leads to the directory itself', async () => {
    await adminCall(t.url, 'PUT', '/admin/api/partners/quiet-ward', { id: 'quiet-ward', name: 'Ward 7', kind: 'hospital-ward', offers: [] });
    const res = await fetch(`${t.url}/admin/api/partners/quiet-ward/sticker.pdf`, { headers: adminHeaders() });
    const pdf = new Uint8Array(await res.arrayBuffer());
    expect((await pdfText(pdf)).replace(/\s+/g, ' ')).toContain('ask us how we can help');
    expect((await decodeQr(pngPixels(await renderPage(pdf, 1, 150)))).map((r) => r.text)).toEqual([`${t.url}/offers`]);
    expect((await fetch(`${t.url}/admin/api/partners/nobody/sticker.pdf`, { headers: adminHeaders() })).status).toBe(404);
  });
});
