#!/usr/bin/env node
// `npm test`: makes sure the machine has what the tests need (the dependencies, installed with `npm ci` when
// node_modules is missing or stale; Debian's Chromium, a PostgreSQL server on loopback), then type-checks (the whole
// project, then the core alone without DOM or Node types) and runs every vitest project. On a bare machine it
// installs Chromium and PostgreSQL as root with apt-get, or stops with one line saying what to install.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { ensureDependencies } from '../../src/build/ensure-deps.mjs';

const isRoot = process.getuid?.() === 0;
const log = (line) => process.stderr.write(`[test setup] ${line}\n`);

function run(command, args, options = {}) {
  return spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...options });
}

function stop(line) {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

let aptUpdated = false;
function aptInstall(pkg) {
  if (!isRoot) stop(`Missing Debian package "${pkg}": install it with "sudo apt-get install -y ${pkg}", then run npm test again.`);
  log(`installing ${pkg} with apt-get (a few minutes on a fresh machine)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    aptUpdated = true;
  }
  execFileSync('apt-get', ['install', '-y', '-qq', pkg], { stdio: 'inherit', env });
}

function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) aptInstall('chromium');
  if (!existsSync(path)) stop(`Chromium is still missing at ${path}: install Debian's "chromium" package.`);
}

/** The card tests render PDFs with Debian's poppler-utils (pdftoppm, pdftotext, pdfinfo). */
function ensurePoppler() {
  if (!existsSync('/usr/bin/pdftoppm')) aptInstall('poppler-utils');
  if (!existsSync('/usr/bin/pdftoppm')) stop('pdftoppm is still missing: install Debian\'s "poppler-utils" package.');
}

function postgresVersion() {
  if (!existsSync('/usr/lib/postgresql')) return undefined;
  const versions = readdirSync('/usr/lib/postgresql').filter((v) => existsSync(`/usr/lib/postgresql/${v}/bin/postgres`));
  return versions.sort((a, b) => Number(b) - Number(a))[0];
}

/** Starts Debian's cluster on loopback and makes a role and database for the tests; returns the URL. */
function ensurePostgres() {
  if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
  if (!isRoot) {
    stop('The PostgreSQL tests need a server: set TEST_DATABASE_URL=postgres://user:pass@127.0.0.1:5432/db, or run npm test as root on Debian to set one up.');
  }
  if (!postgresVersion()) aptInstall('postgresql');
  const version = postgresVersion();
  if (!version) stop('PostgreSQL is still missing: install Debian\'s "postgresql" package.');
  const clusters = run('pg_lsclusters', ['--no-header']).stdout ?? '';
  if (!clusters.split('\n').some((line) => line.startsWith(`${version} `) && line.includes(' main '))) {
    execFileSync('pg_createcluster', [version, 'main'], { stdio: 'inherit' });
  }
  if (!/online/.test(run('pg_lsclusters', ['--no-header']).stdout ?? '')) {
    execFileSync('pg_ctlcluster', [version, 'main', 'start'], { stdio: 'inherit' });
  }
  const psql = (sql, db = 'postgres') => run('su', ['postgres', '-c', `psql -qAt -d ${db} -c "${sql}"`]);
  if (!/1/.test(psql("SELECT 1 FROM pg_roles WHERE rolname='cp_test'").stdout ?? '')) {
    psql("CREATE ROLE cp_test SUPERUSER LOGIN PASSWORD 'cp_test'");
  }
  if (!/1/.test(psql("SELECT 1 FROM pg_database WHERE datname='cp_test'").stdout ?? '')) {
    psql('CREATE DATABASE cp_test OWNER cp_test');
  }
  return 'postgres://cp_test:cp_test@127.0.0.1:5432/cp_test';
}

ensureDependencies();
ensureChromium();
ensurePoppler();
const databaseUrl = ensurePostgres();
const env = { ...process.env, TEST_DATABASE_URL: databaseUrl, CI_REQUIRE_POSTGRES: '1' };
log(`PostgreSQL tests use ${databaseUrl.replace(/:[^:@/]*@/, ':***@')}`);

for (const [command, args] of [
  ['npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  // the core again, with web-standard globals only: a DOM or Node API there fails here (issue 12, point 7)
  ['npx', ['tsc', '--noEmit', '-p', 'src/core/tsconfig.json']],
  ['npx', ['vitest', 'run', ...process.argv.slice(2)]],
]) {
  log(`${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
