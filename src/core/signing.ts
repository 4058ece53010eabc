// Issuer-side signing: passports, status lists and trust bundles (spec sections 1 to 4). Keys are private JWKs.

import { CompactSign, exportJWK, generateKeyPair, importJWK } from 'jose';
import { encodeBase64url, utf8 } from './base64url.ts';
import { readIssuerContact, type IssuerContact } from './issuer-contact.ts';
import type { Alg } from './jws.ts';
import { readPublicJwk, thumbprint, type PublicJwk } from './keys.ts';
import type { NumericDate } from './numeric-date.ts';
import type { Category } from './trust-bundle.ts';

export type PrivateJwk = PublicJwk & { d: string; kid: string };
export type KeyPair = { privateJwk: PrivateJwk; publicJwk: PublicJwk & { kid: string } };

export async function generateSigningKey(alg: Alg): Promise<KeyPair> {
  const { privateKey } = await generateKeyPair(alg === 'ES256' ? 'ES256' : 'Ed25519', { extractable: true });
  const jwk = await exportJWK(privateKey);
  const publicPart = readPublicJwk(withoutPrivate(jwk));
  if (!publicPart.ok) throw new Error(`generated key is not usable: ${publicPart.problem}`);
  const kid = await thumbprint(publicPart.jwk);
  return {
    privateJwk: { ...publicPart.jwk, d: jwk.d as string, kid },
    publicJwk: { ...publicPart.jwk, kid },
  };
}

export function withoutPrivate(jwk: Record<string, unknown>): Record<string, unknown> {
  const { d: _d, ...rest } = jwk;
  return rest;
}

/** Reads a private signing key; its kid is always recomputed as the thumbprint of its public part. */
export async function readPrivateJwk(value: unknown): Promise<PrivateJwk | undefined> {
  if (typeof value !== 'object' || value === null) return undefined;
  const jwk = value as Record<string, unknown>;
  if (typeof jwk.d !== 'string') return undefined;
  const publicPart = readPublicJwk(withoutPrivate(jwk));
  if (!publicPart.ok) return undefined;
  return { ...publicPart.jwk, d: jwk.d, kid: await thumbprint(publicPart.jwk) };
}

export function algOf(jwk: PublicJwk): Alg {
  return jwk.kty === 'EC' ? 'ES256' : 'EdDSA';
}

/** Signs any JSON payload as a compact JWS with the given typ and the key's thumbprint kid. */
export async function signCompact(payload: object, typ: string, key: PrivateJwk): Promise<string> {
  const alg = algOf(key);
  const cryptoKey = await importJWK({ ...key }, alg);
  return new CompactSign(utf8(JSON.stringify(payload)))
    .setProtectedHeader({ alg, kid: key.kid, typ })
    .sign(cryptoKey);
}

export type PassportFields = {
  iss: string;
  jti: string;
  name: string;
  cat: Category;
  nbf: NumericDate;
  exp: NumericDate;
  iat?: NumericDate;
  statusUri: string;
  statusIdx: number;
};

export function signPassport(fields: PassportFields, key: PrivateJwk): Promise<string> {
  const { statusUri, statusIdx, ...claims } = fields;
  return signCompact({ ...claims, status: { status_list: { idx: statusIdx, uri: statusUri } } }, 'cp+jwt', key);
}

export type StatusListFields = {
  uri: string;
  iat: NumericDate;
  exp?: NumericDate;
  ttl?: number;
  bits: 1 | 2 | 4 | 8;
  /** Status value per index; the list's length. */
  statuses: Uint8Array;
};

/** Packs statuses least-significant-bit first (spec section 4). */
export function packStatuses(statuses: Uint8Array, bits: 1 | 2 | 4 | 8): Uint8Array {
  const perByte = 8 / bits;
  const bytes = new Uint8Array(Math.ceil(statuses.length / perByte));
  const mask = (1 << bits) - 1;
  for (let i = 0; i < statuses.length; i++) {
    const value = statuses[i]!;
    if (value === 0) continue;
    if (value > mask) throw new RangeError(`status ${value} at index ${i} does not fit in ${bits} bits`);
    bytes[Math.floor(i / perByte)]! |= value << ((i % perByte) * bits);
  }
  return bytes;
}

/** Compresses to one ZLIB stream (RFC 1950); the issuer may pass a stronger encoder than the platform's default. */
export type Deflate = (bytes: Uint8Array) => Promise<Uint8Array>;

export async function deflateZlib(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export async function signStatusList(fields: StatusListFields, key: PrivateJwk, deflate: Deflate = deflateZlib): Promise<string> {
  const lst = encodeBase64url(await deflate(packStatuses(fields.statuses, fields.bits)));
  return signCompact(
    {
      sub: fields.uri,
      iat: fields.iat,
      ...(fields.exp === undefined ? {} : { exp: fields.exp }),
      ...(fields.ttl === undefined ? {} : { ttl: fields.ttl }),
      status_list: { bits: fields.bits, lst },
    },
    'statuslist+jwt',
    key,
  );
}

/**
 * The seq of the next trust bundle: one more than the last, and never behind the clock counted in minutes, so a
 * bundle signed later has the higher seq wherever it was signed (an app build's demo files, or the scheme service).
 * A verifier replaces its bundle only with a higher seq (spec section 3).
 */
export function nextBundleSeq(previous: number | undefined, now: NumericDate): number {
  return Math.max((previous ?? 0) + 1, Math.floor(now / 60));
}

export type BundleIssuer = {
  iss: string;
  name: string;
  cats: readonly Category[];
  keys: readonly PublicJwk[];
  /** spec section 8: written only when it reads back as a contact (verifiers ignore a malformed one anyway). */
  contact?: IssuerContact;
};

export type TrustBundleFields = {
  iss: string;
  iat: NumericDate;
  exp: NumericDate;
  seq: number;
  statusMaxAge?: number;
  issuers: readonly BundleIssuer[];
};

/** Signs a trust bundle with a root key; every issuer key gets its thumbprint kid and loses any private part. */
export async function signTrustBundle(fields: TrustBundleFields, rootKey: PrivateJwk): Promise<string> {
  const issuers = await Promise.all(
    fields.issuers.map(async (issuer) => {
      const contact = readIssuerContact(issuer.contact);
      const keys = await Promise.all(
        issuer.keys.map(async (key) => {
          const read = readPublicJwk(withoutPrivate(key));
          if (!read.ok) throw new Error(`a key of issuer ${issuer.iss} is not a P-256 or Ed25519 key`);
          return { ...read.jwk, kid: await thumbprint(read.jwk) };
        }),
      );
      return { iss: issuer.iss, name: issuer.name, cats: issuer.cats, keys, ...(contact ? { contact } : {}) };
    }),
  );
  return signCompact(
    {
      iss: fields.iss,
      iat: fields.iat,
      exp: fields.exp,
      seq: fields.seq,
      status_max_age: fields.statusMaxAge ?? 604_800,
      issuers,
    },
    'cp-trust+jwt',
    rootKey,
  );
}
