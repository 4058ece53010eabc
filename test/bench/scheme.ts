// A benchmark scheme built from fresh keys: a root, one issuer of the chosen algorithm, its trust bundle, a held
// status list and many distinct passports, all signed through the core's own signing functions.

import { CompactSign, importJWK } from 'jose';
import {
  algOf,
  generateSigningKey,
  jwsToQrText,
  loadTrustBundle,
  pinRoot,
  signTrustBundle,
  utf8,
  type Alg,
  type KeyPair,
  type NumericDate,
  type TrustBundle,
} from '../../src/core/index.ts';

export const NOW: NumericDate = 1_795_000_000;
export const ISSUER = 'uk.bench.issuer';
export const STATUS_URI = 'https://status.bench.example/uk.bench.issuer/1';

export type BenchScheme = { issuer: KeyPair; bundle: TrustBundle };

export async function makeScheme(alg: Alg): Promise<BenchScheme> {
  const root = await generateSigningKey('ES256');
  const issuer = await generateSigningKey(alg);
  const bundleJwt = await signTrustBundle(
    {
      iss: 'bench-scheme',
      iat: NOW - 3600,
      exp: NOW + 30 * 86_400,
      seq: 1,
      issuers: [{ iss: ISSUER, name: 'Bench Carers Service', cats: ['adult', 'young', 'young-adult', 'parent'], keys: [issuer.publicJwk] }],
    },
    root.privateJwk,
  );
  const pinned = await pinRoot(root.publicJwk);
  if (!pinned) throw new Error('the bench root key could not be pinned');
  const loaded = await loadTrustBundle(bundleJwt, { roots: [pinned] });
  if (!loaded.ok) throw new Error(`the bench trust bundle was rejected: ${loaded.detail}`);
  return { issuer, bundle: loaded.bundle };
}

const CATS = ['adult', 'young', 'young-adult', 'parent'] as const;

/**
 * `count` distinct passports (own number, name and status index), as the QR text a scanner reads. The claims are
 * those of the core's signPassport; the key is imported once here (signPassport imports it per call), which keeps
 * the set-up of 10,000 passports to a second or two.
 */
export async function makePassports(scheme: BenchScheme, count: number): Promise<string[]> {
  const { privateJwk } = scheme.issuer;
  const alg = algOf(privateJwk);
  const key = await importJWK({ ...privateJwk }, alg);
  const texts: string[] = [];
  // signed in batches: WebCrypto runs on worker threads, so a little concurrency shortens the set-up
  for (let start = 0; start < count; start += 64) {
    const batch = Array.from({ length: Math.min(64, count - start) }, (_, k) => start + k);
    const signed = await Promise.all(
      batch.map((i) => {
        const claims = {
          iss: ISSUER,
          jti: `BENCH-${String(i).padStart(6, '0')}`,
          name: `Carer Number ${i}`,
          cat: CATS[i % CATS.length]!,
          nbf: NOW - 86_400 * (1 + (i % 300)),
          exp: NOW + 2 * 31_557_600,
          iat: NOW - 86_400,
          status: { status_list: { idx: i, uri: STATUS_URI } },
        };
        return new CompactSign(utf8(JSON.stringify(claims))).setProtectedHeader({ alg, kid: privateJwk.kid, typ: 'cp+jwt' }).sign(key);
      }),
    );
    for (const jws of signed) texts.push(jwsToQrText(jws));
  }
  return texts;
}
