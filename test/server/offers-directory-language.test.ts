// The offers directory in the carer's language (issue 12 point 3): links name each language in itself; a picked
// language (?lang=) renders the page from its catalogue, lang and dir on the root, and is remembered on the device in a
// cookie, so the next visit, the filter form and "Show everything" keep it. No choice, or an unknown one: English.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCall, startTestService, T0, type TestService } from './support/test-service.ts';

const PARTNER = {
  id: 'melton-grocer', name: 'Melton Grocer', kind: 'shop', timeZone: 'Europe/London', address: '12 Market Place', area: 'Melton',
  offers: [{ id: 'tea', title: 'Free tea', kind: 'benefit', categories: ['adult', 'parent'], limit: { kind: 'unlimited' }, hours: [{ days: [1, 5], from: '11:00', to: '14:00' }] }],
};

describe('the offers directory in the carer’s language', () => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService({ name: 'PGlite' });
    t.clock.now = T0 + 4 * 3600;
    expect((await adminCall(t.url, 'PUT', `/admin/api/partners/${PARTNER.id}`, PARTNER)).status).toBe(200);
  });
  afterAll(() => t?.stop());

  const get = async (query: string, cookie?: string) => {
    const res = await fetch(`${t.url}/offers${query}`, cookie ? { headers: { cookie } } : {});
    expect(res.status).toBe(200);
    return { res, html: await res.text() };
  };

  it('is English with no choice, with a link for each language named in itself', async () => {
    const { res, html } = await get('');
    expect(html).toMatch(/^<!doctype html>\n<html lang="en-GB" dir="ltr">/);
    expect(html).toContain('<h1>Where to use your Carers Passport</h1>');
    expect(html).toContain('<a href="/offers?lang=gu" lang="gu" hreflang="gu" dir="ltr">ગુજરાતી</a>');
    expect(html).toContain('<a href="/offers?lang=ur" lang="ur" hreflang="ur" dir="rtl">اردو</a>');
    expect(html).toContain('<a href="/offers?lang=en-GB" lang="en-GB" hreflang="en-GB" dir="ltr" aria-current="true">English</a>');
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('vary')).toMatch(/cookie/i);
  });

  it('renders a picked language from its catalogue and remembers it on the device', async () => {
    const { res, html } = await get('?lang=pl');
    expect(html).toMatch(/<html lang="pl" dir="ltr">/);
    expect(html).toContain('<h1>Gdzie użyć Paszportu Opiekuna</h1>');
    expect(html).toMatch(/poniedziałek i piątek, od 11:00 do 14:00/i);
    expect(html).toContain('Dla: dorośli opiekunowie i rodzice opiekunowie');
    expect(html).toContain('aria-label="Język"');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^cp_lang=pl; Path=\/offers; Max-Age=31536000; HttpOnly; SameSite=Lax$/);
    expect(res.headers.get('cache-control')).toBe('private, max-age=300');

    // the next visit sends the cookie back: still Polish, with nothing in the address
    const again = await get('', cookie.split(';')[0]);
    expect(again.html).toMatch(/<html lang="pl" dir="ltr">/);
    expect(again.res.headers.get('set-cookie')).toBeNull();
  });

  it('keeps the filters in the language links, and Urdu is right to left', async () => {
    const { html } = await get('?lang=ur&area=Melton&carer=parent');
    expect(html).toMatch(/<html lang="ur" dir="rtl">/);
    expect(html).toContain('<a href="/offers?lang=gu&amp;area=Melton&amp;carer=parent" lang="gu"');
    expect(html).toContain('<h1>اپنا کیررز پاسپورٹ کہاں استعمال کریں</h1>');
  });

  it('ignores a language it does not offer', async () => {
    const { res, html } = await get('?lang=xx', 'cp_lang=zz');
    expect(html).toMatch(/<html lang="en-GB" dir="ltr">/);
    expect(res.headers.get('set-cookie')).toBeNull();
  });
});
