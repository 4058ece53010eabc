// Bad command lines: one clear line on stderr, exit 2, never a stack trace; --help on every command.

import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/main.ts';
import { parseTime } from '../../src/core/index.ts';
import { memoryIo, runInProcess } from './memory-io.ts';
import { expectUsageFailure, ownStderr, runCli } from './run-cli.ts';

const NOW = parseTime('2026-06-01T00:00:00Z')!;

describe('usage errors', () => {
  it('through the real command: one line on stderr naming the problem, exit 2, nothing on stdout, no stack', async () => {
    const cases: [string[], string][] = [
      [['frobnicate'], 'carers-passport unknown command "frobnicate"'],
      [['help', 'frobnicate'], 'carers-passport unknown command "frobnicate"'],
      [['verify', '--bogus'], 'carers-passport verify: unknown option --bogus'],
      [['verify', '--root'], 'carers-passport verify: --root needs a value'],
      [['verify', '--trust', '--root', 'r.jwk'], 'carers-passport verify: --trust needs a value'],
      [['verify', '--root', 'r', '--trust', 't', 'one', 'two'], 'carers-passport verify: too many arguments (unexpected "two")'],
      [['keygen', '--alg', 'RS256', '--out', 'x'], 'carers-passport keygen: --alg must be one of ES256, EdDSA'],
      [['issue', '--years=11'], 'carers-passport issue: --key ISSUER.private.jwk is required'],
      [['status', '--key', 'missing.jwk', '--uri', 'u'], 'carers-passport status: cannot read --key file missing.jwk: no such file'],
      [['bundle', '--root', 'r.jwk', '--issuer', 'i.json', '--seq', 'one'], 'carers-passport bundle: --seq must be a whole number 0 or more'],
    ];
    const runs = await Promise.all(cases.map(([args]) => runCli(args)));
    runs.forEach((run, i) => {
      const [args, expected] = cases[i]!;
      expect(expectUsageFailure(run), args.join(' ')).toContain(expected);
    });
  });

  it('in-process: every input the issuer tools check gets its own plain reason, exit 2', async () => {
    const io = memoryIo({ now: NOW });
    expect((await runInProcess(['keygen', '--out', 'issuer'], io)).code).toBe(0);
    const issue = ['issue', '--key', 'issuer.private.jwk', '--iss', 'uk.test', '--name', 'Sam', '--cat', 'adult', '--jti', 'T-1', '--years', '2', '--status-uri', 'https://t.example/1', '--status-idx', '4'];
    const status = ['status', '--key', 'issuer.private.jwk', '--uri', 'https://t.example/1'];
    const cases: [string[], string][] = [
      [['verify', '-x'], 'verify: unknown option -x'],
      [['verify', '--trust', 'b.jwt'], 'verify: --root ROOT.jwk is required'],
      [['verify', '--root', 'r.jwk'], 'verify: --trust BUNDLE.jwt is required'],
      [['verify', '--root', 'r', '--trust', 'a', '--trust', 'b'], 'verify: --trust can be given only once'],
      [['verify', '--explain=yes'], 'verify: --explain takes no value'],
      [['keygen'], 'keygen: --out NAME is required'],
      [['keygen', 'extra', '--out', 'x'], 'keygen: unexpected argument "extra"'],
      [[...issue, '--jti', 'abc'], 'issue: --jti can be given only once'],
      [issue.map((a) => (a === 'T-1' ? 't-1' : a)), 'issue: --jti must be 1 to 32 capital letters'],
      [issue.map((a) => (a === '2' ? '11' : a)), 'issue: --years must be a whole number from 1 to 10'],
      [issue.map((a) => (a === '2' ? '0' : a)), 'issue: --years must be a whole number from 1 to 10'],
      [issue.map((a) => (a === 'Sam' ? 'S'.repeat(65) : a)), 'issue: --name must be 1 to 64 characters (it has 65)'],
      [issue.map((a) => (a === 'Sam' ? '  ' : a)), 'issue: --name must be 1 to 64 characters'],
      [issue.map((a) => (a === 'adult' ? 'child' : a)), 'issue: --cat must be one of adult, young, young-adult, parent'],
      [issue.map((a) => (a === '4' ? '-4' : a)), 'issue: --status-idx must be a whole number 0 or more'],
      [[...issue, '--nbf', 'soon'], 'issue: --nbf must be an ISO 8601 time'],
      [[...issue, '--png', 'a.png', '--svg', 'a.svg'], 'issue: give --png or --svg, not both'],
      [issue.map((a) => (a === 'issuer.private.jwk' ? 'issuer.public.jwk' : a)), 'issue: --key file issuer.public.jwk is not a private P-256 or Ed25519 JWK'],
      [[...status, '--bits', '3'], 'status: --bits must be one of 1, 2, 4, 8'],
      [[...status, '--size', '0'], 'status: --size must be a whole number from 1 to'],
      [[...status, '--revoke', '5-2'], 'status: --revoke range 5-2 runs backwards'],
      [[...status, '--revoke', '3,x'], 'status: --revoke takes indices and ranges like 3,17,40-45, not "x"'],
      [[...status, '--revoke', '131072'], 'status: --revoke index 131072 is outside the list'],
      [[...status, '--bits', '1', '--suspend', '3'], 'status: --suspend needs --bits 2 or more'],
      [[...status, '--revoke', '3', '--suspend', '1-5'], 'status: index 3 is given to both --revoke and --suspend'],
      [['bundle', '--root', 'issuer.private.jwk', '--seq', '1'], 'bundle: --issuer ISSUER.json is required'],
      [['bundle', '--root', 'issuer.private.jwk', '--issuer', 'none.json', '--seq', '1'], 'bundle: cannot read --issuer file none.json: no such file'],
    ];
    for (const [args, expected] of cases) {
      const run = await runInProcess(args, io);
      expect([run.code, run.stdout], args.join(' ')).toEqual([2, '']);
      expect(run.stderr, args.join(' ')).toContain(`carers-passport ${expected}`);
      expect(run.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });

  it('keygen never overwrites a key file without --force, and --force keeps the new private key owner-only', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cp-cli-keygen-'));
    const first = await runCli(['keygen', '--out', 'nested/dir/root'], { cwd: dir });
    expect(first.code).toBe(0);
    const before = await readFile(join(dir, 'nested/dir/root.private.jwk'), 'utf8');
    expect(expectUsageFailure(await runCli(['keygen', '--alg', 'EdDSA', '--out', 'nested/dir/root'], { cwd: dir }))).toContain('already exists');
    expect(await readFile(join(dir, 'nested/dir/root.private.jwk'), 'utf8')).toBe(before);

    const replaced = await runCli(['keygen', '--alg', 'EdDSA', '--out', 'nested/dir/root', '--force'], { cwd: dir });
    expect(replaced.code).toBe(0);
    expect(replaced.stdout.trim()).not.toBe(first.stdout.trim());
    expect(JSON.parse(await readFile(join(dir, 'nested/dir/root.private.jwk'), 'utf8'))).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
    expect((await stat(join(dir, 'nested/dir/root.private.jwk'))).mode & 0o777).toBe(0o600);
  });

  it('bundle refuses an issuer file with an unknown category or a key that is not a JWK', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cp-cli-issuer-file-'));
    expect((await runCli(['keygen', '--out', 'root'], { cwd: dir })).code).toBe(0);
    await writeFile(join(dir, 'cats.json'), JSON.stringify({ iss: 'a', name: 'A', cats: ['adult', 'child'], keys: ['root.public.jwk'] }));
    await writeFile(join(dir, 'keys.json'), JSON.stringify({ iss: 'a', name: 'A', cats: ['adult'], keys: [{ kty: 'oct', k: 'c2VjcmV0' }] }));
    const [cats, keys] = await Promise.all(
      ['cats.json', 'keys.json'].map((file) => runCli(['bundle', '--root', 'root.private.jwk', '--issuer', file, '--seq', '1'], { cwd: dir })),
    );
    expect(expectUsageFailure(cats!)).toContain('unknown category "child"');
    expect(expectUsageFailure(keys!)).toContain('key 1 is not a JWK of a P-256 or Ed25519 key');
  });
});

describe('--help', () => {
  it('every command prints its usage on stdout and exits 0', async () => {
    const runs = await Promise.all(COMMANDS.map((command) => runCli([command.name, '--help'])));
    runs.forEach((run, i) => {
      const name = COMMANDS[i]!.name;
      expect([run.code, run.stderr], name).toEqual([0, '']);
      expect(run.stdout.startsWith(`Usage: carers-passport ${name}`)).toBe(true);
    });
  });

  it('the program lists every command, through node and through npx carers-passport', async () => {
    const [direct, viaNpx, helpVerify, bare] = await Promise.all([
      runCli(['--help']),
      runCli(['--help'], { via: 'npx' }),
      runCli(['help', 'verify']),
      runCli([]),
    ]);
    for (const run of [direct, viaNpx]) {
      expect(run.code).toBe(0);
      expect(ownStderr(run).trim()).toBe('');
      for (const command of COMMANDS) expect(run.stdout).toContain(`  ${command.name} `);
    }
    expect(helpVerify.stdout).toContain('Exit status: 0 valid, 3 warning, 1 invalid');
    // no command at all: the overview goes to stderr, as a usage error
    expect([bare.code, bare.stdout]).toEqual([2, '']);
    expect(bare.stderr).toContain('Usage: carers-passport <command>');
  });
});
