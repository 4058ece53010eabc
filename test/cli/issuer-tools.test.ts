// The issuer tools in-process (CliIo in memory): what keygen, bundle, status and issue put in their tokens.

import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { Command } from '../../src/cli/io.ts';
import { UsageError } from '../../src/cli/errors.ts';
import {
  MAX_VALIDITY_SECONDS, decodeStatusList, loadTrustBundle, parseTime, pinRoot, statusAt, type TrustBundle,
} from '../../src/core/index.ts';
import { memoryIo, runInProcess, textOf, type MemoryIo } from './memory-io.ts';

const NOW = parseTime('2026-06-01T00:00:00Z')!;
let io: MemoryIo;
let bundle: TrustBundle;

async function ok(args: string[]): Promise<string> {
  const run = await runInProcess(args, io);
  if (run.code !== 0) throw new Error(`${args.join(' ')} -> ${run.code}: ${run.stderr}`);
  return run.stdout;
}

beforeAll(async () => {
  io = memoryIo({ now: NOW });
  await ok(['keygen', '--out', 'keys/root']);
  await ok(['keygen', '--alg', 'EdDSA', '--out', 'keys/vasl']);
  await ok(['keygen', '--out', 'keys/forum']);
  io.files.set('/work/issuers/vasl.json', { data: JSON.stringify({ iss: 'uk.vasl', name: 'VASL', cats: ['adult', 'parent'], keys: ['../keys/vasl.public.jwk'] }) });
  // a private key given as an issuer key is reduced to its public part; an inline JWK works too
  const forumPrivate = JSON.parse(textOf(io, 'keys/forum.private.jwk')) as object;
  io.files.set('/work/issuers/forum.json', { data: JSON.stringify({ iss: 'uk.forum', name: 'Parent Carer Forum', cats: ['parent'], keys: [forumPrivate] }) });
  await ok(['bundle', '--root', 'keys/root.private.jwk', '--issuer', 'issuers/vasl.json', '--issuer', 'issuers/forum.json', '--seq', '7', '--days', '45', '--status-max-age', '86400', '--iss', 'llr-carers-passport', '--out', 'out/bundle.jwt']);
  const root = await pinRoot(JSON.parse(textOf(io, 'keys/root.public.jwk')));
  const loaded = await loadTrustBundle(textOf(io, 'out/bundle.jwt'), { roots: [root!] });
  if (!loaded.ok) throw new Error(loaded.detail);
  bundle = loaded.bundle;
});

describe('bundle', () => {
  it('signs the issuers, categories and public keys with the root, with seq, validity and status_max_age', () => {
    expect(bundle).toMatchObject({ iss: 'llr-carers-passport', seq: 7, iat: NOW, exp: NOW + 45 * 86_400, statusMaxAge: 86_400 });
    expect(bundle.issuers.map((i) => [i.iss, i.name, i.cats, i.keys.length])).toEqual([
      ['uk.vasl', 'VASL', ['adult', 'parent'], 1],
      ['uk.forum', 'Parent Carer Forum', ['parent'], 1],
    ]);
    expect(JSON.stringify(bundle.issuers)).not.toContain('"d"');
    expect(bundle.issuers[0]!.keys[0]!.kid).toBe(JSON.parse(textOf(io, 'keys/vasl.public.jwk')).kid);
  });

  it('refuses a key that two issuers share, since verifiers would reject the whole bundle', async () => {
    io.files.set('/work/issuers/copy.json', { data: JSON.stringify({ iss: 'uk.copy', name: 'Copy', cats: ['adult'], keys: ['../keys/vasl.public.jwk'] }) });
    const run = await runInProcess(['bundle', '--root', 'keys/root.private.jwk', '--issuer', 'issuers/vasl.json', '--issuer', 'issuers/copy.json', '--seq', '8'], io);
    expect([run.code, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toMatch(/^carers-passport bundle: key \S+ appears twice/);
  });
});

describe('status', () => {
  it('marks the given indices revoked and suspended, bits 2, at full size, with ttl and exp', async () => {
    await ok(['status', '--key', 'keys/vasl.private.jwk', '--uri', 'https://vasl.example/s/1', '--revoke', '3,17', '--revoke', '40-45', '--suspend', '9', '--ttl', '3600', '--exp-days', '14', '--out', 'out/s1.jwt']);
    const decoded = await decodeStatusList(textOf(io, 'out/s1.jwt'), bundle);
    if (!decoded.ok) throw new Error(decoded.problem);
    const { list } = decoded;
    expect(list).toMatchObject({ uri: 'https://vasl.example/s/1', issuer: 'uk.vasl', bits: 2, size: 131_072, iat: NOW, exp: NOW + 14 * 86_400, ttl: 3600 });
    const marked = [3, 17, 40, 41, 42, 43, 44, 45];
    for (const i of marked) expect(statusAt(list, i)).toBe(1);
    expect(statusAt(list, 9)).toBe(2);
    for (const i of [0, 2, 4, 10, 39, 46, 131_071]) expect(statusAt(list, i)).toBe(0);
  });

  it('prints the list when there is no --out, and bits 1 and 8 work', async () => {
    for (const bits of ['1', '8']) {
      const jwt = (await ok(['status', '--key', 'keys/forum.private.jwk', '--uri', 'https://forum.example/s', '--bits', bits, '--size', '131072', '--revoke', '131071'])).trim();
      const decoded = await decodeStatusList(jwt, bundle);
      if (!decoded.ok) throw new Error(decoded.problem);
      expect([decoded.list.bits, statusAt(decoded.list, 131_071), statusAt(decoded.list, 131_070)]).toEqual([Number(bits), 1, 0]);
    }
  });
});

describe('issue', () => {
  it('runs validity in calendar years from --nbf, capped at the spec bound of 10 years', async () => {
    const claimsOf = (qr: string) => {
      const digits = qr.trim().slice(5);
      const jws = String.fromCharCode(...(digits.match(/\d\d/g) ?? []).map((pair) => Number(pair) + 45));
      return JSON.parse(Buffer.from(jws.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
    };
    const base = ['issue', '--key', 'keys/vasl.private.jwk', '--iss', 'uk.vasl', '--name', 'Sam', '--cat', 'parent', '--jti', 'V-1', '--status-uri', 'https://vasl.example/s/1', '--status-idx', '12'];
    const three = claimsOf(await ok([...base, '--years', '3', '--nbf', '2026-03-01T09:00:00Z']));
    expect(three).toMatchObject({ iss: 'uk.vasl', jti: 'V-1', cat: 'parent', nbf: parseTime('2026-03-01T09:00:00Z'), exp: parseTime('2029-03-01T09:00:00Z'), iat: NOW });
    expect(three.status).toEqual({ status_list: { idx: 12, uri: 'https://vasl.example/s/1' } });
    // 2028-01-01 + 10 calendar years holds three leap days: one day more than the spec allows
    const ten = claimsOf(await ok([...base, '--years', '10', '--nbf', '2028-01-01T00:00:00Z']));
    expect((ten.exp as number) - (ten.nbf as number)).toBe(MAX_VALIDITY_SECONDS);
  });

  it('notes a status uri that is not https, but still issues', async () => {
    const run = await runInProcess(['issue', '--key', 'keys/vasl.private.jwk', '--iss', 'uk.vasl', '--name', 'Sam', '--cat', 'adult', '--jti', 'V-2', '--years', '1', '--status-uri', 'http://localhost/s', '--status-idx', '1'], io);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('is not https');
  });
});

describe('the guard in main', () => {
  const throwing = (error: unknown): Command => ({ name: 'boom', summary: 's', usage: 'Usage: carers-passport boom', run: async () => { throw error; } });

  it('turns a usage error and a bug into exit 2 (never 1, which means invalid), each one line without a stack', async () => {
    const local = memoryIo({ now: NOW });
    expect(await main(['boom'], local, [throwing(new UsageError('--x is wrong'))])).toBe(2);
    expect(await main(['boom'], local, [throwing(new TypeError('cannot read properties of undefined\n    at x.ts:1'))])).toBe(2);
    expect(local.err).toEqual(['carers-passport boom: --x is wrong\n', 'carers-passport boom: internal error: cannot read properties of undefined\n']);
    expect(local.out).toEqual([]);
  });

  it('a new command is one more entry in the registry, with --help for free', async () => {
    const local = memoryIo({ now: NOW });
    const extra: Command = { name: 'hello', summary: 'greets', usage: 'Usage: carers-passport hello\n', run: async (_args, cliIo) => (cliIo.stdout('hi\n'), 0) };
    expect(await main(['hello'], local, [extra])).toBe(0);
    expect(await main(['--help'], local, [extra])).toBe(0);
    expect(local.out.join('')).toContain('hi\n');
    expect(local.out.join('')).toContain('  hello  greets');
  });
});
