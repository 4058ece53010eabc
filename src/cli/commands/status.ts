// `carers-passport status`: a signed status list (spec section 4, IETF Token Status List in JWT form).

import { MAX_INFLATED_BYTES, STATUS_REVOKED, STATUS_SUSPENDED, signStatusList, type StatusBits } from '../../core/index.ts';
import { EXIT_VALID, usageError } from '../errors.ts';
import { parseIndexRanges } from '../index-ranges.ts';
import { oneOf, readArgs, readPrivateKeyFile, required, timeFlag, wholeNumber } from '../inputs.ts';
import type { Command } from '../io.ts';
import { writeOutput } from '../outputs.ts';
import { strongDeflate } from '../../server/publication/strong-deflate.ts';

const FLAGS = {
  key: 'value', uri: 'value', size: 'value', bits: 'value', revoke: 'values', suspend: 'values',
  ttl: 'value', 'exp-days': 'value', iat: 'value', out: 'value',
} as const;

/** spec section 4: lists are allocated at full size, at least 131,072 entries (herd privacy). */
export const MIN_LIST_SIZE = 131_072;

const usage = `Usage: carers-passport status --key ISSUER.private.jwk --uri URI [--size N] [--bits 1|2|4|8]
                              [--revoke 3,17,40-45] [--suspend 9] [--ttl S] [--exp-days D]
                              [--iat TIME] [--out FILE]

Signs a status list: every index is valid except those given to --revoke and --suspend.
Prints the list (a JWT) or writes it to --out.

  --key FILE       the issuer's private key (the same issuer as the passports that point at the list)
  --uri URI        the list's name: the status-uri its passports carry
  --size N         how many entries (default and spec minimum 131072); start a new list when it is full
  --bits B         bits per entry: 1, 2 (default), 4 or 8; suspending needs 2 or more
  --revoke LIST    indices to cancel, like 3,17,40-45; may be repeated
  --suspend LIST   indices to put on hold; may be repeated
  --ttl S          how many seconds verifiers may cache the list (optional ttl claim)
  --exp-days D     the list expires D days after it is issued (optional exp claim)
  --iat TIME       issued at (ISO 8601 or seconds since 1970); default now
  --out FILE       write the list to FILE instead of standard output
`;

export const statusCommand: Command = {
  name: 'status',
  summary: 'sign a status list with given passports revoked or suspended',
  usage,
  async run(argv, io) {
    const args = readArgs(argv, FLAGS, usage, io);
    if (!args) return EXIT_VALID;
    const { flags } = args;
    const keyPath = required(flags.key, '--key', 'ISSUER.private.jwk');
    const uri = required(flags.uri, '--uri', 'URI');
    if (uri.length === 0) usageError('--uri must not be empty');
    const bits = Number(oneOf(flags.bits ?? '2', '--bits', ['1', '2', '4', '8'])) as StatusBits;
    const maxSize = (MAX_INFLATED_BYTES * 8) / bits;
    const size = wholeNumber(flags.size ?? String(MIN_LIST_SIZE), '--size', { min: 1, max: maxSize });
    const revoked = parseIndexRanges(flags.revoke, '--revoke', size);
    const suspended = parseIndexRanges(flags.suspend, '--suspend', size);
    if (suspended.size > 0 && bits === 1) usageError('--suspend needs --bits 2 or more (one bit holds only valid or revoked)');
    for (const index of suspended) {
      if (revoked.has(index)) usageError(`index ${index} is given to both --revoke and --suspend`);
    }
    const ttl = flags.ttl === undefined ? undefined : wholeNumber(flags.ttl, '--ttl', { min: 1 });
    const expDays = flags['exp-days'] === undefined ? undefined : wholeNumber(flags['exp-days'], '--exp-days', { min: 1, max: 3650 });
    const iat = flags.iat === undefined ? io.now() : timeFlag(flags.iat, '--iat');
    const key = await readPrivateKeyFile(io, keyPath, '--key');
    if (size < MIN_LIST_SIZE) io.stderr(`note: --size ${size} is below the spec's minimum of ${MIN_LIST_SIZE} entries\n`);

    const statuses = new Uint8Array(size);
    for (const index of revoked) statuses[index] = STATUS_REVOKED;
    for (const index of suspended) statuses[index] = STATUS_SUSPENDED;
    const jwt = await signStatusList(
      {
        uri, iat, bits, statuses,
        ...(ttl === undefined ? {} : { ttl }),
        ...(expDays === undefined ? {} : { exp: iat + expDays * 86_400 }),
      },
      key,
      strongDeflate,
    );
    if (flags.out === undefined) {
      io.stdout(`${jwt}\n`);
    } else {
      await writeOutput(io, flags.out, `${jwt}\n`, { kind: 'public', force: true });
      io.stderr(`wrote ${flags.out}: ${size} entries, ${revoked.size} revoked, ${suspended.size} suspended\n`);
    }
    return EXIT_VALID;
  },
};
