// keygen -> bundle -> status -> issue -> verify, every step through the real command (spec sections 1 to 6).

import { readFile, stat } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseTime, readPublicJwk, thumbprint } from '../../src/core/index.ts';
import {
  CHECK_AT, ISSUER_ID, ISSUER_NAME, NBF, REVOKED_IDX, SUSPENDED_IDX, issueWithCli, makeCliScheme, verifyArgs, type CliScheme,
} from './cli-scheme.ts';
import { runCli, type CliRun } from './run-cli.ts';

function verdictOf(run: CliRun): unknown {
  expect(run.stdout.endsWith('\n')).toBe(true);
  expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
  return JSON.parse(run.stdout);
}

describe.each(['ES256', 'EdDSA'] as const)('a scheme run with the CLI alone, %s', (alg) => {
  let scheme: CliScheme;
  let good: string;
  let revoked: string;
  let suspended: string;

  beforeAll(async () => {
    scheme = await makeCliScheme(alg);
    [good, revoked, suspended] = await Promise.all([
      issueWithCli(scheme, { jti: 'VASL-0005', idx: 5 }),
      issueWithCli(scheme, { jti: 'VASL-0042', idx: REVOKED_IDX }),
      issueWithCli(scheme, { jti: 'VASL-0009', idx: SUSPENDED_IDX }),
    ]);
  }, 60_000);

  it('keygen writes an owner-only private JWK and a public JWK whose kid is its thumbprint', async () => {
    const mode = (await stat(scheme.issuerPrivate)).mode & 0o777;
    expect(mode).toBe(0o600);
    const publicJwk = JSON.parse(await readFile(scheme.issuerPublic, 'utf8')) as Record<string, unknown>;
    expect(publicJwk).not.toHaveProperty('d');
    expect(publicJwk.kty).toBe(alg === 'ES256' ? 'EC' : 'OKP');
    const read = readPublicJwk(publicJwk);
    expect(read.ok).toBe(true);
    if (read.ok) expect(await thumbprint(read.jwk)).toBe(scheme.issuerKid);
    expect(publicJwk.kid).toBe(scheme.issuerKid);
    expect(scheme.rootKid).not.toBe(scheme.issuerKid);
  });

  it('issue prints CP1:/ and digits only', () => {
    expect(good).toMatch(/^CP1:\/(?:\d\d)+$/);
  });

  it('a passport in good standing is VALID, exit 0, with its details on one line of JSON', async () => {
    const run = await runCli([...verifyArgs(scheme), '--now', CHECK_AT, good]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(verdictOf(run)).toEqual({
      result: 'valid',
      code: 'VALID',
      passport: {
        iss: ISSUER_ID, issuer: ISSUER_NAME, jti: 'VASL-0005', name: 'Zoë Ó Briain', cat: 'adult',
        nbf: parseTime(NBF), exp: parseTime('2029-05-01T00:00:00Z'),
      },
    });
  });

  it('a revoked index is REVOKED and a suspended one SUSPENDED, exit 1, with no passport', async () => {
    const [cancelled, onHold] = await Promise.all([
      runCli([...verifyArgs(scheme), '--now', CHECK_AT, revoked]),
      runCli([...verifyArgs(scheme), '--now', CHECK_AT, suspended]),
    ]);
    expect([cancelled.code, cancelled.stdout]).toEqual([1, '{"result":"invalid","code":"REVOKED"}\n']);
    expect([onHold.code, onHold.stdout]).toEqual([1, '{"result":"invalid","code":"SUSPENDED"}\n']);
  });

  it('without a status list the verdict is the warning STATUS_UNKNOWN, exit 3, still with the passport', async () => {
    const run = await runCli([...verifyArgs(scheme, false), '--now', CHECK_AT, revoked]);
    expect(run.code).toBe(3);
    expect(verdictOf(run)).toMatchObject({ result: 'warning', code: 'STATUS_UNKNOWN', passport: { jti: 'VASL-0042' } });
  });

  it('--now is UTC without an offset: one second inside the skew is still checked, past it is EXPIRED', async () => {
    // exp is 2029-05-01T00:00:00Z and the skew 300 s (spec section 1); by then the 30 May 2026 list is stale
    const [inside, past, withOffset, numeric] = await Promise.all([
      runCli([...verifyArgs(scheme), '--now', '2029-05-01T00:04:59', good]),
      runCli([...verifyArgs(scheme), '--now', '2029-05-01T00:05:00', good]),
      runCli([...verifyArgs(scheme), '--now', '2029-05-01T01:05:00+01:00', good]),
      runCli([...verifyArgs(scheme), '--now', String(parseTime('2029-05-01T00:05:00Z')), good]),
    ]);
    expect([inside.code, verdictOf(inside)]).toMatchObject([3, { code: 'STATUS_STALE' }]);
    for (const run of [past, withOffset, numeric]) expect([run.code, run.stdout]).toEqual([1, '{"result":"invalid","code":"EXPIRED"}\n']);
  });

  it('reads the QR text from standard input, as a keyboard-wedge scanner types it (CR LF at the end)', async () => {
    const run = await runCli([...verifyArgs(scheme), '--now', CHECK_AT], { input: `${good}\r\n` });
    expect(run.code).toBe(0);
    expect(verdictOf(run)).toMatchObject({ result: 'valid', code: 'VALID', passport: { jti: 'VASL-0005' } });
  });

  // once is enough for the slower npx path (about 1 s)
  if (alg === 'ES256') it('works through npx carers-passport from the project root, and --explain speaks to staff on stderr only', async () => {
    const run = await runCli([...verifyArgs(scheme), '--now', CHECK_AT, '--explain', revoked], { via: 'npx' });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('{"result":"invalid","code":"REVOKED"}\n');
    expect(run.stderr).toContain('This passport was cancelled by its issuer. Do not accept it.');
  });
});
