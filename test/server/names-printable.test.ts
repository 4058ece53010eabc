// A name that cannot be printed (a NUL, a control or direction character) is refused as the row's or request's fault,
// with its line number in an import, never a 500 that stops the whole import.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCall, startTestService, type TestService } from './support/test-service.ts';

describe('names we cannot print (PGlite)', () => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService({ name: 'PGlite' });
  });
  afterAll(() => t?.stop());

  it('refuses such a name when issuing, in plain words', async () => {
    const issued = await adminCall(t.url, 'POST', '/admin/api/passports', { iss: 'uk.test.vasl', cat: 'adult', name: 'Ann\u0000Lee' });
    expect(issued.status).toBe(400);
    expect(issued.data.message).toMatch(/cannot be printed/);
  });

  it('refuses the row in an import and imports the others, the dry run saying the same', async () => {
    const csv = 'name,kind,number,issued,expires,issuer\nGood Person,adult,NP-1,2026-01-01,2028-01-01,uk.test.vasl\n"Bad\u0000Person",adult,NP-2,2026-01-01,2028-01-01,uk.test.vasl\n';
    for (const dry of [true, false]) {
      const answer = await adminCall(t.url, 'POST', `/admin/api/passports/import${dry ? '?dryRun=1' : ''}`, { csv });
      expect(answer.status).toBe(200);
      expect(answer.data).toMatchObject({ imported: 1, refused: [{ line: 3, code: 'BAD_NAME' }] });
    }
  });
});
