// `carers-passport keygen`: a signing key pair for a root or an issuer (spec section 1: ES256 or EdDSA,
// kid = RFC 7638 thumbprint). The private JWK is written owner-only (0600) and never overwritten without --force.

import { generateSigningKey, type Alg } from '../../core/index.ts';
import { EXIT_VALID } from '../errors.ts';
import { oneOf, readArgs, required } from '../inputs.ts';
import type { Command } from '../io.ts';
import { jsonText, refuseExisting, writeOutput } from '../outputs.ts';

const FLAGS = { alg: 'value', out: 'value', force: 'switch' } as const;
const ALGS: readonly Alg[] = ['ES256', 'EdDSA'];

const usage = `Usage: carers-passport keygen [--alg ES256|EdDSA] --out NAME [--force]

Makes a new signing key pair and prints its kid (the key's RFC 7638 thumbprint):
  NAME.private.jwk   the private key, readable by you alone (mode 0600): keep it secret
  NAME.public.jwk    the public key: give it to the scheme (issuer key) or to verifiers (root key)

  --alg ALG    ES256 (P-256, the default) or EdDSA (Ed25519)
  --out NAME   path and name for the two files, for example keys/vasl-2026
  --force      replace existing key files (the old private key is lost)
`;

export const keygenCommand: Command = {
  name: 'keygen',
  summary: 'make a signing key pair (root or issuer)',
  usage,
  async run(argv, io) {
    const args = readArgs(argv, FLAGS, usage, io);
    if (!args) return EXIT_VALID;
    const { flags } = args;
    const alg = oneOf(flags.alg ?? 'ES256', '--alg', ALGS);
    const name = required(flags.out, '--out', 'NAME');
    const privatePath = `${name}.private.jwk`;
    const publicPath = `${name}.public.jwk`;
    // the two files are a pair: refuse before writing either, so a half-replaced pair never exists
    await refuseExisting(io, [privatePath, publicPath], flags.force);

    const { privateJwk, publicJwk } = await generateSigningKey(alg);
    await writeOutput(io, privatePath, jsonText({ ...privateJwk, alg }), { kind: 'private-key', force: flags.force });
    await writeOutput(io, publicPath, jsonText({ ...publicJwk, alg }), { kind: 'public', force: true });
    io.stdout(`${privateJwk.kid}\n`);
    io.stderr(`wrote ${privatePath} (keep it secret) and ${publicPath}\n`);
    return EXIT_VALID;
  },
};
