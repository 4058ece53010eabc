// verify's files and input (spec section 6): what exits 2 with nothing on stdout, and what is only ignored.

import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKey, jwsToQrText, parseTime, signPassport, signTrustBundle, type KeyPair } from '../../src/core/index.ts';
import { expectUsageFailure, runCli } from './run-cli.ts';

const NOW = parseTime('2026-06-01T12:00:00Z')!;
let dir: string;
let qrText: string;
let bareJws: string;
const at = (name: string) => join(dir, name);

async function bundleSignedBy(root: KeyPair, issuer: KeyPair): Promise<string> {
  return signTrustBundle(
    { iss: 'test-scheme', iat: NOW - 86_400, exp: NOW + 86_400 * 30, seq: 1, issuers: [{ iss: 'uk.test', name: 'Test Carers', cats: ['adult'], keys: [issuer.publicJwk] }] },
    root.privateJwk,
  );
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cp-cli-files-'));
  const [root, secondRoot, strangerRoot, issuer] = await Promise.all([
    generateSigningKey('ES256'),
    generateSigningKey('EdDSA'),
    generateSigningKey('ES256'),
    generateSigningKey('ES256'),
  ]);
  bareJws = await signPassport(
    { iss: 'uk.test', jti: 'T-1', name: 'Sam', cat: 'adult', nbf: NOW - 86_400, exp: NOW + 86_400 * 365, statusUri: 'https://t.example/1', statusIdx: 3 },
    issuer.privateJwk,
  );
  qrText = jwsToQrText(bareJws);
  const good = await bundleSignedBy(root, issuer);
  const [header, payload, signature] = good.split('.');
  const tampered = `${header}.${payload!.slice(0, -4)}AAAA.${signature}`;
  await mkdir(at('a-directory'));
  await Promise.all([
    writeFile(at('root.jwk'), JSON.stringify(root.publicJwk)),
    writeFile(at('root-with-private.jwk'), JSON.stringify(root.privateJwk)),
    writeFile(at('second-root.jwk'), JSON.stringify(secondRoot.publicJwk)),
    writeFile(at('bundle.jwt'), `${good}\n`),
    writeFile(at('bundle-second-root.jwt'), await bundleSignedBy(secondRoot, issuer)),
    writeFile(at('bundle-stranger.jwt'), await bundleSignedBy(strangerRoot, issuer)),
    writeFile(at('bundle-tampered.jwt'), tampered),
    writeFile(at('not-a-token.jwt'), 'hello, this is not a token\n'),
    writeFile(at('not-json.jwk'), 'kty=EC\n'),
    writeFile(at('rsa.jwk'), JSON.stringify({ kty: 'RSA', n: 'sXch', e: 'AQAB' })),
    writeFile(at('array.jwk'), '[]'),
  ]);
});

const verify = (...args: string[]) => ['verify', '--now', String(NOW), ...args];

describe('verify: trust bundle', () => {
  it('a bundle that is rejected is exit 2, the reason on stderr and nothing on stdout', async () => {
    const runs = await Promise.all([
      runCli(verify('--root', at('root.jwk'), '--trust', at('bundle-stranger.jwt'), qrText)),
      runCli(verify('--root', at('root.jwk'), '--trust', at('bundle-tampered.jwt'), qrText)),
      runCli(verify('--root', at('root.jwk'), '--trust', at('not-a-token.jwt'), qrText)),
    ]);
    const reasons = runs.map(expectUsageFailure);
    expect(reasons[0]).toMatch(/rejected \(unpinned-root\).*not a pinned root/);
    expect(reasons[1]).toMatch(/rejected \(bad-signature\)/);
    expect(reasons[2]).toMatch(/rejected \(malformed\)/);
  });

  it('several roots may be pinned (rotation), and a private root file pins its public part', async () => {
    const [rotated, fromPrivate] = await Promise.all([
      runCli(verify('--root', at('root.jwk'), '--root', at('second-root.jwk'), '--trust', at('bundle-second-root.jwt'), qrText)),
      runCli(verify('--root', at('root-with-private.jwk'), '--trust', at('bundle.jwt'), qrText)),
    ]);
    for (const run of [rotated, fromPrivate]) {
      expect(run.code).toBe(3);
      expect(JSON.parse(run.stdout)).toMatchObject({ result: 'warning', code: 'STATUS_UNKNOWN', passport: { jti: 'T-1', issuer: 'Test Carers' } });
    }
  });
});

describe('verify: files', () => {
  it('a file that cannot be read is exit 2 with nothing on stdout: --status, --trust or --root', async () => {
    const base = ['--root', at('root.jwk'), '--trust', at('bundle.jwt')];
    const runs = await Promise.all([
      runCli(verify(...base, '--status', at('missing.jwt'), qrText)),
      runCli(verify(...base, '--status', at('a-directory'), qrText)),
      runCli(verify('--root', at('root.jwk'), '--trust', at('missing.jwt'), qrText)),
      runCli(verify('--root', at('missing.jwk'), '--trust', at('bundle.jwt'), qrText)),
    ]);
    const reasons = runs.map(expectUsageFailure);
    expect(reasons[0]).toContain(`cannot read --status file ${at('missing.jwt')}: no such file`);
    expect(reasons[1]).toContain('it is a directory');
    expect(reasons[2]).toContain('cannot read --trust file');
    expect(reasons[3]).toContain('cannot read --root file');
  });

  it('a root file that is not a JSON JWK of a P-256 or Ed25519 key is exit 2', async () => {
    const runs = await Promise.all(
      ['not-json.jwk', 'rsa.jwk', 'array.jwk'].map((name) => runCli(verify('--root', at(name), '--trust', at('bundle.jwt'), qrText))),
    );
    const reasons = runs.map(expectUsageFailure);
    expect(reasons[0]).toContain('is not JSON');
    expect(reasons[1]).toContain('is not a JWK of a P-256 or Ed25519 key');
    expect(reasons[2]).toContain('is not a JWK of a P-256 or Ed25519 key');
  });

  it('a readable status file that is not a usable list is ignored: STATUS_UNKNOWN, with a note on stderr', async () => {
    const run = await runCli(verify('--root', at('root.jwk'), '--trust', at('bundle.jwt'), '--status', at('not-a-token.jwt'), qrText));
    expect(run.code).toBe(3);
    expect(JSON.parse(run.stdout)).toMatchObject({ result: 'warning', code: 'STATUS_UNKNOWN' });
    expect(run.stderr).toContain('is not usable (not-a-token) and is ignored');
  });
});

describe('verify: the QR text', () => {
  const base = () => verify('--root', at('root.jwk'), '--trust', at('bundle.jwt'));

  it('empty or blank standard input, or an empty argument, is NOT_A_PASSPORT, exit 1', async () => {
    const runs = await Promise.all([
      runCli(base(), { input: '' }),
      runCli(base(), { input: ' \r\n' }),
      runCli([...base(), '']),
      runCli([...base(), 'hello']),
    ]);
    for (const run of runs) expect([run.code, run.stdout]).toEqual([1, '{"result":"invalid","code":"NOT_A_PASSPORT"}\n']);
  });

  it('a bare JWS (manual entry) is the same passport as its CP1:/ form, and a lower-case prefix too', async () => {
    const runs = await Promise.all([
      runCli([...base(), bareJws]),
      runCli([...base(), '--', `  cp1:/${qrText.slice(5)}  `]),
    ]);
    for (const run of runs) expect([run.code, JSON.parse(run.stdout).code]).toEqual([3, 'STATUS_UNKNOWN']);
  });

  it('a --now that is not a time is exit 2', async () => {
    const runs = await Promise.all(['yesterday', '2026-02-30', '1.5'].map((now) => runCli(['verify', '--root', at('root.jwk'), '--trust', at('bundle.jwt'), '--now', now, qrText])));
    for (const run of runs) expect(expectUsageFailure(run)).toContain('--now must be an ISO 8601 time');
  });
});

describe('verify --explain', () => {
  // the words the core held before issue 12 moved them into the catalogue: the printed bytes stay the same
  it('prints the verdict in plain English on stderr, byte for byte as before', async () => {
    const base = () => verify('--root', at('root.jwk'), '--trust', at('bundle.jwt'), '--explain');
    const [warning, invalid] = await Promise.all([runCli([...base(), qrText]), runCli([...base(), 'hello'])]);
    expect(warning.code).toBe(3);
    expect(warning.stderr).toBe(
      'Check: cancellation list missing. The passport is genuine, but this device has no cancellation list for it. Connect to update before relying on it.\n',
    );
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toBe('Not a Carers Passport. This code is not a Carers Passport. Ask the carer to show the passport QR code.\n');
  });
});
