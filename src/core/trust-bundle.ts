// Trust bundle loading (spec section 3): signed by a pinned root, every key checked, no rollback.

import { parseClaims, parseCompactJws } from './jws.ts';
import { KeyCache, readPublicJwk, sharedKeyCache, thumbprint, type PublicJwk } from './keys.ts';
import { readIssuerContact, type IssuerContact } from './issuer-contact.ts';
import { isNumericDate, type NumericDate } from './numeric-date.ts';

import { CATEGORIES, type Category } from './categories.ts';

export { CATEGORIES, type Category };

export type KeyWithKid = PublicJwk & { kid: string };

export type TrustedIssuer = {
  iss: string;
  name: string;
  cats: readonly Category[];
  keys: readonly KeyWithKid[];
  /** spec section 8: display only; absent when the bundle has none or a malformed one. */
  contact?: IssuerContact;
};

export type TrustBundle = {
  iss: string;
  iat: NumericDate;
  exp: NumericDate;
  seq: number;
  statusMaxAge: number;
  issuers: readonly TrustedIssuer[];
  /** kid -> the issuer that holds it and the key itself. */
  keysByKid: ReadonlyMap<string, { issuer: TrustedIssuer; key: KeyWithKid }>;
  /** The signed token, so it can be stored and shown again. */
  jwt: string;
};

export const DEFAULT_STATUS_MAX_AGE = 604_800;

export type BundleRejection =
  | 'malformed'
  | 'header'
  | 'unpinned-root'
  | 'bad-signature'
  | 'claims'
  | 'bad-key'
  | 'private-key'
  | 'kid-mismatch'
  | 'duplicate-kid'
  | 'rollback';

export type BundleLoad = { ok: true; bundle: TrustBundle } | { ok: false; reason: BundleRejection; detail: string };

/** A pinned root: its public key and its thumbprint. */
export type PinnedRoot = { kid: string; jwk: PublicJwk };

/** Reads a root JWK from configuration; private members are dropped, since only the public part is pinned. */
export async function pinRoot(value: unknown): Promise<PinnedRoot | undefined> {
  if (typeof value !== 'object' || value === null) return undefined;
  const { d: _private, ...rest } = value as Record<string, unknown>;
  const read = readPublicJwk(rest);
  if (!read.ok) return undefined;
  return { kid: await thumbprint(read.jwk), jwk: read.jwk };
}

export type LoadBundleOptions = {
  roots: readonly PinnedRoot[];
  /** The seq of the bundle already held, if any: a lower seq is a rollback. */
  heldSeq?: number;
  keyCache?: KeyCache;
};

export async function loadTrustBundle(jwt: string, options: LoadBundleOptions): Promise<BundleLoad> {
  const reject = (reason: BundleRejection, detail: string): BundleLoad => ({ ok: false, reason, detail });
  const compact = jwt.trim();
  const parsed = parseCompactJws(compact, { typ: 'cp-trust+jwt' });
  if (!parsed.ok) {
    return parsed.problem === 'shape' || parsed.problem === 'base64url' || parsed.problem === 'header-json'
      ? reject('malformed', 'the trust bundle is not a signed token (JWS compact form)')
      : reject('header', `the trust bundle's header breaks the rules (${parsed.problem})`);
  }
  const { header, signingInput, payload, signature } = parsed.jws;
  const root = options.roots.find((r) => r.kid === header.kid);
  if (!root) return reject('unpinned-root', `the trust bundle is signed by key ${header.kid}, which is not a pinned root`);
  const cache = options.keyCache ?? sharedKeyCache;
  const signed = await cache.verify(header.alg, { ...root.jwk, kid: root.kid }, compact, signingInput, signature);
  if (!signed) return reject('bad-signature', 'the trust bundle signature does not verify with the pinned root');

  const claims = parseClaims(payload);
  if (!claims) return reject('claims', 'the trust bundle payload is not a JSON object');
  const { iss, iat, exp, seq, issuers } = claims;
  const statusMaxAge = claims.status_max_age ?? DEFAULT_STATUS_MAX_AGE;
  if (typeof iss !== 'string') return reject('claims', 'the trust bundle has no iss');
  if (!isNumericDate(iat) || !isNumericDate(exp)) return reject('claims', 'the trust bundle needs integer iat and exp');
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) return reject('claims', 'the trust bundle needs an integer seq');
  if (typeof statusMaxAge !== 'number' || !Number.isSafeInteger(statusMaxAge) || statusMaxAge < 0) {
    return reject('claims', 'status_max_age must be a whole number of seconds');
  }
  if (!Array.isArray(issuers)) return reject('claims', 'the trust bundle has no issuers list');

  const readIssuers: TrustedIssuer[] = [];
  const keysByKid = new Map<string, { issuer: TrustedIssuer; key: KeyWithKid }>();
  for (const entry of issuers as unknown[]) {
    const issuer = readIssuer(entry);
    if (typeof issuer === 'string') return reject('claims', issuer);
    // spec section 8: one issuer listed twice makes the bundle rejected whole
    if (readIssuers.some((held) => held.iss === issuer.iss)) return reject('claims', `issuer ${issuer.iss} is listed twice in the trust bundle`);
    const keys: KeyWithKid[] = [];
    for (const rawKey of issuer.rawKeys) {
      const read = readPublicJwk(rawKey);
      if (!read.ok) {
        return read.problem === 'private-key'
          ? reject('private-key', `a key of issuer ${issuer.iss} has private members`)
          : reject('bad-key', `a key of issuer ${issuer.iss} is not a public P-256 or Ed25519 key (${read.problem})`);
      }
      const { kid } = read.jwk;
      if (kid === undefined) return reject('bad-key', `a key of issuer ${issuer.iss} has no kid`);
      if (kid !== (await thumbprint(read.jwk))) return reject('kid-mismatch', `key ${kid} of issuer ${issuer.iss} is not its own thumbprint`);
      if (keysByKid.has(kid) || keys.some((k) => k.kid === kid)) {
        return reject('duplicate-kid', `key ${kid} appears twice in the bundle`);
      }
      keys.push({ ...read.jwk, kid });
    }
    const trusted: TrustedIssuer = { iss: issuer.iss, name: issuer.name, cats: issuer.cats, keys, ...(issuer.contact ? { contact: issuer.contact } : {}) };
    for (const key of keys) keysByKid.set(key.kid, { issuer: trusted, key });
    readIssuers.push(trusted);
  }
  // spec section 3: a lower seq than the held bundle's is a rollback; the same seq is not
  if (options.heldSeq !== undefined && seq < options.heldSeq) {
    return reject('rollback', `the trust bundle is older (seq ${seq}) than the one held (seq ${options.heldSeq})`);
  }
  return {
    ok: true,
    bundle: { iss, iat, exp, seq, statusMaxAge, issuers: readIssuers, keysByKid, jwt: compact },
  };
}

type IssuerEntry = { iss: string; name: string; cats: Category[]; rawKeys: unknown[]; contact: IssuerContact | undefined };

function readIssuer(value: unknown): IssuerEntry | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'an issuer entry is not an object';
  const { iss, name, cats, keys, contact } = value as Record<string, unknown>;
  if (typeof iss !== 'string' || iss.length === 0) return 'an issuer entry has no iss';
  if (typeof name !== 'string') return `issuer ${iss} has no display name`;
  if (!Array.isArray(cats)) return `issuer ${iss} has no list of categories`;
  if (!Array.isArray(keys)) return `issuer ${iss} has no keys list`;
  // a category this version does not know cannot match any passport (spec section 2), so it is left out
  const known = cats.filter((c): c is Category => (CATEGORIES as readonly unknown[]).includes(c));
  return { iss, name, cats: known, rawKeys: keys, contact: readIssuerContact(contact) };
}

/** spec section 3: a verifier replaces its bundle only with a higher seq (the same seq is no rollback, nor newer). */
export function replacesHeldBundle(candidate: TrustBundle, held: TrustBundle | undefined): boolean {
  return held === undefined || candidate.seq > held.seq;
}

/** spec section 3: a bundle past its exp is still used, with a warning. No skew. */
export function isBundleStale(bundle: TrustBundle, now: NumericDate): boolean {
  return now > bundle.exp;
}
