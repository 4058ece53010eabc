// Issue 2, benchmark: verifyPassport over 10,000 distinct passports with warm keys and a held status list, next to
// the floor, a bare WebCrypto verify of the same signatures with an already imported CryptoKey. Goal: at most 1.2x.

import {
  KeyCache,
  StatusListSet,
  decodeStatusList,
  decodeBase64url,
  numericToJws,
  signStatusList,
  verifyPassport,
  type Alg,
  type VerificationContext,
} from '../../src/core/index.ts';
import { printTable, type Figure } from './report.ts';
import { NOW, STATUS_URI, makePassports, makeScheme, type BenchScheme } from './scheme.ts';
import { concurrentInterleaved, interleaved, sequential } from './timing.ts';
import { timeStages } from './verify-stages.ts';

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

  const verifyWork = (i: number) => verifyPassport(texts[i]!, context);
  const floorWork = (i: number) => floorVerify(floor, i);
  const { verify: v, floor: f, blockRatio } = await interleaved(PASSPORTS, { passes: PASSES, block: BLOCK }, verifyWork, floorWork);
  const burst = await concurrentInterleaved(PASSPORTS, { width: CONCURRENCY, block: BURST_BLOCK }, verifyWork, floorWork);

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
  printTable(`where the time goes, ${alg} (each stage alone, median of 500-passport blocks)`, await timeStages(scheme, texts, context, floorWork));
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
