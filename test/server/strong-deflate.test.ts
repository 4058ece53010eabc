// Issue 13: the issuer signs status lists with a stronger DEFLATE (zlib level 9), still one standard ZLIB stream that
// the core's inflater (DecompressionStream) reads, with every status where it was.

import { describe, expect, it } from 'vitest';
import {
  decodeBase64url,
  deflateZlib,
  generateSigningKey,
  inflateZlib,
  MAX_INFLATED_BYTES,
  packStatuses,
  signStatusList,
} from '../../src/core/index.ts';
import { strongDeflate } from '../../src/server/publication/strong-deflate.ts';

/** 1,000,000 entries, about 1% revoked at scattered places (a fixed stride, so the test needs no random numbers). */
function sparseStatuses(): Uint8Array {
  const statuses = new Uint8Array(1_000_000);
  for (let i = 7, step = 0; i < statuses.length; i += 61 + (step++ % 97) * 2) statuses[i] = 1;
  return statuses;
}

describe('the issuer status list encoder', () => {
  it('writes a list the core inflates back to the same bytes, smaller than the default encoder', async () => {
    const packed = packStatuses(sparseStatuses(), 1);
    const strong = await strongDeflate(packed);
    const inflated = await inflateZlib(strong, MAX_INFLATED_BYTES);
    expect(inflated.ok && Buffer.from(inflated.bytes).equals(Buffer.from(packed))).toBe(true);
    expect(strong.length).toBeLessThan((await deflateZlib(packed)).length);
  });

  it('signStatusList uses it when given: the signed lst is its output', async () => {
    const { privateJwk } = await generateSigningKey('ES256');
    const statuses = sparseStatuses();
    const jwt = await signStatusList({ uri: 'https://example.org/lists/1', iat: 1_800_000_000, bits: 1, statuses }, privateJwk, strongDeflate);
    const claims = JSON.parse(new TextDecoder().decode(decodeBase64url(jwt.split('.')[1]!)!)) as { status_list: { lst: string } };
    expect(Buffer.from(decodeBase64url(claims.status_list.lst)!).equals(Buffer.from(await strongDeflate(packStatuses(statuses, 1))))).toBe(true);
  });
});
