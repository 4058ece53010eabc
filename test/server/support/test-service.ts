// A scheme service in-process on port 0 with keys made in the test and a clock the test moves. It starts as an
// existing deployment does: ADMIN_PASSWORD makes the first coordinator, "coordinator"; the tests then call the admin
// API with a fixed API token of that account (adminHeaders), as a scheme's scripts would.

import { generateSigningKey, pinRoot, type PinnedRoot } from '../../../src/core/index.ts';
import { addAccount, findAccount } from '../../../src/server/accounts/account-store.ts';
import { saveApiToken } from '../../../src/server/accounts/api-tokens.ts';
import type { SchemeContext } from '../../../src/server/context.ts';
import type { KeyMaterial } from '../../../src/server/keys/key-material.ts';
import { startService, type RunningService, type ServiceOptions } from '../../../src/server/service.ts';
import { openTestDatabase, type Backend, type TestDatabase } from './backends.ts';

/** 2027-01-15T08:00:00Z, a Friday. */
export const T0 = 1_800_000_000;
export const ADMIN_PASSWORD = 'correct horse battery staple';
/** The coordinator's API token in every test service (tests only: a real token's secret is random). */
export const TEST_TOKEN = { id: 'cpttestcoordinator', secret: 'test-only-secret-never-used-by-a-real-scheme' };

/** Gives the scheme's "coordinator" (made now with ADMIN_PASSWORD if it has none) the fixed TEST_TOKEN. */
export async function grantTestToken(ctx: SchemeContext): Promise<void> {
  let account = await findAccount(ctx.db, 'coordinator');
  if (!account) {
    const added = await addAccount(ctx, { name: 'coordinator', role: 'coordinator', password: ADMIN_PASSWORD }, 'test');
    if (!added.ok) throw new Error(added.problem);
    account = added.account;
  }
  const [held] = await ctx.db.query('SELECT 1 FROM api_tokens WHERE id = $1', [TEST_TOKEN.id]);
  if (!held) await saveApiToken(ctx.db, { accountId: account.id, id: TEST_TOKEN.id, secret: TEST_TOKEN.secret, label: 'tests', at: ctx.now() });
}

export type TestKeys = KeyMaterial & { pinned: PinnedRoot };

export async function makeTestKeys(): Promise<TestKeys> {
  const [root, vasl, young] = await Promise.all([generateSigningKey('ES256'), generateSigningKey('ES256'), generateSigningKey('EdDSA')]);
  return {
    demo: false,
    schemeId: 'test-scheme',
    root: root.privateJwk,
    issuers: [
      { iss: 'uk.test.vasl', name: 'Test Carers Service', cats: ['adult', 'young-adult', 'parent'], key: vasl.privateJwk },
      { iss: 'uk.test.young', name: 'Test Young Carers', cats: ['young', 'young-adult'], key: young.privateJwk },
    ],
    pinned: (await pinRoot(root.publicJwk))!,
  };
}

export type TestService = {
  service: RunningService;
  url: string;
  keys: TestKeys;
  clock: { now: number };
  logs: string[];
  database: TestDatabase;
  stop(): Promise<void>;
};

export async function startTestService(backend: Backend, options: Partial<ServiceOptions> = {}, keys?: TestKeys): Promise<TestService> {
  const database = await openTestDatabase(backend);
  const material = keys ?? (await makeTestKeys());
  const clock = { now: T0 };
  const logs: string[] = [];
  const service = await startService({
    db: database.db,
    adminPassword: ADMIN_PASSWORD,
    keys: material,
    now: () => clock.now,
    refreshEveryMs: 0,
    log: (line) => logs.push(line),
    ...options,
  });
  await grantTestToken(service.ctx);
  return {
    service,
    url: service.url,
    keys: material,
    clock,
    logs,
    database,
    async stop() {
      await service.close();
      await database.dispose();
    },
  };
}

/** The coordinator's API token as HTTP Basic (a service from startTestService, or one given grantTestToken). */
export function adminHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${TEST_TOKEN.id}:${TEST_TOKEN.secret}`).toString('base64')}`, ...extra };
}

/** Calls the admin API as a script does: JSON, with the coordinator's token. */
export async function adminCall(base: string, method: string, path: string, body?: unknown): Promise<{ status: number; data: any }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: adminHeaders(body === undefined && method === 'GET' ? {} : { 'content-type': 'application/json' }),
    ...(method === 'GET' ? {} : { body: JSON.stringify(body ?? {}) }),
  });
  return { status: res.status, data: await res.json().catch(() => undefined) };
}
