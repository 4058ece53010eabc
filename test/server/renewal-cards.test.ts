// Bulk renewal with cards (issue 10, point 4): the renew call says where its renewed passports' cards are, and
// POST /admin/api/renewals/cards.pdf with that selection gives them in one PDF with the new expiry.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount } from '../../src/server/accounts/account-store.ts';
import { createApiToken } from '../../src/server/accounts/api-tokens.ts';
import { pageSizes, pdfText } from '../cards/support.ts';
import { BACKENDS } from './support/backends.ts';
import { adminCall, adminHeaders, startTestService, type TestService } from './support/test-service.ts';

const ID1 = '242.65 x 153.07';
const A4 = '595.28 x 841.89';

describe.each(BACKENDS)('renewed cards in one PDF ($name)', (backend) => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService(backend);
  });
  afterAll(() => t?.stop());

  const issue = async (name: string, iss = 'uk.test.vasl', cat = 'adult') => {
    const { passport } = (await adminCall(t.url, 'POST', '/admin/api/passports', { iss, cat, name, exp: t.clock.now + 20 * 86_400 })).data;
    return { iss: passport.iss as string, jti: passport.jti as string };
  };
  const cardsPdf = async (body: unknown, headers = adminHeaders()) => {
    const res = await fetch(`${t.url}/admin/api/renewals/cards.pdf`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { res, pdf: new Uint8Array(await res.arrayBuffer()) };
  };

  it("renews two passports and gives both new cards, with the new expiry, from the renew call's link", async () => {
    const a = await issue('Amara Patel');
    const b = await issue('Siôn Ó Briain');
    const renewed = await adminCall(t.url, 'POST', '/admin/api/renewals/renew', { passports: [a, b], years: 3 });
    expect(renewed.status).toBe(200);
    expect(renewed.data.cards).toEqual({ method: 'POST', href: '/admin/api/renewals/cards.pdf', body: { passports: [a, b] } });

    const { res, pdf } = await cardsPdf(renewed.data.cards.body);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="carers-passports-renewed.pdf"');
    expect(res.headers.get('x-cards')).toBe('2');
    expect(await pageSizes(pdf)).toEqual([ID1, ID1, ID1, ID1]);
    const text = await pdfText(pdf);
    expect(text).toContain('Amara Patel');
    expect(text).toContain('Siôn Ó Briain');
    // the new expiry as the card prints it ("4 February 2030"): three years on from the old one
    const exp = renewed.data.renewed[0].exp as number;
    expect(new Date(exp * 1000).getUTCFullYear()).toBe(new Date(t.clock.now * 1000).getUTCFullYear() + 3);
    expect(text).toContain(new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }).format(exp * 1000));

    const a4 = await cardsPdf({ ...renewed.data.cards.body, layout: 'a4' });
    expect(await pageSizes(a4.pdf)).toEqual([A4, A4]); // a sheet of fronts, then one of backs
  });

  it('no cards link when nothing was renewed; refuses a cancelled passport and an empty selection in words', async () => {
    const none = await adminCall(t.url, 'POST', '/admin/api/renewals/renew', { passports: [{ iss: 'uk.test.vasl', jti: 'NOPE-1' }] });
    expect(none.data.cards).toBeUndefined();
    const gone = await issue('Cancelled Carer');
    await adminCall(t.url, 'POST', `/admin/api/passports/${gone.iss}/${gone.jti}/revoke`);
    const refused = await cardsPdf({ passports: [gone] });
    expect(refused.res.status).toBe(409);
    expect(JSON.parse(new TextDecoder().decode(refused.pdf)).message).toMatch(/cancelled/i);
    expect((await cardsPdf({ passports: [] })).res.status).toBe(400);
    expect((await cardsPdf({ passports: [{ iss: 'uk.test.vasl', jti: 'NOPE-2' }] })).res.status).toBe(404);
  });

  it("issuer staff get their own issuer's cards, and 403 for another issuer's", async () => {
    const added = await addAccount(t.service.ctx, { name: 'young-staff', role: 'issuer', iss: 'uk.test.young', password: 'a long enough password' }, 'test');
    if (!added.ok) throw new Error(added.problem);
    const token = await createApiToken(t.service.ctx, added.account, 'test', 'test');
    const headers = { authorization: `Bearer ${token.token}` };
    const own = await issue('Young Carer', 'uk.test.young', 'young');
    const other = await issue('Adult Carer');
    expect((await cardsPdf({ passports: [own] }, headers)).res.status).toBe(200);
    expect((await cardsPdf({ passports: [own, other] }, headers)).res.status).toBe(403);
  });
});
