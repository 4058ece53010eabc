// Issue 2, benchmark: verifyPassport over 10,000 distinct passports with warm keys and a held status list, next to
// the floor, a bare WebCrypto verify of the same signatures with an already imported CryptoKey. Goal: at most 1.2x.

import {
  KeyCache,
  StatusListSet,
  decodeStatusList,
  decodeBase64url,
  numericToJws,
  parseClaims,
  parseCompactJws,
  readPassportClaims,
  recogniseQrText,
  signStatusList,
  statusAt,
  verifyPassport,
  type Alg,
  type VerificationContext,
} from '../../src/core/index.ts';
import { median, printTable, quantile, type Figure } from './report.ts';
import { ISSUER, NOW, STATUS_URI, makePassports, makeScheme, type BenchScheme } from './scheme.ts';

export const name = 'verify';
export const description = 'verifyPassport against a bare crypto.subtle.verify of the same signatures (issue 2)';

const PASSPORTS = 10_000;
const LIST_SIZE = 131_072; // spec section 4: lists are allocated at full size, at least 131,072 entries
const CONCURRENCY = 16;
const PASSES = 2;
const BLOCK = 250;
const WARM_UP = 2_000;
const BURST_BLOCK = 1_000;

export async function run(): Promise<void> {
  for (const alg of ['ES256', 'EdDSA'] as const) await benchAlg(alg);
}

type Floor = { key: CryptoKey; params: AlgorithmIdentifier | EcdsaParams; signed: { input: Uint8Array<ArrayBuffer>; signature: Uint8Array<ArrayBuffer> }[] };

async function benchAlg(alg: Alg): Promise<void> {
  const setupStart = performance.now();
  const scheme = await makeScheme(alg);
  const texts = await makePassports(scheme, PASSPORTS);
  const context = await heldContext(scheme);
  const floor = await makeFloor(scheme, alg, texts);
  const setupSeconds = (performance.now() - setupStart) / 1000;

  // every verdict must be VALID, or the figures would time a shortcut
  for (const text of texts.slice(0, 100)) {
    const verdict = await verifyPassport(text, context);
    if (verdict.code !== 'VALID') throw new Error(`bench passport verified as ${verdict.code}, not VALID`);
  }
  // warm both paths (JIT, WebCrypto's worker threads) before timing
  await sequential(WARM_UP, (i) => verifyPassport(texts[i]!, context));
  await sequential(WARM_UP, (i) => floorVerify(floor, i));

  const { verify: v, floor: f, blockRatio } = await interleaved(
    PASSPORTS,
    (i) => verifyPassport(texts[i]!, context),
    (i) => floorVerify(floor, i),
  );
  const burst = await concurrentInterleaved(
    PASSPORTS,
    (i) => verifyPassport(texts[i]!, context),
    (i) => floorVerify(floor, i),
  );

  const rows: Figure[] = [
    { figure: 'passports (distinct, all VALID)', value: PASSPORTS, unit: '' },
    { figure: 'set-up (keys, signing, list)', value: setupSeconds, unit: 's' },
    { figure: 'verify, sequential: rate', value: Math.round(v.perSecond), unit: 'verifications/s' },
    { figure: 'verify, sequential: p50', value: v.p50 * 1000, unit: 'us' },
    { figure: 'verify, sequential: p99', value: v.p99 * 1000, unit: 'us' },
    { figure: 'floor, sequential: rate', value: Math.round(f.perSecond), unit: 'verifications/s' },
    { figure: 'floor, sequential: p50', value: f.p50 * 1000, unit: 'us' },
    { figure: 'floor, sequential: p99', value: f.p99 * 1000, unit: 'us' },
    { figure: 'ratio verify/floor (mean time)', value: f.perSecond / v.perSecond, unit: goal(f.perSecond / v.perSecond) },
    { figure: `ratio verify/floor (median of ${BLOCK}-passport blocks)`, value: blockRatio, unit: `${goal(blockRatio)}, steadiest under load` },
    { figure: 'ratio verify/floor (p50)', value: v.p50 / f.p50, unit: 'x' },
    { figure: `verify, ${CONCURRENCY} in flight: rate`, value: Math.round(burst.verifyPerSecond), unit: 'verifications/s' },
    { figure: `floor, ${CONCURRENCY} in flight: rate`, value: Math.round(burst.floorPerSecond), unit: 'verifications/s' },
    { figure: `ratio verify/floor, ${CONCURRENCY} in flight (mean)`, value: burst.floorPerSecond / burst.verifyPerSecond, unit: 'x' },
    { figure: `ratio verify/floor, ${CONCURRENCY} in flight (median block)`, value: burst.blockRatio, unit: 'x' },
  ];
  printTable(`verifyPassport, ${alg}, warm keys, held status list (${PASSES} passes, floor and verify taking turns)`, rows);
  printTable(`where the time goes, ${alg} (each stage alone, mean over ${PASSPORTS.toLocaleString('en-GB')})`, await stages(scheme, texts, context));
}

/** The status list the context holds: decoded once, as a verifier would at start-up. */
async function heldContext(scheme: BenchScheme): Promise<VerificationContext> {
  const statuses = new Uint8Array(LIST_SIZE);
  for (let i = PASSPORTS; i < LIST_SIZE; i += 97) statuses[i] = 1; // revocations outside the bench passports
  const jwt = await signStatusList({ uri: STATUS_URI, iat: NOW - 600, exp: NOW + 86_400, bits: 2, statuses }, scheme.issuer.privateJwk);
  const keyCache = new KeyCache();
  const decoded = await decodeStatusList(jwt, scheme.bundle, { keyCache });
  if (!decoded.ok) throw new Error(`bench status list was not usable: ${decoded.problem}`);
  const statusLists = new StatusListSet();
  statusLists.add(decoded.list);
  return { bundle: scheme.bundle, statusLists, now: NOW, keyCache };
}

async function makeFloor(scheme: BenchScheme, alg: Alg, texts: readonly string[]): Promise<Floor> {
  const { kid: _kid, ...jwk } = scheme.issuer.publicJwk;
  const [importParams, params] =
    alg === 'ES256'
      ? [{ name: 'ECDSA', namedCurve: 'P-256' }, { name: 'ECDSA', hash: 'SHA-256' }]
      : [{ name: 'Ed25519' }, { name: 'Ed25519' }];
  const key = await crypto.subtle.importKey('jwk', jwk, importParams, false, ['verify']);
  const signed = texts.map((text) => {
    const jws = numericToJws(text.slice('CP1:/'.length))!;
    const [header, payload, signature] = jws.split('.') as [string, string, string];
    return { input: new TextEncoder().encode(`${header}.${payload}`), signature: decodeBase64url(signature)! as Uint8Array<ArrayBuffer> };
  });
  return { key, params, signed };
}

function floorVerify(floor: Floor, i: number): Promise<boolean> {
  const { input, signature } = floor.signed[i]!;
  return crypto.subtle.verify(floor.params, floor.key, signature, input);
}

const GOAL = 1.2;

function goal(ratio: number): string {
  return `x (goal <= ${GOAL}: ${ratio <= GOAL ? 'met' : 'NOT met'})`;
}

type Timing = { perSecond: number; p50: number; p99: number };

/** One at a time, each awaited: the latency a single till sees. Returns each call's time in ms. */
async function sequential(count: number, work: (i: number) => Promise<unknown>, from = 0): Promise<Float64Array> {
  const latencies = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await work(from + i);
    latencies[i] = performance.now() - t0;
  }
  return latencies;
}

/**
 * Floor and verify take turns in blocks of BLOCK passports (which goes first alternates), so load from other
 * processes falls on both alike; the median of the per-block ratios shrugs off blocks that a spike hit.
 */
async function interleaved(
  count: number,
  verifyWork: (i: number) => Promise<unknown>,
  floorWork: (i: number) => Promise<unknown>,
): Promise<{ verify: Timing; floor: Timing; blockRatio: number }> {
  const verifyTimes: number[] = [];
  const floorTimes: number[] = [];
  const ratios: number[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    for (let start = 0, block = 0; start < count; start += BLOCK, block++) {
      const size = Math.min(BLOCK, count - start);
      const floorFirst = (block + pass) % 2 === 0;
      const first = await sequential(size, floorFirst ? floorWork : verifyWork, start);
      const second = await sequential(size, floorFirst ? verifyWork : floorWork, start);
      const [f, v] = floorFirst ? [first, second] : [second, first];
      floorTimes.push(...f);
      verifyTimes.push(...v);
      ratios.push(sum(v) / sum(f));
    }
  }
  return { verify: summarise(verifyTimes), floor: summarise(floorTimes), blockRatio: median(ratios) };
}

function summarise(latencies: number[]): Timing {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { perSecond: (latencies.length * 1000) / sum(latencies), p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99) };
}

function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
}

/**
 * CONCURRENCY verifications in flight at once: throughput when a server or a worker takes a burst. Floor and verify
 * take turns in blocks of BURST_BLOCK passports, as in the sequential measure.
 */
async function concurrentInterleaved(
  count: number,
  verifyWork: (i: number) => Promise<unknown>,
  floorWork: (i: number) => Promise<unknown>,
): Promise<{ verifyPerSecond: number; floorPerSecond: number; blockRatio: number }> {
  let verifyMs = 0;
  let floorMs = 0;
  const ratios: number[] = [];
  for (let start = 0, block = 0; start < count; start += BURST_BLOCK, block++) {
    const end = Math.min(count, start + BURST_BLOCK);
    const floorFirst = block % 2 === 0;
    const first = await burst(start, end, floorFirst ? floorWork : verifyWork);
    const second = await burst(start, end, floorFirst ? verifyWork : floorWork);
    const [f, v] = floorFirst ? [first, second] : [second, first];
    floorMs += f;
    verifyMs += v;
    ratios.push(v / f);
  }
  return { verifyPerSecond: (count * 1000) / verifyMs, floorPerSecond: (count * 1000) / floorMs, blockRatio: median(ratios) };
}

async function burst(start: number, end: number, work: (i: number) => Promise<unknown>): Promise<number> {
  let next = start;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < end) await work(next++);
    }),
  );
  return performance.now() - t0;
}

/** Each stage of verifyPassport timed alone over all passports, to show what sits on top of the signature check. */
async function stages(scheme: BenchScheme, texts: readonly string[], context: VerificationContext): Promise<Figure[]> {
  const n = texts.length;
  const compacts = texts.map((t) => {
    const shape = recogniseQrText(t);
    return shape.kind === 'numeric' ? numericToJws(shape.digits)! : '';
  });
  const parsed = compacts.map((c) => {
    const p = parseCompactJws(c, { typ: 'cp+jwt', maxPayloadBytes: 2048 });
    if (!p.ok) throw new Error('bench passport did not parse');
    return p.jws;
  });
  const keyCache = context.keyCache!;
  const key = scheme.bundle.keysByKid.get(scheme.issuer.publicJwk.kid)!.key;
  const list = context.statusLists.find(STATUS_URI, ISSUER)!;
  const claims = parsed.map((p) => readPassportClaims(parseClaims(p.payload)!)!);

  const timeSync = (work: (i: number) => unknown): number => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) work(i);
    return ((performance.now() - t0) * 1000) / n;
  };
  const timeAsync = async (work: (i: number) => Promise<unknown>): Promise<number> => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await work(i);
    return ((performance.now() - t0) * 1000) / n;
  };
  for (let round = 0; round < 2; round++) timeSync((i) => parseCompactJws(compacts[i]!, { typ: 'cp+jwt', maxPayloadBytes: 2048 }));

  return [
    { figure: 'QR text shape + numeric form -> JWS', value: timeSync((i) => numericToJws(recogniseQrText(texts[i]!).kind === 'numeric' ? texts[i]!.slice(5) : '')), unit: 'us' },
    { figure: 'parse JWS: base64url, header JSON, rules', value: timeSync((i) => parseCompactJws(compacts[i]!, { typ: 'cp+jwt', maxPayloadBytes: 2048 })), unit: 'us' },
    {
      figure: 'KeyCache.verify (signature)',
      value: await timeAsync((i) => keyCache.verify(parsed[i]!.header.alg, key, compacts[i]!, parsed[i]!.signingInput, parsed[i]!.signature)),
      unit: 'us',
    },
    { figure: 'claims: UTF-8, JSON, section 2 checks', value: timeSync((i) => readPassportClaims(parseClaims(parsed[i]!.payload)!)), unit: 'us' },
    { figure: 'status lookup (find + statusAt)', value: timeSync((i) => statusAt(context.statusLists.find(claims[i]!.status.uri, ISSUER) ?? list, claims[i]!.status.idx)), unit: 'us' },
    { figure: 'whole verifyPassport', value: await timeAsync((i) => verifyPassport(texts[i]!, context)), unit: 'us' },
  ];
}
