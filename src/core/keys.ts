// Public keys: shape checks, RFC 7638 thumbprints, and signature verification with keys imported once per kid.

import { decodeBase64url, encodeBase64url } from './base64url.ts';
import type { Alg } from './jws.ts';

export type PublicJwk =
  | { kty: 'EC'; crv: 'P-256'; x: string; y: string; kid?: string }
  | { kty: 'OKP'; crv: 'Ed25519'; x: string; kid?: string };

export type KeyProblem = 'not-an-object' | 'private-key' | 'unsupported-key-type' | 'bad-coordinates';

/** The public members of a P-256 or Ed25519 JWK, or why it is not one. Private keys are refused. */
export function readPublicJwk(value: unknown): { ok: true; jwk: PublicJwk } | { ok: false; problem: KeyProblem } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problem: 'not-an-object' };
  const jwk = value as Record<string, unknown>;
  if (Object.hasOwn(jwk, 'd')) return { ok: false, problem: 'private-key' };
  const kid = typeof jwk.kid === 'string' ? { kid: jwk.kid } : {};
  if (jwk.kty === 'EC' && jwk.crv === 'P-256') {
    if (!isCoordinate(jwk.x) || !isCoordinate(jwk.y)) return { ok: false, problem: 'bad-coordinates' };
    return { ok: true, jwk: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, ...kid } };
  }
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') {
    if (!isCoordinate(jwk.x)) return { ok: false, problem: 'bad-coordinates' };
    return { ok: true, jwk: { kty: 'OKP', crv: 'Ed25519', x: jwk.x, ...kid } };
  }
  return { ok: false, problem: 'unsupported-key-type' };
}

function isCoordinate(value: unknown): value is string {
  return typeof value === 'string' && decodeBase64url(value)?.length === 32;
}

/**
 * RFC 7638 SHA-256 thumbprint, base64url without padding: the `kid` every key must carry. The required members in
 * lexicographic order, no white space (section 3.2), hashed with WebCrypto: the verifier's path imports no JOSE
 * library, so a till's first scan does not download one (issue 12); tests hold it to jose's calculateJwkThumbprint.
 */
export async function thumbprint(jwk: PublicJwk): Promise<string> {
  const members = jwk.kty === 'EC' ? { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y } : { crv: jwk.crv, kty: jwk.kty, x: jwk.x };
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(members)));
  return encodeBase64url(new Uint8Array(digest));
}

export function algSuitsKey(alg: Alg, jwk: PublicJwk): boolean {
  return alg === 'ES256' ? jwk.kty === 'EC' : jwk.kty === 'OKP';
}

/** Resolves true or false, never rejects; reads its bytes before it returns. */
type Verifier = (signingInput: Uint8Array, signature: Uint8Array) => Promise<boolean>;

/**
 * Imports each key once (by kid, which is its thumbprint, so it names the key material exactly) and verifies
 * signatures with it. Ed25519 falls back to @noble/curves on browsers whose WebCrypto lacks it.
 */
export class KeyCache {
  readonly #verifiers = new Map<string, Promise<Verifier>>();
  /** The same verifiers once imported: a scan with a known key goes straight to WebCrypto, with no await between. */
  readonly #ready = new Map<string, Verifier>();

  /** verifySignature, for callers holding the compact text too (the signature covers signingInput alone). */
  verify(alg: Alg, jwk: PublicJwk & { kid: string }, _compact: string, signingInput: Uint8Array, signature: Uint8Array): Promise<boolean> {
    return this.verifySignature(alg, jwk, signingInput, signature);
  }

  /**
   * Resolves true or false, never rejects. The bytes are read before it returns (WebCrypto copies them, and they are
   * copied here while the key is imported), so the caller may reuse them at once, as verifyPassport does.
   */
  verifySignature(alg: Alg, jwk: PublicJwk & { kid: string }, signingInput: Uint8Array, signature: Uint8Array): Promise<boolean> {
    // spec section 1: a signature under an alg that does not suit the key does not verify
    if (!algSuitsKey(alg, jwk)) return Promise.resolve(false);
    const ready = this.#ready.get(jwk.kid);
    if (ready) return ready(signingInput, signature);
    let verifier = this.#verifiers.get(jwk.kid);
    if (!verifier) {
      verifier = importVerifier(alg, jwk);
      this.#verifiers.set(jwk.kid, verifier);
      verifier.then((imported) => this.#ready.set(jwk.kid, imported), () => undefined);
    }
    // held until the key is imported, while the caller may already be reusing its buffers
    const heldInput = signingInput.slice();
    const heldSignature = signature.slice();
    return verifier.then((imported) => imported(heldInput, heldSignature)).catch(() => false);
  }
}

async function importVerifier(alg: Alg, jwk: PublicJwk): Promise<Verifier> {
  let key: CryptoKey;
  try {
    key = await importPublicKey(jwk);
  } catch {
    if (jwk.kty === 'OKP') return nobleEd25519Verifier(jwk.x);
    return async () => false; // a key this browser cannot import verifies nothing
  }
  // The header rules (spec section 1) and the signing input were settled by parseCompactJws, and the key was imported
  // for this alg, so the signature goes straight to WebCrypto: jose's compactVerify would re-split, re-decode and
  // re-parse the token, about 15-20 us (a fifth of a verify) on every scan (measured with test/bench/verify.bench.ts).
  const params = alg === 'ES256' ? ECDSA_P256_SHA256 : ED25519;
  return (signingInput, signature) =>
    crypto.subtle.verify(params, key, signature as Uint8Array<ArrayBuffer>, signingInput as Uint8Array<ArrayBuffer>).catch(() => false);
}

/** The public key for verifying, through WebCrypto's own JWK import (RFC 7517 members only, checked by readPublicJwk). */
export function importPublicKey(jwk: PublicJwk): Promise<CryptoKey> {
  const { kid: _kid, ...members } = jwk;
  const algorithm = jwk.kty === 'EC' ? { name: 'ECDSA', namedCurve: 'P-256' } : { name: 'Ed25519' };
  return crypto.subtle.importKey('jwk', members, algorithm, false, ['verify']);
}

const ECDSA_P256_SHA256: EcdsaParams = { name: 'ECDSA', hash: 'SHA-256' };
const ED25519: Algorithm = { name: 'Ed25519' };

async function nobleEd25519Verifier(x: string): Promise<Verifier> {
  const { ed25519 } = await import('@noble/curves/ed25519.js');
  const publicKey = decodeBase64url(x)!;
  // zip215: false is RFC 8032 (spec section 1: Ed25519), as WebCrypto is; noble's default (ZIP-215) would accept a
  // non-canonical R, so a re-encoded token would verify on an old tablet and fail in Chromium
  return async (signingInput, signature) => {
    try {
      return ed25519.verify(signature, signingInput, publicKey, { zip215: false });
    } catch {
      return false;
    }
  };
}

/** One cache for the whole process: a kid is a thumbprint, so entries never go stale. */
export const sharedKeyCache = new KeyCache();
