// Issue 4, benchmark: records per second the scheme service ingests over HTTP, in batches of 500, on embedded PGlite
// and on a PostgreSQL server (TEST_DATABASE_URL or BENCH_DATABASE_URL), one device and four devices at once.

import { randomBytes, randomUUID } from 'node:crypto';
import { generateSigningKey } from '../../src/core/index.ts';
import { openDatabase } from '../../src/server/db/open-database.ts';
import { dropPgSchema } from '../../src/server/db/pg-database.ts';
import type { KeyMaterial } from '../../src/server/keys/key-material.ts';
import { benchAdminHeaders } from './bench-admin.ts';
import { startService } from '../../src/server/service.ts';
import { printTable, quantile, type Figure } from './report.ts';

export const name = 'server-ingest';
export const description = 'records per second stored by POST /v1/redemptions, batches of 500 (PGlite and PostgreSQL)';

const BATCH = 500;
const RECORDS_PER_DEVICE = 10_000;
const PASSWORD = 'bench only, never a real password';

export async function run(): Promise<void> {
  await benchBackend('PGlite', undefined);
  const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (url) await benchBackend('PostgreSQL', url);
  else printTable('PostgreSQL', [{ figure: 'ingest', value: 'skipped: no PostgreSQL', unit: 'set BENCH_DATABASE_URL or TEST_DATABASE_URL' }]);
}

async function benchBackend(label: string, url: string | undefined): Promise<void> {
  const schema = `cp_bench_${randomBytes(5).toString('hex')}`;
  const db = url ? await openDatabase({ kind: 'postgres', url, schema }) : await openDatabase({ kind: 'pglite' });
  const [root, issuer] = await Promise.all([generateSigningKey('ES256'), generateSigningKey('ES256')]);
  const keys: KeyMaterial = { demo: false, schemeId: 'bench', root: root.privateJwk, issuers: [{ iss: 'uk.bench', name: 'Bench', cats: ['adult'], key: issuer.privateJwk }] };
  const service = await startService({ db, adminPassword: PASSWORD, keys, refreshEveryMs: 0, uploadLimit: { max: 1e9, timeWindowMs: 60_000 } });
  try {
    const admin = await benchAdminHeaders(service.ctx); // the admin API takes an account's API token
    const profile = { id: 'bench-shop', name: 'Bench shop', kind: 'shop', timeZone: 'Europe/London', offers: [{ id: 'o', title: 'O', kind: 'benefit', categories: ['adult'], limit: { kind: 'unlimited' } }] };
    await fetch(`${service.url}/admin/api/partners/bench-shop`, { method: 'PUT', headers: admin, body: JSON.stringify(profile) });
    const enrolDevice = async () => {
      const { code } = (await (await fetch(`${service.url}/admin/api/partners/bench-shop/enrolment-codes`, { method: 'POST', headers: admin, body: '{}' })).json()) as { code: string };
      return (await (await fetch(`${service.url}/v1/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) })).json()) as { deviceId: string; deviceToken: string };
    };

    const uploadAll = async (device: { deviceId: string; deviceToken: string }, latencies: number[]) => {
      for (let sent = 0; sent < RECORDS_PER_DEVICE; sent += BATCH) {
        const records = Array.from({ length: BATCH }, (_, i) => ({
          id: randomUUID(), redeemedAt: new Date(Date.now() - 30 * 86_400_000 + (sent + i) * 60_000).toISOString(), offerId: 'o',
          partnerId: 'bench-shop', deviceId: device.deviceId, iss: 'uk.bench', jti: `B-${(sent + i) % 5000}`, verdict: 'VALID',
        }));
        const started = performance.now();
        const res = await fetch(`${service.url}/v1/redemptions`, {
          method: 'POST', headers: { authorization: `Bearer ${device.deviceToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ records }),
        });
        const body = (await res.json()) as { results: { status: string }[] };
        latencies.push(performance.now() - started);
        if (res.status !== 200 || body.results.some((r) => r.status !== 'stored')) throw new Error(`upload failed: ${res.status}`);
      }
    };

    const figures: Figure[] = [];
    for (const devices of [1, 4]) {
      const enrolled = await Promise.all(Array.from({ length: devices }, enrolDevice));
      const latencies: number[] = [];
      const started = performance.now();
      await Promise.all(enrolled.map((d) => uploadAll(d, latencies)));
      const seconds = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      const total = devices * RECORDS_PER_DEVICE;
      figures.push(
        { figure: `${devices} device${devices > 1 ? 's' : ''}: records ingested`, value: total, unit: 'records' },
        { figure: `${devices} device${devices > 1 ? 's' : ''}: throughput`, value: Math.round(total / seconds), unit: 'records/s' },
        { figure: `${devices} device${devices > 1 ? 's' : ''}: batch of 500, median`, value: quantile(latencies, 0.5), unit: 'ms' },
        { figure: `${devices} device${devices > 1 ? 's' : ''}: batch of 500, p95`, value: quantile(latencies, 0.95), unit: 'ms' },
      );
    }
    const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM redemptions');
    figures.push({ figure: 'rows in redemptions', value: row!.n, unit: 'records' });
    printTable(label, figures);
  } finally {
    await service.close();
    await db.close();
    if (url) await dropPgSchema(url, schema);
  }
}
