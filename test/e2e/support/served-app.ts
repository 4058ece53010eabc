// The scheme service in-process on port 0, with its own PGlite folder, serving the built app (dist/): what
// `npm start` runs, for e2e tests of the app and the service together.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Database } from '../../../src/server/db/database.ts';
import { openDatabase } from '../../../src/server/db/open-database.ts';
import { startService, type RunningService } from '../../../src/server/service.ts';
import { ADMIN_PASSWORD, grantTestToken } from '../../server/support/test-service.ts';

export type ServedApp = { db: Database; service: RunningService; close(): Promise<void> };

export async function startServedApp(options: { seedDemo?: boolean } = {}): Promise<ServedApp> {
  const folder = await mkdtemp(join(tmpdir(), 'cp-served-app-'));
  const db = await openDatabase({ kind: 'pglite', folder });
  const service = await startService({
    db,
    adminPassword: ADMIN_PASSWORD,
    staticDir: resolve('dist'),
    refreshEveryMs: 0,
    ...(options.seedDemo ? { seedDemo: true } : {}),
  });
  await grantTestToken(service.ctx);
  return {
    db,
    service,
    async close() {
      await service.close();
      await db.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
