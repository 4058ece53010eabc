// @vitest-environment node
// The core's enrolment code check (src/core/enrolment-code.ts), shared by the app and the service's claims:
// signed by a PINNED root, typ cp-enrol+jwt, not expired, claims iss/iat/exp/jti/svc/partner.

import { describe, expect, it } from 'vitest';
import { verifyEnrolmentCode } from '../../src/core/enrolment-code.ts';
import { generateSigningKey, pinRoot, signCompact, signPassport, type KeyPair, type PinnedRoot } from '../../src/core/index.ts';

const NOW = 1_800_000_000;
const claims = { iss: 'test-scheme', iat: NOW - 60, exp: NOW + 86_400, jti: 'AbCdEfGhIjKlMnOpQrStUv', svc: 'https://scheme.test.example', partner: 'corner-shop' };

async function setup(alg: 'ES256' | 'EdDSA' = 'ES256'): Promise<{ root: KeyPair; roots: PinnedRoot[] }> {
  const root = await generateSigningKey(alg);
  return { root, roots: [(await pinRoot(root.publicJwk))!] };
}

describe('enrolment codes', () => {
  it('accepts a code signed by a pinned root and reads its claims (ES256 and EdDSA)', async () => {
    for (const alg of ['ES256', 'EdDSA'] as const) {
      const { root, roots } = await setup(alg);
      const code = await signCompact(claims, 'cp-enrol+jwt', root.privateJwk);
      expect(await verifyEnrolmentCode(`  ${code}\n`, { roots, now: NOW })).toEqual({ ok: true, claims });
    }
  });

  it('refuses a code signed by a key that is not pinned, even one with every claim right', async () => {
    const { roots } = await setup();
    const stranger = await generateSigningKey('ES256');
    const code = await signCompact(claims, 'cp-enrol+jwt', stranger.privateJwk);
    expect(await verifyEnrolmentCode(code, { roots, now: NOW })).toEqual({ ok: false, problem: 'bad-signature' });
  });

  it('refuses a code whose payload was changed after signing (another service URL)', async () => {
    const { root, roots } = await setup();
    const [header, , signature] = (await signCompact(claims, 'cp-enrol+jwt', root.privateJwk)).split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, svc: 'https://evil.example' })).toString('base64url');
    expect(await verifyEnrolmentCode(`${header}.${forged}.${signature}`, { roots, now: NOW })).toEqual({ ok: false, problem: 'bad-signature' });
  });

  it('refuses an expired code, with no skew: one second past exp', async () => {
    const { root, roots } = await setup();
    const code = await signCompact(claims, 'cp-enrol+jwt', root.privateJwk);
    expect((await verifyEnrolmentCode(code, { roots, now: claims.exp })).ok).toBe(true);
    expect(await verifyEnrolmentCode(code, { roots, now: claims.exp + 1 })).toEqual({ ok: false, problem: 'expired' });
  });

  it('refuses other token types signed by the same root (a trust bundle typ, a passport)', async () => {
    const { root, roots } = await setup();
    expect(await verifyEnrolmentCode(await signCompact(claims, 'cp-trust+jwt', root.privateJwk), { roots, now: NOW })).toEqual({ ok: false, problem: 'malformed' });
    const passport = await signPassport({ iss: 'x', jti: 'A1', name: 'N', cat: 'adult', nbf: NOW, exp: NOW + 10, statusUri: 'u', statusIdx: 0 }, root.privateJwk);
    expect(await verifyEnrolmentCode(passport, { roots, now: NOW })).toEqual({ ok: false, problem: 'malformed' });
  });

  it('refuses codes with missing claims or a service address that is not plain http(s)', async () => {
    const { root, roots } = await setup();
    const { partner: _partner, ...noPartner } = claims;
    for (const bad of [noPartner, { ...claims, exp: String(claims.exp) }, { ...claims, svc: 'javascript:alert(1)' }, { ...claims, svc: 'https://user:pw@scheme.example' }]) {
      const code = await signCompact(bad, 'cp-enrol+jwt', root.privateJwk);
      expect(await verifyEnrolmentCode(code, { roots, now: NOW })).toEqual({ ok: false, problem: 'malformed' });
    }
  });

  it('calls text that is not a token malformed', async () => {
    const { roots } = await setup();
    for (const text of ['', 'hello', 'CP1:/0102', 'a.b', `${'a'.repeat(5000)}.b.c`]) {
      expect(await verifyEnrolmentCode(text, { roots, now: NOW })).toEqual({ ok: false, problem: 'malformed' });
    }
  });
});
