// A whole scheme made with the CLI alone (spec sections 1 to 4): root and issuer keys, trust bundle, status list.
// Fixed times, so verdicts never age: bundle from 1 May 2026 for 60 days, list of 30 May, checks on 1 June.

import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliRun } from './run-cli.ts';

export const ISSUER_ID = 'uk.llr.vasl';
export const ISSUER_NAME = 'Support for Carers (VASL)';
export const LIST_URI = 'https://vasl.example/status/1';
export const BUNDLE_IAT = '2026-05-01T00:00:00Z';
export const LIST_IAT = '2026-05-30T00:00:00Z';
export const NBF = '2026-05-01T00:00:00Z';
export const CHECK_AT = '2026-06-01T12:00:00Z';
/** Indices the list marks: 7 and 40-45 revoked, 9 suspended. */
export const REVOKED_IDX = 42;
export const SUSPENDED_IDX = 9;

export type CliScheme = {
  dir: string;
  alg: 'ES256' | 'EdDSA';
  rootPublic: string;
  rootPrivate: string;
  issuerPrivate: string;
  issuerPublic: string;
  bundle: string;
  list: string;
  /** kids printed by keygen. */
  rootKid: string;
  issuerKid: string;
};

export async function makeCliScheme(alg: 'ES256' | 'EdDSA'): Promise<CliScheme> {
  const dir = await mkdtemp(join(tmpdir(), `cp-cli-${alg}-`));
  const [root, issuer] = await Promise.all([
    must(runCli(['keygen', '--alg', alg, '--out', 'keys/root'], { cwd: dir })),
    must(runCli(['keygen', '--alg', alg, '--out', 'keys/vasl'], { cwd: dir })),
  ]);
  // key paths in an issuer file are relative to that file
  await writeFile(
    join(dir, 'keys', 'vasl.json'),
    JSON.stringify({ iss: ISSUER_ID, name: ISSUER_NAME, cats: ['adult', 'young-adult', 'parent'], keys: ['vasl.public.jwk'] }),
  );
  await Promise.all([
    must(runCli(['bundle', '--root', 'keys/root.private.jwk', '--issuer', 'keys/vasl.json', '--seq', '3', '--days', '60', '--iat', BUNDLE_IAT, '--out', 'publish/trust-bundle.jwt'], { cwd: dir })),
    must(runCli(['status', '--key', 'keys/vasl.private.jwk', '--uri', LIST_URI, '--revoke', '7', '--revoke=40-45', '--suspend', String(SUSPENDED_IDX), '--iat', LIST_IAT, '--out', 'publish/status-1.jwt'], { cwd: dir })),
  ]);
  return {
    dir,
    alg,
    rootPublic: join(dir, 'keys/root.public.jwk'),
    rootPrivate: join(dir, 'keys/root.private.jwk'),
    issuerPrivate: join(dir, 'keys/vasl.private.jwk'),
    issuerPublic: join(dir, 'keys/vasl.public.jwk'),
    bundle: join(dir, 'publish/trust-bundle.jwt'),
    list: join(dir, 'publish/status-1.jwt'),
    rootKid: root.stdout.trim(),
    issuerKid: issuer.stdout.trim(),
  };
}

/** Signs a passport with the CLI and returns its QR text (the one line issue prints). */
export async function issueWithCli(scheme: CliScheme, fields: { jti: string; idx: number; extra?: string[] }): Promise<string> {
  const run = await must(
    runCli(
      ['issue', '--key', scheme.issuerPrivate, '--iss', ISSUER_ID, '--name', 'Zoë Ó Briain', '--cat', 'adult', '--jti', fields.jti,
        '--years', '3', '--status-uri', LIST_URI, '--status-idx', String(fields.idx), '--nbf', NBF, ...(fields.extra ?? [])],
      { cwd: scheme.dir },
    ),
  );
  return run.stdout.trim();
}

export function verifyArgs(scheme: CliScheme, withList = true): string[] {
  return ['verify', '--root', scheme.rootPublic, '--trust', scheme.bundle, ...(withList ? ['--status', scheme.list] : [])];
}

async function must(pending: Promise<CliRun>): Promise<CliRun> {
  const run = await pending;
  if (run.code !== 0) throw new Error(`carers-passport failed (${run.code}): ${run.stderr}`);
  return run;
}
