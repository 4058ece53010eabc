// Status lists (spec section 4): the IETF Token Status List in JWT form, verified against the trust bundle.

import { decodeBase64url } from './base64url.ts';
import { inflateZlib } from './inflate.ts';
import { parseClaims, parseCompactJws } from './jws.ts';
import { sharedKeyCache, type KeyCache } from './keys.ts';
import { isNumericDate, type NumericDate } from './numeric-date.ts';
import type { TrustBundle } from './trust-bundle.ts';

/** 16 MiB: 128 million one-bit entries. */
export const MAX_INFLATED_BYTES = 16 * 1024 * 1024;

export type StatusBits = 1 | 2 | 4 | 8;

export const STATUS_VALID = 0;
export const STATUS_REVOKED = 1;
export const STATUS_SUSPENDED = 2;

export type StatusList = {
  uri: string;
  /** The `iss` of the bundle issuer whose key signed the list. */
  issuer: string;
  iat: NumericDate;
  exp?: NumericDate;
  ttl?: number;
  bits: StatusBits;
  bytes: Uint8Array;
  /** How many entries the list holds. */
  size: number;
  jwt: string;
};

export type StatusListProblem =
  | 'not-a-token'
  | 'header'
  | 'unknown-key'
  | 'bad-signature'
  | 'claims'
  | 'bits'
  | 'lst-encoding'
  | 'not-one-zlib-stream'
  | 'too-large';

export type StatusListDecode = { ok: true; list: StatusList } | { ok: false; problem: StatusListProblem };

export type DecodeStatusListOptions = { keyCache?: KeyCache; maxInflatedBytes?: number };

/** Decodes a status list token; a list that breaks any rule of section 4 is not usable ("ignored as if absent"). */
export async function decodeStatusList(
  jwt: string,
  bundle: TrustBundle,
  options: DecodeStatusListOptions = {},
): Promise<StatusListDecode> {
  const fail = (problem: StatusListProblem): StatusListDecode => ({ ok: false, problem });
  const compact = jwt.trim();
  const parsed = parseCompactJws(compact, { typ: 'statuslist+jwt' });
  if (!parsed.ok) {
    return fail(parsed.problem === 'shape' || parsed.problem === 'base64url' || parsed.problem === 'header-json' ? 'not-a-token' : 'header');
  }
  const { header, signingInput, payload, signature } = parsed.jws;
  const holder = bundle.keysByKid.get(header.kid);
  if (!holder) return fail('unknown-key');
  const cache = options.keyCache ?? sharedKeyCache;
  if (!(await cache.verify(header.alg, holder.key, compact, signingInput, signature))) return fail('bad-signature');

  const claims = parseClaims(payload);
  if (!claims) return fail('claims');
  const { sub, iat, exp, ttl, status_list: statusList } = claims;
  if (typeof sub !== 'string' || !isNumericDate(iat)) return fail('claims');
  if (exp !== undefined && !isNumericDate(exp)) return fail('claims');
  // ttl is optional and decides nothing here (spec section 4), so a malformed one is dropped, not a reason to ignore
  // the list: ignoring it would turn a revoked passport into a warning
  const readTtl = typeof ttl === 'number' && Number.isSafeInteger(ttl) && ttl >= 0 ? ttl : undefined;
  if (typeof statusList !== 'object' || statusList === null || Array.isArray(statusList)) return fail('claims');
  const { bits, lst } = statusList as Record<string, unknown>;
  if (bits !== 1 && bits !== 2 && bits !== 4 && bits !== 8) return fail('bits');
  if (typeof lst !== 'string') return fail('lst-encoding');
  const compressed = decodeBase64url(lst);
  if (!compressed) return fail('lst-encoding');
  const inflated = await inflateZlib(compressed, options.maxInflatedBytes ?? MAX_INFLATED_BYTES);
  if (!inflated.ok) return fail(inflated.problem);

  return {
    ok: true,
    list: {
      uri: sub,
      issuer: holder.issuer.iss,
      iat,
      ...(exp === undefined ? {} : { exp }),
      ...(readTtl === undefined ? {} : { ttl: readTtl }),
      bits,
      bytes: inflated.bytes,
      size: (inflated.bytes.length * 8) / bits,
      jwt: compact,
    },
  };
}

/** The status value at `index`, or undefined when the index is outside the list. */
export function statusAt(list: Pick<StatusList, 'bits' | 'bytes'>, index: number): number | undefined {
  const { bits, bytes } = list;
  const byteIndex = Math.floor((index * bits) / 8);
  if (!Number.isSafeInteger(index) || index < 0 || byteIndex >= bytes.length) return undefined;
  const shift = (index % (8 / bits)) * bits; // counted from the least significant bit
  return (bytes[byteIndex]! >> shift) & ((1 << bits) - 1);
}

/** spec section 4: stale when now - iat > status_max_age, or exp is present and now > exp. No skew. */
export function isStatusListStale(list: StatusList, now: NumericDate, statusMaxAge: number): boolean {
  return now - list.iat > statusMaxAge || (list.exp !== undefined && now > list.exp);
}

/**
 * The usable lists a verifier holds, decoded once. Lists are kept per uri and per signing issuer, so a list
 * signed by another issuer can never stand in for the passport issuer's own; of two, the later iat wins.
 */
export class StatusListSet {
  readonly #lists = new Map<string, StatusList>();
  /** The last lookup and its answer: a till's passports nearly all point at one list, so most scans build no key. */
  #lastFound: { uri: string; issuer: string; list: StatusList | undefined } | undefined;

  /** Adds a decoded list; returns false when an equal or newer list for the same uri and issuer is already held. */
  add(list: StatusList): boolean {
    const key = `${list.issuer}\n${list.uri}`;
    const held = this.#lists.get(key);
    if (held && held.iat >= list.iat) return false;
    this.#lists.set(key, list);
    this.#lastFound = undefined;
    return true;
  }

  find(uri: string, issuer: string): StatusList | undefined {
    const last = this.#lastFound;
    if (last && last.uri === uri && last.issuer === issuer) return last.list;
    const list = this.#lists.get(`${issuer}\n${uri}`);
    this.#lastFound = { uri, issuer, list };
    return list;
  }

  all(): StatusList[] {
    return [...this.#lists.values()];
  }
}
