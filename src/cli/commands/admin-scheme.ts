// Opens the scheme service's database and keys for the admin subcommands: the same settings as `npm start`
// (DATABASE_URL or DATA_DIR, CP_ROOT_KEY_FILE ...; see src/server/config.ts), so the CLI acts on the service's data.
// The server modules are loaded only here, so `verify` and the issuer tools never load a database driver.

import { usageError } from '../errors.ts';
import type { CliIo } from '../io.ts';
import type { SchemeContext } from '../../server/context.ts';

export type AdminScheme = { ctx: SchemeContext; actor: string; close(): Promise<void> };

export type SchemeSettings = { databaseUrl?: string; dataDir?: string; env: NodeJS.ProcessEnv };

export async function openAdminScheme(io: CliIo, settings: SchemeSettings): Promise<AdminScheme> {
  const [{ readConfig }, { openDatabase }, { DataFolderLocked }, { loadKeyMaterial }, { prepareScheme }, { DEFAULT_STATUS_LIST_SIZE }, { checkScheme, SchemeRefused }] = await Promise.all([
    import('../../server/config.ts'),
    import('../../server/db/open-database.ts'),
    import('../../server/db/lock-file.ts'),
    import('../../server/keys/key-material.ts'),
    import('../../server/scheme-startup.ts'),
    import('../../server/context.ts'),
    import('../../server/keys/scheme-record.ts'),
  ]);
  const env = { ...settings.env };
  if (settings.databaseUrl !== undefined) env.DATABASE_URL = settings.databaseUrl;
  if (settings.dataDir !== undefined) {
    env.DATA_DIR = settings.dataDir.startsWith('/') ? settings.dataDir : `${io.cwd}/${settings.dataDir}`;
    delete env.DATABASE_URL;
  }
  const config = readConfig(env);
  if ('problem' in config) return usageError(config.problem);
  let keys;
  try {
    keys = await loadKeyMaterial(env, { warn: (line) => io.stderr(`${line}\n`) });
  } catch (error) {
    return usageError((error as Error).message);
  }
  let db;
  try {
    db = await openDatabase(config.database, { warn: (line) => io.stderr(`${line}\n`) });
  } catch (error) {
    if (error instanceof DataFolderLocked) return usageError(`${error.message} (or stop it to use this command)`);
    throw error;
  }
  // a database holding a real scheme opens only with its keys, checked before anything is written
  const refused = await checkScheme(db, keys);
  if (refused) {
    await db.close();
    return usageError(refused);
  }
  const ctx: SchemeContext = {
    db,
    keys,
    publicUrl: (config.publicUrl ?? `http://127.0.0.1:${config.port}`).replace(/\/+$/, ''),
    now: io.now,
    keepNames: config.keepNames,
    statusListSize: DEFAULT_STATUS_LIST_SIZE,
  };
  try {
    await prepareScheme(ctx, { seedDemo: keys.demo });
  } catch (error) {
    await db.close();
    if (error instanceof SchemeRefused) return usageError(error.message);
    throw error;
  }
  return { ctx, actor: `cli:${env.USER || env.LOGNAME || 'admin'}`, close: () => db.close() };
}
