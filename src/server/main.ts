// `npm start`: the scheme service with the embedded database (or DATABASE_URL), the demo scheme seeded on first
// run, the built app from dist/, and the addresses printed. Settings: src/server/config.ts.

import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { countAccounts } from './accounts/account-store.ts';
import { demoLogins, type DemoLogin } from './accounts/first-accounts.ts';
import { chooseAdminPassword, readConfig } from './config.ts';
import { DataFolderLocked } from './db/lock-file.ts';
import { openDatabase } from './db/open-database.ts';
import { loadKeyMaterial } from './keys/key-material.ts';
import { checkScheme } from './keys/scheme-record.ts';
import { startService } from './service.ts';

async function main(): Promise<number> {
  const config = readConfig(process.env);
  if ('problem' in config) return fail(config.problem);
  let keys;
  try {
    keys = await loadKeyMaterial(process.env);
  } catch (error) {
    return fail((error as Error).message);
  }
  let db;
  try {
    db = await openDatabase(config.database);
  } catch (error) {
    if (error instanceof DataFolderLocked) return fail(error.message);
    throw error;
  }
  if (config.publicUrl?.startsWith('https://') && config.trustProxy.length === 0) {
    // behind a TLS proxy every client has the proxy's address: limits per client would all be one client's
    console.warn('carers-passport service: PUBLIC_URL is https but TRUST_PROXY is not set: if a proxy is in front, name it in TRUST_PROXY, or every client shares one login and collection allowance.');
  }
  // a database holding a real scheme opens only with its keys; the demo only without (keys/scheme-record.ts)
  const refused = await checkScheme(db, keys);
  if (refused) {
    await db.close();
    return fail(refused);
  }
  // the old shared password becomes the first coordinator's, once (src/server/accounts/first-accounts.ts)
  const admin = chooseAdminPassword(config.adminPassword, keys.demo, (await countAccounts(db)) > 0);
  if ('problem' in admin) {
    await db.close();
    return fail(admin.problem);
  }
  // listening on every interface with no PUBLIC_URL: enrolment codes name the first network address, so a phone
  // that scans one can reach the service (127.0.0.1 would be the phone itself)
  const lan = otherAddresses(config.host, config.port)[0];
  const publicUrl = config.publicUrl ?? lan;
  const service = await startService({
    db,
    keys,
    ...(admin.password !== undefined ? { adminPassword: admin.password } : {}),
    port: config.port,
    host: config.host,
    ...(publicUrl ? { publicUrl } : {}),
    keepNames: config.keepNames,
    staticDir: config.staticDir,
    trustProxy: config.trustProxy,
    ...(config.mail ? { mail: config.mail } : {}),
    seedDemo: keys.demo,
    log: (line) => process.stdout.write(line),
  });

  const base = service.url;
  const lines = [
    '',
    `Carers Passport scheme service (${db.kind === 'pglite' ? `embedded database in ${config.database.kind === 'pglite' ? config.database.folder : ''}` : 'PostgreSQL'})`,
    keys.demo
      ? 'DEMO scheme: demo-only keys from src/demo, never for real passports (a real scheme: a fresh database and CP_ROOT_KEY_FILE).'
      : `Scheme ${keys.schemeId}`,
    service.seeded ? 'First run: seeded the demo scheme (2 issuers, 36 passports, 3 partners with offers).' : '',
    '',
    `  App:            ${base}/${existsSync(join(config.staticDir, 'index.html')) ? '' : '   (not built: run `npx vite build` first)'}`,
    `  Admin page:     ${base}/admin/`,
    ...(keys.demo ? demoAccountLines(await demoLogins(db)) : ['                  (accounts: carers-passport admin account add; the first coordinator is "coordinator")']),
    keys.demo ? `  Demo cards:     ${base}/demo/cards   (print them, or show them on a second screen or a phone)` : '',
    `  Trust data:     ${base}/.well-known/carers-passport/trust-bundle.jwt`,
    ...otherAddresses(config.host, config.port).filter((a) => a !== base).map((a) => `  On the network: ${a}/`),
    '',
  ];
  console.log(lines.filter((l, i, all) => l !== '' || all[i - 1] !== '').join('\n'));

  const stop = async () => {
    await service.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  // a last guard: a failure outside any request (a timer, a driver) is logged, and the service stays up
  process.on('unhandledRejection', (reason) => console.error(`carers-passport service: unhandled ${(reason as Error)?.name ?? 'rejection'} ${(reason as { code?: string })?.code ?? ''}`.trim()));
  process.on('uncaughtException', (error) => console.error(`carers-passport service: uncaught ${error.name} ${(error as { code?: string }).code ?? ''}`.trim()));
  return 0;
}

/** The demo's accounts, each start (their passwords are demo-only, like its keys); a changed password is not shown. */
function demoAccountLines(logins: DemoLogin[]): string[] {
  const words: Record<string, string> = { coordinator: 'scheme coordinator', issuer: 'issuer staff of', partner: 'partner manager of' };
  return logins.map((l) => `    ${l.name.padEnd(14)} password ${l.password}   (${words[l.role] ?? l.role}${l.of ? ` ${l.of}` : ''})`);
}

function otherAddresses(host: string, port: number): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [];
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => `http://${a!.address}:${port}`);
}

function fail(message: string): number {
  console.error(`carers-passport service: ${message}`);
  return 1;
}

const code = await main();
if (code !== 0) process.exit(code);
