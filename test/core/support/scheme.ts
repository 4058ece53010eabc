// Test scheme builder: a root, one ES256 and one EdDSA issuer, a bundle, status lists and passports, all signed with
// keys made in the test. `signRaw` signs ANY header and payload bytes, so header-rule tests are real signed tokens.

import {
  buildTrustState,
  deflateZlib,
  encodeBase64url,
  generateSigningKey,
  jwsToQrText,
  loadTrustBundle,
  packStatuses,
  pinRoot,
  verifyPassport,
  type Alg,
  type KeyPair,
  type PinnedRoot,
  type PrivateJwk,
  type StatusListSet,
  type TrustBundle,
  type Verdict,
} from '../../../src/core/index.ts';

/** A fixed "now" (2026-11-18T11:06:40Z); every token in the tests is dated relative to it. */
export const NOW = 1_795_000_000;
export const DAY = 86_400;

export type Json = Record<string, unknown>;
export type Bytes = Json | string | Uint8Array;

const encoder = new TextEncoder();
function toBytes(value: Bytes): Uint8Array {
  if (value instanceof Uint8Array) return value;
  return encoder.encode(typeof value === 'string' ? value : JSON.stringify(value));
}

/** Signs `header.payload` with the key's own algorithm, whatever the header says (WebCrypto, no jose checks). */
export async function signRaw(header: Bytes, payload: Bytes, key: PrivateJwk): Promise<string> {
  const signingInput = `${encodeBase64url(toBytes(header))}.${encodeBase64url(toBytes(payload))}`;
  const { kid: _kid, ...jwk } = key;
  const ec = key.kty === 'EC';
  const cryptoKey = await crypto.subtle.importKey(
    'jwk',
    jwk as JsonWebKey,
    ec ? { name: 'ECDSA', namedCurve: 'P-256' } : { name: 'Ed25519' },
    false,
    ['sign'],
  );
  const signature = await crypto.subtle.sign(ec ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'Ed25519' }, cryptoKey, encoder.encode(signingInput));
  return `${signingInput}.${encodeBase64url(new Uint8Array(signature))}`;
}

export function algOfKey(key: KeyPair): Alg {
  return key.publicJwk.kty === 'EC' ? 'ES256' : 'EdDSA';
}

/** The header every good document of the given typ carries. */
export function headerFor(key: KeyPair, typ: string, extra: Json = {}): Json {
  return { alg: algOfKey(key), kid: key.publicJwk.kid, typ, ...extra };
}

export type TestIssuer = { iss: string; name: string; cats: string[]; key: KeyPair; listUri: string };

export type Scheme = {
  root: KeyPair;
  roots: PinnedRoot[];
  es: TestIssuer;
  ed: TestIssuer;
  bundleJwt: string;
  bundle: TrustBundle;
};

export type BundleClaims = Json & { issuers?: unknown };

/** The issuer entry of a bundle, as JSON (spec section 3). */
export function issuerEntry(issuer: TestIssuer, keys: Json[] = [issuer.key.publicJwk]): Json {
  return { iss: issuer.iss, name: issuer.name, cats: issuer.cats, keys };
}

export function bundleClaims(issuers: TestIssuer[], overrides: Json = {}): Json {
  return {
    iss: 'test-scheme',
    iat: NOW - DAY,
    exp: NOW + 30 * DAY,
    seq: 7,
    status_max_age: 604_800,
    issuers: issuers.map((i) => issuerEntry(i)),
    ...overrides,
  };
}

export function signBundle(claims: Json, root: KeyPair, header: Json = headerFor(root, 'cp-trust+jwt')): Promise<string> {
  return signRaw(header, claims, root.privateJwk);
}

export async function loadOrThrow(jwt: string, roots: PinnedRoot[]): Promise<TrustBundle> {
  const loaded = await loadTrustBundle(jwt, { roots });
  if (!loaded.ok) throw new Error(`test bundle rejected: ${loaded.reason} ${loaded.detail}`);
  return loaded.bundle;
}

export async function pin(key: KeyPair): Promise<PinnedRoot> {
  const root = await pinRoot(key.publicJwk);
  if (!root) throw new Error('root did not pin');
  return root;
}

async function makeIssuer(alg: Alg, iss: string, name: string): Promise<TestIssuer> {
  return {
    iss,
    name,
    cats: ['adult', 'young-adult', 'parent'],
    key: await generateSigningKey(alg),
    listUri: `https://status.example/${iss}/1`,
  };
}

export async function makeScheme(): Promise<Scheme> {
  const root = await generateSigningKey('ES256');
  const es = await makeIssuer('ES256', 'uk.test.es', 'ES Carers Service');
  const ed = await makeIssuer('EdDSA', 'uk.test.ed', 'Ed Carers Forum');
  const roots = [await pin(root)];
  const bundleJwt = await signBundle(bundleClaims([es, ed]), root);
  return { root, roots, es, ed, bundleJwt, bundle: await loadOrThrow(bundleJwt, roots) };
}

/** Good passport claims for the issuer; overrides replace (or, with undefined, remove) claims. */
export function passportClaims(issuer: TestIssuer, overrides: Json = {}): Json {
  const claims: Json = {
    iss: issuer.iss,
    jti: 'CP-000123',
    name: 'Jo Carer',
    cat: 'adult',
    nbf: NOW - 30 * DAY,
    exp: NOW + 700 * DAY,
    iat: NOW - 30 * DAY,
    status: { status_list: { idx: 5, uri: issuer.listUri } },
    ...overrides,
  };
  for (const [name, value] of Object.entries(claims)) if (value === undefined) delete claims[name];
  return claims;
}

/** A compact passport JWS; header extras merge into the good header, payload may be any bytes. */
export function passportJws(issuer: TestIssuer, claims: Bytes = passportClaims(issuer), header: Bytes = headerFor(issuer.key, 'cp+jwt')): Promise<string> {
  return signRaw(header, claims, issuer.key.privateJwk);
}

export type ListOptions = {
  uri?: string;
  iat?: number;
  exp?: number;
  bits?: 1 | 2 | 4 | 8;
  /** Status per index; default: 131,072 zeros (spec section 4's minimum size). */
  statuses?: Uint8Array;
  /** Replaces the encoded list outright. */
  lst?: unknown;
  extra?: Json;
};

export async function lstOf(statuses: Uint8Array, bits: 1 | 2 | 4 | 8): Promise<string> {
  return encodeBase64url(await deflateZlib(packStatuses(statuses, bits)));
}

/** A status list JWT (spec section 4) signed by `signer` (default: the issuer's own key). */
export async function statusListJwt(issuer: TestIssuer, options: ListOptions = {}, signer: KeyPair = issuer.key): Promise<string> {
  const bits = options.bits ?? 1;
  const lst = options.lst ?? (await lstOf(options.statuses ?? new Uint8Array(131_072), bits));
  const claims: Json = {
    sub: options.uri ?? issuer.listUri,
    iat: options.iat ?? NOW - DAY,
    ...(options.exp === undefined ? {} : { exp: options.exp }),
    status_list: { bits, lst },
    ...options.extra,
  };
  return signRaw(headerFor(signer, 'statuslist+jwt'), claims, signer.privateJwk);
}

/** Statuses with the given values set at the given indices. */
export function statusesWith(size: number, values: Record<number, number>): Uint8Array {
  const statuses = new Uint8Array(size);
  for (const [index, value] of Object.entries(values)) statuses[Number(index)] = value;
  return statuses;
}

export async function listsFor(bundle: TrustBundle, jwts: string[]): Promise<StatusListSet> {
  return (await buildTrustState(bundle, jwts)).statusLists;
}

export type VerifyOptions = { lists?: string[]; now?: number; bundle?: TrustBundle; skew?: number };

/** Verifies QR text (or a bare JWS) against the scheme; lists default to none. */
export async function verifyWith(scheme: Scheme, text: string, options: VerifyOptions = {}): Promise<Verdict> {
  const bundle = options.bundle ?? scheme.bundle;
  return verifyPassport(text, {
    bundle,
    statusLists: await listsFor(bundle, options.lists ?? []),
    now: options.now ?? NOW,
    ...(options.skew === undefined ? {} : { skew: options.skew }),
  });
}

/** Both the QR text form and the bare JWS of a token. */
export function asQr(jws: string): string {
  return jwsToQrText(jws);
}
