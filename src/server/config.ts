// The service's settings, all from environment variables (documented in one place, here).
//
//   PORT              port to listen on (default 8080)
//   HOST              address to listen on (default 127.0.0.1; 0.0.0.0 to reach it from a phone on the network)
//   PUBLIC_URL        the service's address as devices see it (default http://HOST:PORT); goes into enrolment codes
//   DATABASE_URL      a PostgreSQL server (postgres://user:pass@host/db); unset: embedded PGlite in DATA_DIR
//   DATA_DIR          PGlite's data folder (default .data/pglite in the project)
//   ADMIN_PASSWORD    only for a real scheme with no accounts yet: its first start makes the coordinator account
//                     "coordinator" with this password (at least 12 characters); unused once any account exists.
//                     The demo ignores it: it makes one account per role and prints their passwords
//   CP_ROOT_KEY_FILE, CP_ISSUERS_FILE, CP_SCHEME_ID   a real scheme's keys (src/server/keys/key-material.ts);
//                     unset: a fresh database becomes the demo scheme (committed DEMO-ONLY keys, seeded on first
//                     run); a database holding a real scheme refuses to start without them
//   CP_KEEP_NAMES     0 to keep no carers' names in the register (renewal then needs the name again); default 1
//   STATIC_DIR        the built app to serve (default dist)
//   SMTP_URL, MAIL_FROM  an SMTP server (smtp://user:pass@host:587, smtps://...) and the sender address: issuing or
//                     renewing a passport with an email sends the phone copy's collection link; unset: no email
//   CP_SCHEME_NAME    the scheme's name on cards, letters and the phone copy (src/server/keys/key-material.ts)
//   TRUST_PROXY       comma-separated addresses or CIDR ranges of the TLS proxies in front of the service: their
//                     X-Forwarded-For names the client (admin login limits count per client); default: none

import { isIP } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseChoice } from './db/open-database.ts';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const MIN_ADMIN_PASSWORD = 12;

export type ServiceConfig = {
  port: number;
  host: string;
  publicUrl: string | undefined;
  database: DatabaseChoice;
  adminPassword: string | undefined;
  keepNames: boolean;
  staticDir: string;
  trustProxy: string[];
  mail: { smtpUrl: string; from: string } | undefined;
};

export function readConfig(env: NodeJS.ProcessEnv): ServiceConfig | { problem: string } {
  const port = env.PORT === undefined || env.PORT === '' ? 8080 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) return { problem: `PORT ${env.PORT} is not a port number` };
  const trustProxy = readTrustProxy(env.TRUST_PROXY ?? '');
  if ('problem' in trustProxy) return trustProxy;
  const mail = readMail(env);
  if (mail && 'problem' in mail) return mail;
  return {
    port,
    host: env.HOST || '127.0.0.1',
    publicUrl: env.PUBLIC_URL || undefined,
    database: env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL }
      : { kind: 'pglite', folder: resolve(env.DATA_DIR || join(PROJECT_ROOT, '.data', 'pglite')) },
    adminPassword: env.ADMIN_PASSWORD || undefined,
    keepNames: env.CP_KEEP_NAMES !== '0',
    staticDir: resolve(env.STATIC_DIR || join(PROJECT_ROOT, 'dist')),
    trustProxy: trustProxy.addresses,
    mail,
  };
}

/** SMTP_URL and MAIL_FROM come together; the URL is never repeated in a message (it may hold a password). */
function readMail(env: NodeJS.ProcessEnv): { smtpUrl: string; from: string } | { problem: string } | undefined {
  const smtpUrl = env.SMTP_URL || undefined;
  const from = env.MAIL_FROM?.trim() || undefined;
  if (!smtpUrl && !from) return undefined;
  if (!smtpUrl || !from) return { problem: 'Set both SMTP_URL and MAIL_FROM to send email, or neither.' };
  let protocol = '';
  try {
    protocol = new URL(smtpUrl).protocol;
  } catch {
    // fall through
  }
  if (protocol !== 'smtp:' && protocol !== 'smtps:') return { problem: 'SMTP_URL is not an smtp:// or smtps:// address.' };
  return { smtpUrl, from };
}

/** TRUST_PROXY: addresses (IPv4 or IPv6) or CIDR ranges, comma-separated. */
function readTrustProxy(text: string): { addresses: string[] } | { problem: string } {
  const addresses = text.split(',').map((a) => a.trim()).filter(Boolean);
  const bad = addresses.find((a) => !isIP(a.split('/')[0]!) || (a.includes('/') && !/^\d{1,3}$/.test(a.split('/')[1]!)));
  if (bad !== undefined) return { problem: `TRUST_PROXY: "${bad}" is not an address or CIDR range (for example 127.0.0.1 or 10.0.0.0/8)` };
  return { addresses };
}

/**
 * ADMIN_PASSWORD, the first coordinator's password: a real scheme with no account yet needs one of 12 characters or
 * more; afterwards it is not needed (and, when set, still has to be long enough). The demo makes its own accounts.
 */
export function chooseAdminPassword(configured: string | undefined, demo: boolean, hasAccounts: boolean): { password: string | undefined } | { problem: string } {
  if (demo) return { password: configured };
  if (configured === undefined && !hasAccounts) {
    return { problem: `Set ADMIN_PASSWORD (at least ${MIN_ADMIN_PASSWORD} characters): a real scheme with no accounts yet makes its first coordinator account, "coordinator", with it (or add one first with "carers-passport admin account add --name NAME --role coordinator").` };
  }
  if (configured !== undefined && [...configured].length < MIN_ADMIN_PASSWORD) return { problem: `ADMIN_PASSWORD is too short for a real scheme: use at least ${MIN_ADMIN_PASSWORD} characters.` };
  return { password: configured };
}
