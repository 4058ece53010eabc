// Issue 4: 10,000 records uploaded through a proxy that drops or fails a third of requests at random; the device
// retries each batch until it is acknowledged, and the service ends with exactly 10,000 records.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RedemptionRecord } from '../../src/core/index.ts';
import { BACKENDS } from './support/backends.ts';
import { startFlakyProxy, seededRandom, type FlakyProxy } from './support/flaky-proxy.ts';
import { createPartner, enrol, record, type EnrolledDevice } from './support/scheme-fixtures.ts';
import { startTestService, type TestService } from './support/test-service.ts';

const TOTAL = 10_000;
const BATCH = 500;

/** Sends one batch until the service answers 200 with every record stored or duplicate; returns the attempts. */
async function uploadUntilAcknowledged(base: string, token: string, batch: RedemptionRecord[]): Promise<number> {
  for (let attempt = 1; attempt <= 60; attempt++) {
    try {
      const res = await fetch(`${base}/v1/redemptions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ records: batch }),
      });
      if (res.status === 200) {
        const { results } = (await res.json()) as { results: { id: string; status: string }[] };
        if (results.length === batch.length && results.every((r, i) => r.id === batch[i]!.id && (r.status === 'stored' || r.status === 'duplicate'))) {
          return attempt;
        }
        throw new Error(`a batch was not accepted: ${JSON.stringify(results.find((r) => r.status === 'rejected'))}`);
      }
      await res.arrayBuffer();
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('a batch was not accepted')) throw error;
      // a dropped connection: try again
    }
    await new Promise((r) => setTimeout(r, Math.min(200, 5 * 2 ** attempt) * (0.5 + Math.random())));
  }
  throw new Error('a batch was never acknowledged');
}

describe.each(BACKENDS)('uploads through a failing network ($name)', (backend) => {
  let t: TestService;
  let proxy: FlakyProxy;
  let devices: EnrolledDevice[];
  beforeAll(async () => {
    t = await startTestService(backend, { uploadLimit: { max: 100_000, timeWindowMs: 60_000 } });
    await createPartner(t.url, 'corner-shop');
    devices = [await enrol(t.url, 'corner-shop'), await enrol(t.url, 'corner-shop')];
    proxy = await startFlakyProxy(t.url, 1 / 3, seededRandom(20_261_124));
  });
  afterAll(async () => {
    await proxy?.close();
    await t?.stop();
  });

  it('ends with exactly 10,000 records however often batches were retried', { timeout: 180_000 }, async () => {
    // two devices uploading at once, each its own 5,000 records in batches of 500
    const attempts = await Promise.all(
      devices.map(async (device, d) => {
        const records = Array.from({ length: TOTAL / devices.length }, (_, i) => record(device, { jti: `P-${d}-${i % 700}` }));
        let sent = 0;
        for (let i = 0; i < records.length; i += BATCH) sent += await uploadUntilAcknowledged(proxy.url, device.deviceToken, records.slice(i, i + BATCH));
        return sent;
      }),
    );
    const [row] = await t.database.db.query<{ n: number; ids: number }>('SELECT count(*)::int AS n, count(DISTINCT id)::int AS ids FROM redemptions');
    expect(row).toEqual({ n: TOTAL, ids: TOTAL });
    // the faults really happened, of every kind, and some batches were stored but not acknowledged
    const { passed, ...faults } = proxy.faults;
    const failed = Object.values(faults).reduce((a, b) => a + b, 0);
    expect(failed / (failed + passed)).toBeGreaterThan(0.15);
    for (const count of Object.values(faults)) expect(count).toBeGreaterThan(0);
    expect(attempts.reduce((a, b) => a + b, 0)).toBe(failed + passed);
  });
});
