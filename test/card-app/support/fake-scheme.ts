// A fake scheme service for the card page's tests (msw): collection codes used once, refresh tokens that follow the
// register (renew, suspend, cancel), and /offers.json with an ETag. Only the contract of issue 9, point 2.

import { http, HttpResponse } from 'msw';
import type { CardCopyPassport } from '../../../src/core/card-copy.ts';
import type { OffersDirectory } from '../../../src/core/index.ts';

export const SVC = 'https://scheme.test.example';
/** 2027-01-15T08:00:00Z */
export const NOW_MS = 1_800_000_000_000;
const YEAR = 365 * 86_400;

export function passportOf(jti: string, name: string, overrides: Partial<CardCopyPassport> = {}): CardCopyPassport {
  return {
    qrText: `CP1:/${'0123456789'.repeat(30)}${jti.replace(/\D/g, '')}`,
    name,
    cat: 'parent',
    iss: 'uk.test.carers',
    issuerName: 'Test Carers Service',
    jti,
    nbf: NOW_MS / 1000 - 86_400,
    exp: NOW_MS / 1000 + YEAR,
    status: 'valid',
    ...overrides,
  };
}

export type FakeScheme = ReturnType<typeof fakeScheme>;

export function fakeScheme() {
  const codes = new Map<string, { jti: string; used: boolean }>();
  const register = new Map<string, CardCopyPassport>();
  const tokens = new Map<string, string>();
  const calls: { path: string; body: unknown }[] = [];
  let directory: OffersDirectory = { date: '2027-01-15', partners: [] };
  let tokenCount = 0;
  const contact = { phone: '0116 123 4567', hours: 'Monday to Friday, 9am to 5pm', web: 'https://carers.test.example/passport' };
  const answer = (passport: CardCopyPassport) => {
    const { qrText, ...rest } = passport;
    return { ...rest, ...(passport.status === 'valid' ? { qrText } : {}) };
  };
  const normal = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');

  const handlers = [
    http.post(`${SVC}/v1/card/collect`, async ({ request }) => {
      const body = (await request.json()) as { code: string };
      calls.push({ path: '/v1/card/collect', body });
      const entry = codes.get(normal(body.code));
      if (!entry) return HttpResponse.json({ error: 'unknown-code', message: 'We do not know this code. Check it against your letter.' }, { status: 404, headers: { 'content-type': 'application/problem+json' } });
      if (entry.used) return HttpResponse.json({ error: 'collected', message: 'This passport has already been collected with this link.' }, { status: 410, headers: { 'content-type': 'application/problem+json' } });
      entry.used = true;
      const token = `rt_${++tokenCount}_abcdefghijklmnopqrstuvwxyz`;
      tokens.set(token, entry.jti);
      return HttpResponse.json({ passport: answer(register.get(entry.jti)!), contact, schemeName: 'Test Carers Passport', refreshToken: token });
    }),
    http.post(`${SVC}/v1/card/refresh`, async ({ request }) => {
      const body = (await request.json()) as { refreshToken: string };
      calls.push({ path: '/v1/card/refresh', body });
      const jti = tokens.get(body.refreshToken);
      if (!jti) return HttpResponse.json({ error: 'unknown-token', message: 'This copy is no longer kept up to date.' }, { status: 401 });
      return HttpResponse.json({ passport: answer(register.get(jti)!), contact, schemeName: 'Test Carers Passport' });
    }),
    http.get(`${SVC}/offers.json`, ({ request }) => {
      const etag = `"${directory.date}-${directory.partners.length}"`;
      calls.push({ path: '/offers.json', body: request.headers.get('if-none-match') });
      if (request.headers.get('if-none-match') === etag) return new HttpResponse(null, { status: 304, headers: { etag } });
      return HttpResponse.json(directory, { headers: { etag } });
    }),
  ];

  return {
    handlers,
    calls,
    contact,
    /** Issues a passport with a collection code, as the admin page would. */
    issue(code: string, passport: CardCopyPassport) {
      register.set(passport.jti, passport);
      codes.set(normal(code), { jti: passport.jti, used: false });
    },
    change(jti: string, patch: Partial<CardCopyPassport>) {
      register.set(jti, { ...register.get(jti)!, ...patch });
    },
    /** Cancelling ends every refresh token of the passport (issue 9, point 5). */
    endTokens(jti: string) {
      for (const [token, held] of tokens) if (held === jti) tokens.delete(token);
    },
    setDirectory(next: OffersDirectory) {
      directory = next;
    },
  };
}
