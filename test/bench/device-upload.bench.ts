// Issue 4, benchmark: the time for ONE device to upload 10,000 queued redemption records with the app's own code
// (OutboxUploader, createSyncClient, openStorage on fake-indexeddb in Node) to the real scheme service in-process,
// on PGlite in a temp folder and on a PostgreSQL server (BENCH_DATABASE_URL or TEST_DATABASE_URL). The device is
// enrolled as the app does it: a code the service made, checked against the pinned root, exchanged for a token.

import { benchAdminHeaders } from './bench-admin.ts';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KeyMaterial } from '../../src/server/keys/key-material.ts';
import { printTable, quantile, type Figure } from './report.ts';

export const name = 'device-upload';
export const description = "one device uploads 10,000 queued records with the app's own uploader (fake-indexeddb in Node)";
export const timeoutSeconds = 240;

const RECORDS = 10_000;
const PASSWORD = 'bench only, never a real password';
const PARTNER = 'bench-shop';

export async function run(): Promise<void> {
  // heavy and global (fake-indexeddb installs indexedDB on globalThis): only once this module is chosen
  await import('./fake-indexeddb.ts');
  await benchBackend('PGlite (temp folder)', undefined);
  const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (url) await benchBackend('PostgreSQL', url);
  else printTable('PostgreSQL', [{ figure: 'device upload', value: 'skipped: no PostgreSQL', unit: 'set BENCH_DATABASE_URL or TEST_DATABASE_URL' }]);
}

async function benchBackend(label: string, url: string | undefined): Promise<void> {
  const [{ generateSigningKey, pinRoot }, { verifyEnrolmentCode }, { openDatabase }, { dropPgSchema }, { startService }] = await Promise.all([
    import('../../src/core/index.ts'),
    import('../../src/core/enrolment-code.ts'),
    import('../../src/server/db/open-database.ts'),
    import('../../src/server/db/pg-database.ts'),
    import('../../src/server/service.ts'),
  ]);
  const [{ openStorage }, { createSyncClient }, { OutboxUploader }] = await Promise.all([
    import('../../src/app/adapters/storage.ts'),
    import('../../src/app/adapters/sync-client.ts'),
    import('../../src/app/models/outbox-uploader.ts'),
  ]);

  const schema = `cp_bench_${randomBytes(5).toString('hex')}`;
  const folder = url ? undefined : await mkdtemp(join(tmpdir(), 'cp-bench-device-upload-'));
  const db = url ? await openDatabase({ kind: 'postgres', url, schema }) : await openDatabase({ kind: 'pglite', folder: folder! });
  const [root, issuer] = await Promise.all([generateSigningKey('ES256'), generateSigningKey('ES256')]);
  const keys: KeyMaterial = { demo: false, schemeId: 'bench', root: root.privateJwk, issuers: [{ iss: 'uk.bench', name: 'Bench', cats: ['adult'], key: issuer.privateJwk }] };
  // the service's default rate limit (a burst of 30 calls per device): 20 batches fit, as they would in production
  const service = await startService({ db, adminPassword: PASSWORD, keys, refreshEveryMs: 0 });
  const storage = await openStorage(`bench-device-upload-${schema}`);
  try {
    // the partner and its offers, through the admin API as the admin page makes them
    const admin = await benchAdminHeaders(service.ctx); // the admin API takes an account's API token
    const offers = ['coffee', 'parking', 'lunch'].map((id) => ({ id, title: id, description: '', kind: 'benefit', categories: ['adult'], limit: { kind: 'unlimited' } }));
    const saved = await fetch(`${service.url}/admin/api/partners/${PARTNER}`, { method: 'PUT', headers: admin, body: JSON.stringify({ id: PARTNER, name: 'Bench shop', kind: 'shop', timeZone: 'Europe/London', offers }) });
    if (saved.status !== 200) throw new Error(`saving the partner: ${saved.status}`);
    const made = await fetch(`${service.url}/admin/api/partners/${PARTNER}/enrolment-codes`, { method: 'POST', headers: admin, body: '{}' });
    const { code } = (await made.json()) as { code: string };

    // enrolment as SyncModel.enrol does it: the code must verify against the pinned root before it reaches the network
    const pinned = await pinRoot(root.publicJwk);
    const check = await verifyEnrolmentCode(code, { roots: pinned ? [pinned] : [], now: Math.floor(Date.now() / 1000) });
    if (!check.ok) throw new Error(`the enrolment code did not verify: ${check.problem}`);
    const client = createSyncClient({ timeoutMs: 60_000 });
    const enrolled = await client.enrol(check.claims.svc, code, 'Bench till');
    if (!enrolled.ok) throw new Error(`enrolment failed: ${enrolled.kind}`);
    await storage.setDeviceId(enrolled.deviceId);
    const offerIds = enrolled.profile.offers.map((o) => o.id);
    if (offerIds.length === 0) throw new Error('the enrolled profile has no offers');

    // the outbox: one committed transaction per record, as the app writes each redemption
    const queueStarted = performance.now();
    const start = Date.UTC(2027, 0, 15, 9);
    for (let i = 0; i < RECORDS; i++) {
      await storage.addRedemption({
        id: randomUUID(), redeemedAt: new Date(start + i * 1000).toISOString(), offerId: offerIds[i % offerIds.length]!,
        partnerId: enrolled.profile.id, deviceId: enrolled.deviceId, iss: 'uk.bench', jti: `B-${i % 900}`, verdict: 'VALID', uploaded: 0,
      });
    }
    const queueSeconds = (performance.now() - queueStarted) / 1000;
    if ((await storage.countWaiting()) !== RECORDS) throw new Error('the outbox does not hold every queued record');

    // each HTTP call timed (client round trip incl. the service's insert), and each whole batch cycle (read outbox,
    // send, mark uploaded, recount) from one acknowledgement to the next
    const roundTrips: number[] = [];
    const answers = { stored: 0, duplicate: 0, rejected: 0, failed: 0 };
    const timedClient = {
      async upload(...args: Parameters<typeof client.upload>) {
        const t0 = performance.now();
        const answer = await client.upload(...args);
        roundTrips.push(performance.now() - t0);
        if (!answer.ok) answers.failed++;
        else for (const r of answer.results) answers[r.status]++;
        return answer;
      },
    };
    const cycles: number[] = [];
    let lastMark = 0;
    // the uploader's storage calls, timed one by one, to show where a batch cycle's time goes on the device
    const storageTimes = { listWaiting: [] as number[], markUploaded: [] as number[], countWaiting: [] as number[] };
    const timed = <A extends unknown[], R>(times: number[], call: (...args: A) => Promise<R>) => async (...args: A) => {
      const t0 = performance.now();
      const result = await call(...args);
      times.push(performance.now() - t0);
      return result;
    };
    const timedStorage = {
      ...storage,
      listWaiting: timed(storageTimes.listWaiting, storage.listWaiting),
      markUploaded: timed(storageTimes.markUploaded, storage.markUploaded),
      countWaiting: timed(storageTimes.countWaiting, storage.countWaiting),
    };
    const uploader = new OutboxUploader({
      storage: timedStorage,
      client: timedClient,
      session: () => ({ serviceUrl: check.claims.svc, token: enrolled.deviceToken }),
      onChanged: () => {
        const at = performance.now();
        cycles.push(at - lastMark);
        lastMark = at;
      },
    });

    let calls = 0;
    const started = performance.now();
    lastMark = started;
    await uploader.refreshCounts();
    // as the app would: upload again until nothing waits (one call normally drains it all, 500 at a time)
    while (uploader.waiting.peek() > 0 && calls < 50) {
      calls++;
      await uploader.upload('manual');
      if (uploader.status.peek() === 'revoked') throw new Error('the service refused the device token');
    }
    const seconds = (performance.now() - started) / 1000;
    uploader.stop();
    if (uploader.waiting.peek() > 0) throw new Error(`${uploader.waiting.peek()} records still waiting after ${calls} upload calls`);

    const [row] = await db.query<{ n: number | string }>('SELECT count(*) AS n FROM redemptions WHERE device_id = $1', [enrolled.deviceId]);
    const held = Number(row!.n);
    const sortedTrips = [...roundTrips].sort((a, b) => a - b);
    const sortedCycles = [...cycles].sort((a, b) => a - b);
    const figures: Figure[] = [
      { figure: 'queue 10,000 records (addRedemption)', value: queueSeconds, unit: 's (fake-indexeddb in Node, not a browser)' },
      { figure: 'queue rate', value: Math.round(RECORDS / queueSeconds), unit: 'records/s (fake-indexeddb)' },
      { figure: 'records uploaded', value: answers.stored, unit: `records (${answers.duplicate} duplicate, ${answers.rejected} rejected)` },
      { figure: 'batches sent', value: roundTrips.length, unit: `HTTP calls (${answers.failed} failed), ${calls} upload() call(s)` },
      { figure: 'first upload call to waiting 0', value: seconds, unit: 's' },
      { figure: 'upload throughput', value: Math.round(RECORDS / seconds), unit: 'records/s' },
      { figure: 'batch round trip, median', value: quantile(sortedTrips, 0.5), unit: 'ms (HTTP + service insert)' },
      { figure: 'batch round trip, p95', value: quantile(sortedTrips, 0.95), unit: 'ms' },
      { figure: 'batch cycle, median', value: quantile(sortedCycles, 0.5), unit: 'ms (read outbox, send, mark uploaded)' },
      { figure: 'batch cycle, p95', value: quantile(sortedCycles, 0.95), unit: 'ms' },
      ...(['listWaiting', 'markUploaded', 'countWaiting'] as const).map((call) => ({
        figure: `storage.${call}, median`, value: quantile([...storageTimes[call]].sort((a, b) => a - b), 0.5), unit: `ms per call (${storageTimes[call].length} calls, fake-indexeddb)`,
      })),
      { figure: 'rows held for this device', value: held, unit: held === RECORDS ? 'records: exactly 10,000, check passed' : `records: CHECK FAILED, expected ${RECORDS}` },
    ];
    printTable(label, figures);
    if (held !== RECORDS) throw new Error(`the service holds ${held} rows for the device, not ${RECORDS}`);
  } finally {
    storage.close();
    indexedDB.deleteDatabase(`bench-device-upload-${schema}`);
    await service.close();
    await db.close();
    if (url) await dropPgSchema(url, schema);
    if (folder) await rm(folder, { recursive: true, force: true });
  }
}
