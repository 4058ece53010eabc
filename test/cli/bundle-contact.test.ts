// `bundle` writes each issuer's contact from its issuer file (spec section 8) and refuses a malformed one; `verify`
// keeps answering VALID with it, and rejects (exit 2) a bundle that lists one issuer twice.

import { beforeAll, describe, expect, it } from 'vitest';
import { loadTrustBundle, parseTime, pinRoot, signTrustBundle, readPrivateJwk, type PinnedRoot } from '../../src/core/index.ts';
import { memoryIo, runInProcess, textOf, type MemoryIo } from './memory-io.ts';

const NOW = parseTime('2026-06-01T00:00:00Z')!;
const CONTACT = { phone: '0116 123 4567', hours: 'Monday to Friday, 9am to 5pm', web: 'https://carers.example/passport' };
let io: MemoryIo;
let root: PinnedRoot;

async function ok(args: string[]): Promise<string> {
  const run = await runInProcess(args, io);
  if (run.code !== 0) throw new Error(`${args.join(' ')} -> ${run.code}: ${run.stderr}`);
  return run.stdout;
}

const issuerFile = (path: string, extra: object) =>
  io.files.set(`/work/${path}`, { data: JSON.stringify({ iss: 'uk.vasl', name: 'VASL', cats: ['adult'], keys: ['vasl.public.jwk'], ...extra }) });

beforeAll(async () => {
  io = memoryIo({ now: NOW });
  await ok(['keygen', '--out', 'keys/root']);
  await ok(['keygen', '--out', 'keys/vasl']);
  root = (await pinRoot(JSON.parse(textOf(io, 'keys/root.public.jwk'))))!;
});

describe('bundle and the issuer contact', () => {
  it('writes "contact" from the issuer file and the core reads it back; unknown members are dropped', async () => {
    issuerFile('keys/with-contact.json', { contact: { ...CONTACT, email: 'x@carers.example' } });
    await ok(['bundle', '--root', 'keys/root.private.jwk', '--issuer', 'keys/with-contact.json', '--seq', '1', '--out', 'out/b.jwt']);
    const jwt = textOf(io, 'out/b.jwt').trim();
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as { issuers: { contact?: unknown }[] };
    expect(payload.issuers[0]!.contact).toEqual(CONTACT);
    const loaded = await loadTrustBundle(jwt, { roots: [root] });
    expect(loaded.ok && loaded.bundle.issuers[0]!.contact).toEqual(CONTACT);
  });

  it('an issuer file without a contact makes a bundle without one', async () => {
    issuerFile('keys/plain.json', {});
    await ok(['bundle', '--root', 'keys/root.private.jwk', '--issuer', 'keys/plain.json', '--seq', '2', '--out', 'out/plain.jwt']);
    const loaded = await loadTrustBundle(textOf(io, 'out/plain.jwt'), { roots: [root] });
    expect(loaded.ok && 'contact' in loaded.bundle.issuers[0]!).toBe(false);
  });

  it.each([
    ['an http address', { web: 'http://carers.example/' }],
    ['a phone that is a number', { phone: 1161234567 }],
    ['hours of 65 characters', { hours: 'x'.repeat(65) }],
  ])('refuses a malformed contact (%s) with one line, exit 2', async (_label, contact) => {
    issuerFile('keys/bad.json', { contact });
    const run = await runInProcess(['bundle', '--root', 'keys/root.private.jwk', '--issuer', 'keys/bad.json', '--seq', '3'], io);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^carers-passport bundle: --issuer file keys\/bad\.json: "contact" must be .*https/);
  });
});

describe('verify and a bundle that lists one issuer twice', () => {
  it('is a rejected bundle: exit 2, the reason on stderr, nothing on stdout', async () => {
    const rootKey = (await readPrivateJwk(JSON.parse(textOf(io, 'keys/root.private.jwk'))))!;
    const vasl = JSON.parse(textOf(io, 'keys/vasl.public.jwk')) as never;
    const other = JSON.parse(textOf(io, 'keys/root.public.jwk')) as never;
    // signTrustBundle signs what it is given: the CLI's bundle command refuses this, so it is made by hand here
    const jwt = await signTrustBundle(
      { iss: 's', iat: NOW, exp: NOW + 86_400, seq: 4, issuers: [{ iss: 'uk.vasl', name: 'A', cats: ['adult'], keys: [vasl] }, { iss: 'uk.vasl', name: 'B', cats: ['adult'], keys: [other] }] },
      rootKey,
    );
    io.files.set('/work/out/twice.jwt', { data: jwt });
    const run = await runInProcess(['verify', '--root', 'keys/root.public.jwk', '--trust', 'out/twice.jwt', 'CP1:/0'], io);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('carers-passport verify: trust bundle out/twice.jwt rejected (claims): issuer uk.vasl is listed twice in the trust bundle\n');
  });
});
