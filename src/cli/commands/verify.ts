// `carers-passport verify`: exactly the command-line contract of spec section 6.

import {
  buildTrustState,
  loadTrustBundle,
  pinRoot,
  verifyPassport,
  type PinnedRoot,
  type Verdict,
} from '../../core/index.ts';
import { EXIT_INVALID, EXIT_VALID, EXIT_WARNING, usageError } from '../errors.ts';
import { readArgs, readInputFile, readJsonFile, required, timeFlag } from '../inputs.ts';
import type { CliIo, Command } from '../io.ts';

const FLAGS = { root: 'values', trust: 'value', status: 'values', now: 'value', explain: 'switch' } as const;

const usage = `Usage: carers-passport verify --root ROOT.jwk [--root ROOT2.jwk] --trust BUNDLE.jwt
                              [--status LIST.jwt ...] [--now TIME] [--explain] [QR_TEXT]

Checks one Carers Passport offline and prints one line of JSON:
  {"result":"valid|warning|invalid","code":"...","passport":{...}}   (no passport when invalid)

  --root FILE     a pinned root public key (JSON JWK, P-256 or Ed25519); repeat for several roots
  --trust FILE    the trust bundle (JWT) signed by one of the roots
  --status FILE   a status list (JWT); repeat for several lists; an unusable list is ignored
  --now TIME      check as at TIME: ISO 8601 (UTC when no offset) or seconds since 1970; default now
  --explain       also print what the verdict means, in plain English, on standard error
  QR_TEXT         the scanned text (CP1:/... or a bare JWS); read from standard input when absent

Exit status: 0 valid, 3 warning, 1 invalid, 2 bad usage, unreadable file, or rejected trust bundle.
`;

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'check a passport QR text against a trust bundle and status lists',
  usage,
  async run(argv, io) {
    const args = readArgs(argv, FLAGS, usage, io, { maxPositionals: 1 });
    if (!args) return EXIT_VALID;
    const { flags } = args;
    if (flags.root.length === 0) usageError('--root ROOT.jwk is required (the pinned root public key)');
    const trustPath = required(flags.trust, '--trust', 'BUNDLE.jwt');
    const now = flags.now === undefined ? io.now() : timeFlag(flags.now, '--now');

    const roots = await Promise.all(flags.root.map((path) => readRoot(io, path)));
    const bundleJwt = await readInputFile(io, trustPath, '--trust');
    // every file is read before anything is judged, so an unreadable --status file is exit 2 (spec section 6)
    const listJwts = await Promise.all(flags.status.map((path) => readInputFile(io, path, '--status')));

    const loaded = await loadTrustBundle(bundleJwt, { roots });
    if (!loaded.ok) usageError(`trust bundle ${trustPath} rejected (${loaded.reason}): ${loaded.detail}`);
    const state = await buildTrustState(loaded.bundle, listJwts);
    for (const { index, problem } of state.ignored) {
      io.stderr(`note: status list ${flags.status[index]} is not usable (${problem}) and is ignored\n`);
    }

    const qrText = args.positionals[0] ?? (await io.readStdin());
    const verdict = await verifyPassport(qrText, { bundle: state.bundle, statusLists: state.statusLists, now });
    io.stdout(`${verdictLine(verdict)}\n`);
    if (flags.explain) {
      // the staff app's English words for the verdict code (src/i18n/catalogues/en-GB.json), read only when asked
      const { english } = await import('../../i18n/english.ts');
      io.stderr(`${english.t(`verdict.${verdict.code}.title`)}. ${english.t(`verdict.${verdict.code}.advice`)}\n`);
    }
    return verdict.result === 'valid' ? EXIT_VALID : verdict.result === 'warning' ? EXIT_WARNING : EXIT_INVALID;
  },
};

async function readRoot(io: CliIo, path: string): Promise<PinnedRoot> {
  const root = await pinRoot(await readJsonFile(io, path, '--root'));
  if (!root) return usageError(`--root file ${path} is not a JWK of a P-256 or Ed25519 key`);
  return root;
}

/** spec section 5 and 6: result, code, and the passport unless invalid; key order fixed for readers of the line. */
export function verdictLine(verdict: Verdict): string {
  return JSON.stringify(
    verdict.result === 'invalid'
      ? { result: verdict.result, code: verdict.code }
      : { result: verdict.result, code: verdict.code, passport: verdict.passport },
  );
}
