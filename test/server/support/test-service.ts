// A scheme service in-process on port 0 with keys made in the test and a clock the test moves.

import { generateSigningKey, pinRoot, type PinnedRoot } from '../../../src/core/index.ts';
import type { KeyMaterial } from '../../../src/server/keys/key-material.ts';
import { startService, type RunningService, type ServiceOptions } from '../../../src/server/service.ts';
import { openTestDatabase, type Backend, type TestDatabase } from './backends.ts';

/** 2027-01-15T08:00:00Z, a Friday. */
export const T0 = 1_800_000_000;
export const ADMIN_PASSWORD = 'correct horse battery staple';

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

export function adminHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`staff:${ADMIN_PASSWORD}`).toString('base64')}`, ...extra };
}

/** Calls the admin API as the admin page does: JSON, with the password. */
export async function adminCall(base: string, method: string, path: string, body?: unknown): Promise<{ status: number; data: any }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: adminHeaders(body === undefined && method === 'GET' ? {} : { 'content-type': 'application/json' }),
    ...(method === 'GET' ? {} : { body: JSON.stringify(body ?? {}) }),
  });
  return { status: res.status, data: await res.json().catch(() => undefined) };
}
