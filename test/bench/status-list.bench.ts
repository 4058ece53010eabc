// Issue 2, benchmark: a status list of 10,000,000 entries with 1% revoked at seeded random indices, in bits 1 and 2:
// compressed size, decode time, lookup time and memory; and how fast a decompression bomb is refused (spec section 4).

import {
  MAX_INFLATED_BYTES,
  decodeBase64url,
  decodeStatusList,
  encodeBase64url,
  inflateZlib,
  signCompact,
  signStatusList,
  statusAt,
  type StatusList,
} from '../../src/core/index.ts';
import { strongDeflate } from '../../src/server/publication/strong-deflate.ts';
import { collectGarbage, median, printTable, seededRandom, type Figure } from './report.ts';
import { NOW, STATUS_URI, makeScheme, type BenchScheme } from './scheme.ts';
import { zlibZeroBomb } from './zlib-bomb.ts';

export const name = 'status-list';
export const description = 'a 10,000,000-entry status list: size, decode, lookup, memory; and a decompression bomb';

const ENTRIES = 10_000_000;
const REVOKED_SHARE = 0.01;
const DECODE_RUNS = 7;
const LOOKUPS = 1_000_000;
const BOMB_BYTES = 1 << 30;

export async function run(): Promise<void> {
  const scheme = await makeScheme('ES256');
  const statuses = revokedAtRandom();
  for (const bits of [1, 2] as const) await benchList(scheme, statuses, bits);
  await benchBomb(scheme);
}

/** 1% of entries revoked, at indices from a seeded PRNG (some draws repeat, so slightly under 1%). */
function revokedAtRandom(): Uint8Array {
  const statuses = new Uint8Array(ENTRIES);
  const random = seededRandom(20_260_101);
  for (let k = 0; k < ENTRIES * REVOKED_SHARE; k++) statuses[Math.floor(random() * ENTRIES)] = 1;
  return statuses;
}

async function benchList(scheme: BenchScheme, statuses: Uint8Array, bits: 1 | 2): Promise<void> {
  const revoked = statuses.reduce((sum, s) => sum + s, 0);
  const signStart = performance.now();
  // the issuer's encoder (zlib level 9, src/server/publication/strong-deflate.ts), as the service and the CLI sign
  const jwt = await signStatusList({ uri: STATUS_URI, iat: NOW, exp: NOW + 86_400, bits, statuses }, scheme.issuer.privateJwk, strongDeflate);
  const signMs = performance.now() - signStart;
  const lst = (JSON.parse(new TextDecoder().decode(decodeBase64url(jwt.split('.')[1]!)!)) as { status_list: { lst: string } }).status_list.lst;
  const compressed = decodeBase64url(lst)!;

  // memory first, while nothing else decoded is around: readings after full collections, with only the list kept
  const { held, memory } = await decodeKeepingOnlyTheList(jwt, scheme.bundle);

  // decode: signature, base64url, JSON, inflate with the 16 MiB cap; a verifier does this once per fetched list.
  // Decode and inflate alone take turns, so outside load falls on both alike.
  const decodeTimes: number[] = [];
  const inflateTimes: number[] = [];
  for (let run = 0; run < DECODE_RUNS; run++) {
    let t0 = performance.now();
    const decoded = await decodeStatusList(jwt, scheme.bundle);
    decodeTimes.push(performance.now() - t0);
    if (!decoded.ok) throw new Error(`the bench list was not usable: ${decoded.problem}`);
    t0 = performance.now();
    await inflateZlib(compressed, MAX_INFLATED_BYTES);
    inflateTimes.push(performance.now() - t0);
  }

  const indices = new Uint32Array(LOOKUPS);
  const random = seededRandom(bits * 7919);
  for (let i = 0; i < LOOKUPS; i++) indices[i] = Math.floor(random() * ENTRIES);
  for (let i = 0; i < LOOKUPS; i++) {
    if (statusAt(held, indices[i]!) !== statuses[indices[i]!]) throw new Error(`statusAt disagrees with the statuses at ${indices[i]}`);
  }
  const lookupNs = median([0, 1, 2].map(() => timeLookups(held, indices)));

  const rows: Figure[] = [
    { figure: 'entries', value: held.size, unit: '' },
    { figure: 'revoked', value: revoked, unit: `entries (${((100 * revoked) / ENTRIES).toFixed(2)}%)` },
    { figure: 'compressed list (lst, ZLIB)', value: compressed.length, unit: `bytes (goal at most 150,000: ${compressed.length <= 150_000 ? 'met' : 'NOT met'})` },
    { figure: 'lst as base64url', value: lst.length, unit: 'characters' },
    { figure: 'whole status list JWT', value: jwt.length, unit: 'bytes' },
    { figure: 'issuer: pack, deflate, sign', value: signMs, unit: 'ms' },
    { figure: `decodeStatusList (median of ${DECODE_RUNS})`, value: median(decodeTimes), unit: 'ms' },
    { figure: '  of which inflateZlib (median)', value: median(inflateTimes), unit: 'ms (in Node: + trailing-bytes probe)' },
    { figure: `statusAt, ${LOOKUPS.toLocaleString('en-GB')} random lookups`, value: lookupNs, unit: 'ns per lookup' },
    { figure: 'inflated bytes held', value: held.bytes.byteLength, unit: 'bytes' },
    { figure: 'memory after decode: heapUsed delta', value: memory.heapUsed, unit: 'bytes' },
    { figure: 'memory after decode: arrayBuffers delta', value: memory.arrayBuffers, unit: 'bytes' },
    { figure: 'memory during decode: peak arrayBuffers delta', value: memory.peakArrayBuffers, unit: 'bytes (sampled)' },
  ];
  printTable(`status list, ${ENTRIES.toLocaleString('en-GB')} entries, bits ${bits}, 1% revoked`, rows);
}

type MemoryDelta = { heapUsed: number; arrayBuffers: number; peakArrayBuffers: number };

/** Decodes one list and reports what stays in memory once only that list is referenced. */
async function decodeKeepingOnlyTheList(jwt: string, bundle: BenchScheme['bundle']): Promise<{ held: StatusList; memory: MemoryDelta }> {
  collectGarbage();
  const before = process.memoryUsage();
  let peak = before.arrayBuffers;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().arrayBuffers);
  }, 1);
  const decoded = await decodeStatusList(jwt, bundle);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().arrayBuffers);
  if (!decoded.ok) throw new Error(`the bench list was not usable: ${decoded.problem}`);
  collectGarbage();
  const after = process.memoryUsage();
  return {
    held: decoded.list,
    memory: {
      heapUsed: after.heapUsed - before.heapUsed,
      arrayBuffers: after.arrayBuffers - before.arrayBuffers,
      peakArrayBuffers: peak - before.arrayBuffers,
    },
  };
}

function timeLookups(list: Pick<StatusList, 'bits' | 'bytes'>, indices: Uint32Array): number {
  let sum = 0;
  const t0 = performance.now();
  for (let i = 0; i < indices.length; i++) sum += statusAt(list, indices[i]!) ?? 0;
  const ns = ((performance.now() - t0) * 1e6) / indices.length;
  if (sum < 0) console.log(sum); // keeps the loop's result alive
  return ns;
}

/** A signed list whose lst inflates to 1 GiB of zeros: decodeStatusList must stop at 16 MiB and say too-large. */
async function benchBomb(scheme: BenchScheme): Promise<void> {
  const bomb = zlibZeroBomb(BOMB_BYTES);
  const jwt = await signCompact(
    { sub: STATUS_URI, iat: NOW, status_list: { bits: 1, lst: encodeBase64url(bomb) } },
    'statuslist+jwt',
    scheme.issuer.privateJwk,
  );
  collectGarbage();
  const before = process.memoryUsage();
  const times: number[] = [];
  let problem = '';
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    const decoded = await decodeStatusList(jwt, scheme.bundle);
    times.push(performance.now() - t0);
    problem = decoded.ok ? 'accepted (wrong)' : decoded.problem;
  }
  const after = process.memoryUsage();
  printTable('decompression bomb, spec section 4 (16 MiB cap)', [
    { figure: 'would inflate to', value: BOMB_BYTES, unit: 'bytes (1 GiB of zeros)' },
    { figure: 'compressed (lst, ZLIB)', value: bomb.length, unit: 'bytes' },
    { figure: 'cap', value: MAX_INFLATED_BYTES, unit: 'bytes (16 MiB)' },
    { figure: 'decodeStatusList answer', value: problem, unit: problem === 'too-large' ? '(as the spec says)' : '(WRONG: must be too-large)' },
    { figure: 'time to refuse (median of 3)', value: median(times), unit: 'ms' },
    { figure: 'memory: rss growth while refusing', value: after.rss - before.rss, unit: 'bytes' },
  ]);
  if (problem !== 'too-large') throw new Error(`the decompression bomb was not refused as too-large (${problem})`);
}
