// Printed cards from the service (issue 9): a passport's card as a PDF that scans VALID, refused for a cancelled
// passport; a postal run of the passports issued or renewed on some days, each letter's QR the phone copy's link;
// the issuer's contact from the configuration in the published bundle and on the card.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrustState, loadTrustBundle, verifyPassport } from '../../src/core/index.ts';
import { decodeQr, pngPixels } from '../cli/zxing-node.ts';
import { pageSizes, pdfText, renderPage } from '../cards/support.ts';
import { BACKENDS } from './support/backends.ts';
import { adminCall, adminHeaders, makeTestKeys, startTestService, T0, type TestService } from './support/test-service.ts';

const ID1 = '242.65 x 153.07';
const A4 = '595.28 x 841.89';
const WK = '/.well-known/carers-passport';
const CONTACT = { phone: '0116 496 0123', hours: 'Mon-Fri 9am-5pm', web: 'https://carers.example/' };

describe.each(BACKENDS)('cards from the service ($name)', (backend) => {
  let t: TestService;
  beforeAll(async () => {
    const keys = await makeTestKeys();
    keys.issuers[0]!.contact = CONTACT;
    keys.schemeName = 'Test Carers Passport';
    t = await startTestService(backend, {}, keys);
  });
  afterAll(() => t?.stop());

  async function trust() {
    const bundleJwt = await (await fetch(`${t.url}${WK}/trust-bundle.jwt`)).text();
    const loaded = await loadTrustBundle(bundleJwt, { roots: [t.keys.pinned] });
    if (!loaded.ok) throw new Error(`bundle rejected: ${loaded.reason}`);
    const index = (await (await fetch(`${t.url}${WK}/status-lists.json`)).json()) as { lists: { href: string }[] };
    const lists = await Promise.all(index.lists.map(async (l) => (await fetch(new URL(l.href, `${t.url}${WK}/`))).text()));
    return { bundle: loaded.bundle, state: await buildTrustState(loaded.bundle, lists) };
  }
  const issue = async (name: string, extra: object = {}) => (await adminCall(t.url, 'POST', '/admin/api/passports', { iss: 'uk.test.vasl', cat: 'adult', name, ...extra })).data;
  const getPdf = async (path: string) => {
    const res = await fetch(`${t.url}${path}`, { headers: adminHeaders() });
    return { res, pdf: new Uint8Array(await res.arrayBuffer()) };
  };

  it("publishes the issuer's contact from the configuration in the trust bundle", async () => {
    const { bundle } = await trust();
    expect(bundle.issuers.find((i) => i.iss === 'uk.test.vasl')?.contact).toEqual(CONTACT);
    expect(bundle.issuers.find((i) => i.iss === 'uk.test.young')?.contact).toBeUndefined();
  });

  it('card.pdf: one ID-1 card, front and back, whose QR scans VALID at 300 and 150 dpi, with the contact as text', async () => {
    const issued = await issue('Zoë O’Brien-Łukasiewicz');
    const { res, pdf } = await getPdf(`/admin/api/passports/uk.test.vasl/${issued.passport.jti}/card.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="carers-passport-${issued.passport.jti}.pdf"`);
    expect(await pageSizes(pdf)).toEqual([ID1, ID1]);
    const { bundle, state } = await trust();
    for (const dpi of [300, 150]) {
      const [found] = await decodeQr(pngPixels(await renderPage(pdf, 1, dpi)));
      const verdict = await verifyPassport(found!.text, { bundle, statusLists: state.statusLists, now: t.clock.now });
      expect(verdict).toMatchObject({ code: 'VALID', passport: { jti: issued.passport.jti, name: 'Zoë O’Brien-Łukasiewicz' } });
    }
    expect((await pdfText(pdf, 1)).replace(/\s+/g, ' ')).toContain('Zoë O’Brien-Łukasiewicz');
    expect((await pdfText(pdf, 2)).replace(/\s+/g, ' ')).toContain('0116 496 0123');
  });

  it('card.pdf?layout=a4 is one A4 sheet of fronts and one of backs', async () => {
    const issued = await issue('Dev Begum');
    const { res, pdf } = await getPdf(`/admin/api/passports/uk.test.vasl/${issued.passport.jti}/card.pdf?layout=a4`);
    expect(res.status).toBe(200);
    expect(await pageSizes(pdf)).toEqual([A4, A4]);
  });

  it('refuses a card for a cancelled passport (409, plain words), and asks for the password', async () => {
    const issued = await issue('Cancelled Carer');
    await adminCall(t.url, 'POST', `/admin/api/passports/uk.test.vasl/${issued.passport.jti}/revoke`);
    const { res } = await getPdf(`/admin/api/passports/uk.test.vasl/${issued.passport.jti}/card.pdf`);
    expect(res.status).toBe(409);

    const again = await fetch(`${t.url}/admin/api/passports/uk.test.vasl/${issued.passport.jti}/card.pdf`, { headers: adminHeaders() });
    expect((await again.json()).message).toMatch(/cancelled: a card for it must not be printed/);
    expect((await fetch(`${t.url}/admin/api/passports/uk.test.vasl/${issued.passport.jti}/card.pdf`)).status).toBe(401);
  });

  it('a postal run: the passports issued or renewed on those days, each card then its letter with a collection QR', async () => {
    t.clock.now = T0 + 10 * 86_400; // a day of its own
    const day = new Date(t.clock.now * 1000).toISOString().slice(0, 10);
    const a = await issue('Postal One');
    const b = await issue('Postal Two');
    const c = await issue('Postal Three');
    await adminCall(t.url, 'POST', `/admin/api/passports/uk.test.vasl/${c.passport.jti}/suspend`); // left out
    t.clock.now += 86_400;
    const res = await fetch(`${t.url}/admin/api/cards/postal-run`, {
      method: 'POST', headers: adminHeaders({ 'content-type': 'application/json' }), body: JSON.stringify({ from: day, to: day }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('x-cards-skipped')).toBe('1');
    const pdf = new Uint8Array(await res.arrayBuffer());
    expect(await pageSizes(pdf)).toEqual([ID1, ID1, A4, ID1, ID1, A4]);
    const letters = [(await pdfText(pdf, 3)).replace(/\s+/g, ' '), (await pdfText(pdf, 6)).replace(/\s+/g, ' ')];
    expect(letters.map((l) => /Dear (Postal \w+),/.exec(l)?.[1]).sort()).toEqual(['Postal One', 'Postal Two']);
    const [link] = await decodeQr(pngPixels(await renderPage(pdf, 3, 150)));
    expect(link!.text).toMatch(new RegExp(`^${t.url.replace(/[.]/g, '\\.')}/card/#code=[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$`));
    const code = link!.text.split('code=')[1]!;
    expect(letters[0]).toContain(code);
    // the letter's code collects that letter's passport
    const collected = await fetch(`${t.url}/v1/card/collect`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
    const jti = ((await collected.json()) as { passport: { jti: string } }).passport.jti;
    expect(letters[0]).toContain(jti);
    expect([a.passport.jti, b.passport.jti]).toContain(jti);

    // renewed on a later day: in that day's run
    const renewDay = new Date(t.clock.now * 1000).toISOString().slice(0, 10);
    await adminCall(t.url, 'POST', `/admin/api/passports/uk.test.vasl/${b.passport.jti}/renew`);
    const renewedRun = await fetch(`${t.url}/admin/api/cards/postal-run`, {
      method: 'POST', headers: adminHeaders({ 'content-type': 'application/json' }), body: JSON.stringify({ from: renewDay, to: renewDay, layout: 'a4' }),
    });
    const renewedPdf = new Uint8Array(await renewedRun.arrayBuffer());
    expect(await pageSizes(renewedPdf)).toEqual([A4, A4, A4]);
    expect(await pdfText(renewedPdf, 3)).toContain('Dear Postal Two,');
  });

  it('a postal run of a selection; a cancelled passport in it is refused; bad days are a 400', async () => {
    const a = await issue('Chosen One');
    const ok = await fetch(`${t.url}/admin/api/cards/postal-run`, {
      method: 'POST', headers: adminHeaders({ 'content-type': 'application/json' }), body: JSON.stringify({ passports: [{ iss: 'uk.test.vasl', jti: a.passport.jti }] }),
    });
    expect(ok.status).toBe(200);
    expect(await pageSizes(new Uint8Array(await ok.arrayBuffer()))).toEqual([ID1, ID1, A4]);
    await adminCall(t.url, 'POST', `/admin/api/passports/uk.test.vasl/${a.passport.jti}/revoke`);
    const refused = await adminCall(t.url, 'POST', '/admin/api/cards/postal-run', { passports: [{ iss: 'uk.test.vasl', jti: a.passport.jti }] });
    expect(refused.status).toBe(409);
    expect((await adminCall(t.url, 'POST', '/admin/api/cards/postal-run', { from: '2027-02-30', to: '2027-03-01' })).status).toBe(400);
    expect((await adminCall(t.url, 'POST', '/admin/api/cards/postal-run', { from: '2020-01-01', to: '2020-01-02' })).status).toBe(404);
  });

  it('the admin page links each printable passport to its card and offers a postal run', async () => {
    const html = await (await fetch(`${t.url}/admin/classic`, { headers: adminHeaders() })).text();
    expect(html).toContain('Card (PDF)');
    expect(html).toContain('Cards for a postal run');
    expect(html).toMatch(/phone copy collected \d{4}-\d{2}-\d{2}/);
  });
});
