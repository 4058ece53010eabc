// `carers-passport bundle`: a trust bundle (spec section 3) signed by the scheme's root key.

import { signTrustBundle, thumbprint, type BundleIssuer } from '../../core/index.ts';
import { EXIT_VALID, usageError } from '../errors.ts';
import { readIssuerFile } from '../issuer-file.ts';
import { readArgs, readPrivateKeyFile, required, timeFlag, wholeNumber } from '../inputs.ts';
import type { Command } from '../io.ts';
import { writeOutput } from '../outputs.ts';

const FLAGS = {
  root: 'value', issuer: 'values', seq: 'value', days: 'value', 'status-max-age': 'value',
  iss: 'value', iat: 'value', out: 'value',
} as const;

export const DEFAULT_SCHEME_ID = 'carers-passport';

const usage = `Usage: carers-passport bundle --root ROOT.private.jwk --issuer ISSUER.json [--issuer ISSUER2.json ...]
                              --seq N [--days 30] [--status-max-age S] [--iss SCHEME_ID]
                              [--iat TIME] [--out FILE]

Signs a trust bundle: the issuers, their categories and public keys that verifiers trust.
Prints the bundle (a JWT) or writes it to --out.

  --root FILE          the scheme's root private key; verifiers pin its public key
  --issuer FILE        an issuer file, repeat for each issuer:
                       {"iss": "uk.llr.vasl", "name": "Support for Carers (VASL)", "cats": ["adult", "parent"],
                        "keys": ["keys/vasl.public.jwk", {"kty": "EC", ...}],
                        "contact": {"phone": "0116 123 4567", "hours": "Mon to Fri 9am to 5pm", "web": "https://..."}}
                       key paths are relative to the issuer file; private keys are reduced to their public part;
                       "contact" is optional (each part too) and printed on cards and shown to carers
  --seq N              the bundle's sequence number; raise it for every new bundle (verifiers refuse a lower one)
  --days D             days until the bundle counts as out of date (default 30)
  --status-max-age S   seconds a status list may age before it counts as stale (default 604800, 7 days)
  --iss ID             the scheme's id (default ${DEFAULT_SCHEME_ID})
  --iat TIME           issued at (ISO 8601 or seconds since 1970); default now
  --out FILE           write the bundle to FILE instead of standard output
`;

export const bundleCommand: Command = {
  name: 'bundle',
  summary: 'sign a trust bundle of issuers and their public keys with the root key',
  usage,
  async run(argv, io) {
    const args = readArgs(argv, FLAGS, usage, io);
    if (!args) return EXIT_VALID;
    const { flags } = args;
    const rootPath = required(flags.root, '--root', 'ROOT.private.jwk');
    if (flags.issuer.length === 0) usageError('--issuer ISSUER.json is required (one for each issuer)');
    const seq = wholeNumber(required(flags.seq, '--seq', 'N'), '--seq', { min: 0 });
    const days = wholeNumber(flags.days ?? '30', '--days', { min: 1, max: 3650 });
    const maxAge = flags['status-max-age'] === undefined ? undefined : wholeNumber(flags['status-max-age'], '--status-max-age', { min: 0 });
    const iss = flags.iss ?? DEFAULT_SCHEME_ID;
    if (iss.length === 0) usageError('--iss must not be empty');
    const iat = flags.iat === undefined ? io.now() : timeFlag(flags.iat, '--iat');
    const rootKey = await readPrivateKeyFile(io, rootPath, '--root');
    const issuers: BundleIssuer[] = [];
    for (const path of flags.issuer) issuers.push(await readIssuerFile(io, path));
    await checkUnique(issuers);

    const jwt = await signTrustBundle(
      { iss, iat, exp: iat + days * 86_400, seq, issuers, ...(maxAge === undefined ? {} : { statusMaxAge: maxAge }) },
      rootKey,
    );
    if (flags.out === undefined) {
      io.stdout(`${jwt}\n`);
    } else {
      await writeOutput(io, flags.out, `${jwt}\n`, { kind: 'public', force: true });
      const keyCount = issuers.reduce((sum, issuer) => sum + issuer.keys.length, 0);
      io.stderr(`wrote ${flags.out}: seq ${seq}, ${issuers.length} issuer(s), ${keyCount} key(s), root ${rootKey.kid}\n`);
    }
    return EXIT_VALID;
  },
};

/** spec section 3: verifiers reject a bundle whose kid appears twice, so refuse to sign one. */
async function checkUnique(issuers: readonly BundleIssuer[]): Promise<void> {
  const seenIss = new Set<string>();
  const seenKid = new Set<string>();
  for (const issuer of issuers) {
    if (seenIss.has(issuer.iss)) usageError(`issuer ${issuer.iss} is given twice`);
    seenIss.add(issuer.iss);
    for (const key of issuer.keys) {
      const kid = await thumbprint(key);
      if (seenKid.has(kid)) usageError(`key ${kid} appears twice (a key belongs to one issuer, once)`);
      seenKid.add(kid);
    }
  }
}
