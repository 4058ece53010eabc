// `carers-passport issue`: signs one passport (spec section 2), prints its QR text and writes its QR image.

import {
  CATEGORIES,
  MAX_PAYLOAD_BYTES,
  MAX_QR_TEXT_CHARS,
  MAX_VALIDITY_SECONDS,
  decodeBase64url,
  jwsToQrText,
  signPassport,
  type Category,
  type NumericDate,
} from '../../core/index.ts';
import { CARD_FLAGS, CARD_USAGE, checkCardFlags, writeCardPdf } from '../card-pdf.ts';
import { EXIT_VALID, usageError } from '../errors.ts';
import { oneOf, readArgs, readPrivateKeyFile, required, timeFlag, wholeNumber } from '../inputs.ts';
import type { Command } from '../io.ts';
import { writeOutput } from '../outputs.ts';
import { renderPassportQr } from '../qr-image.ts';

const FLAGS = {
  key: 'value', iss: 'value', name: 'value', cat: 'value', jti: 'value', years: 'value',
  'status-uri': 'value', 'status-idx': 'value', nbf: 'value', png: 'value', svg: 'value', ...CARD_FLAGS,
} as const;

const PASSPORT_NUMBER = /^[A-Z0-9][A-Z0-9-]{0,31}$/;

const usage = `Usage: carers-passport issue --key ISSUER.private.jwk --iss ISSUER_ID --name NAME
                             --cat adult|young|young-adult|parent --jti NUMBER --years N
                             --status-uri URI --status-idx N [--nbf TIME] [--png FILE | --svg FILE]
                             [--pdf FILE [--layout id1|a4] [--trust BUNDLE.jwt] [--issuer-name TEXT]
                              [--scheme-name TEXT] [--contact-phone TEXT] [--contact-hours TEXT] [--contact-web URL]]

Signs a passport, prints its QR text (CP1:/...) and, with --png or --svg, writes the QR code image;
with --pdf, the printable wallet card.

  --key FILE         the issuer's private key (from "carers-passport keygen"); its public key must be in the bundle
  --iss ID           the issuer id, as in the trust bundle (1 to 64 characters)
  --name NAME        the carer's name as printed on the card (1 to 64 characters)
  --cat CATEGORY     adult, young, young-adult or parent
  --jti NUMBER       the passport number: capital letters, digits and -, starting with a letter or digit (max 32)
  --years N          how long it is valid, 1 to 10 years from --nbf
  --status-uri URI   the status list this passport's cancellation status is in (an https URI)
  --status-idx N     this passport's index in that list
  --nbf TIME         valid from: ISO 8601 or seconds since 1970; default now
  --png FILE         write the QR code as a PNG image
  --svg FILE         write the QR code as an SVG image
${CARD_USAGE}`;

export const issueCommand: Command = {
  name: 'issue',
  summary: 'sign a passport, print its QR text and write its QR image',
  usage,
  async run(argv, io) {
    const args = readArgs(argv, FLAGS, usage, io);
    if (!args) return EXIT_VALID;
    const { flags } = args;
    const keyPath = required(flags.key, '--key', 'ISSUER.private.jwk');
    const iss = text(required(flags.iss, '--iss', 'ISSUER_ID'), '--iss');
    const name = text(required(flags.name, '--name', 'NAME'), '--name');
    const cat: Category = oneOf(required(flags.cat, '--cat', 'CATEGORY'), '--cat', CATEGORIES);
    const jti = required(flags.jti, '--jti', 'NUMBER');
    if (!PASSPORT_NUMBER.test(jti)) {
      usageError(`--jti must be 1 to 32 capital letters, digits or -, starting with a letter or digit, not ${JSON.stringify(jti)}`);
    }
    const years = wholeNumber(required(flags.years, '--years', 'N'), '--years', { min: 1, max: 10 });
    const statusUri = required(flags['status-uri'], '--status-uri', 'URI');
    if (statusUri.length === 0) usageError('--status-uri must not be empty');
    const statusIdx = wholeNumber(required(flags['status-idx'], '--status-idx', 'N'), '--status-idx', { min: 0 });
    if (flags.png !== undefined && flags.svg !== undefined) usageError('give --png or --svg, not both');
    checkCardFlags(flags);
    const nbf = flags.nbf === undefined ? io.now() : timeFlag(flags.nbf, '--nbf');
    const key = await readPrivateKeyFile(io, keyPath, '--key');
    if (!statusUri.startsWith('https://')) io.stderr(`note: --status-uri ${statusUri} is not https; issuers use https URIs\n`);

    const exp = expiry(nbf, years);
    const jws = await signPassport({ iss, jti, name, cat, nbf, exp, iat: io.now(), statusUri, statusIdx }, key);
    const payloadBytes = decodeBase64url(jws.split('.')[1]!)?.length ?? 0;
    if (payloadBytes > MAX_PAYLOAD_BYTES) usageError(`the passport is too large (${payloadBytes} bytes, max ${MAX_PAYLOAD_BYTES}): shorten --status-uri`);
    const qrText = jwsToQrText(jws);
    if (qrText.length > MAX_QR_TEXT_CHARS) usageError(`the QR text is too long (${qrText.length} characters, max ${MAX_QR_TEXT_CHARS}): shorten --status-uri`);

    const image = flags.png !== undefined ? { path: flags.png, format: 'png' as const } : flags.svg !== undefined ? { path: flags.svg, format: 'svg' as const } : undefined;
    if (image) await writeOutput(io, image.path, await renderPassportQr(qrText, image.format), { kind: 'public', force: true });
    await writeCardPdf(io, flags, { qrText, iss, name, cat, jti, exp });
    io.stdout(`${qrText}\n`);
    return EXIT_VALID;
  },
};

/** 1 to 64 characters, counted as code points (spec section 2). */
function text(value: string, flag: string): string {
  const length = [...value].length;
  if (value.trim().length === 0 || length > 64) usageError(`${flag} must be 1 to 64 characters (it has ${length})`);
  return value;
}

/** Calendar years from nbf, capped at the spec's 10-year bound (ten calendar years can hold three leap days). */
function expiry(nbf: NumericDate, years: number): NumericDate {
  const date = new Date(nbf * 1000);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return Math.min(Math.floor(date.getTime() / 1000), nbf + MAX_VALIDITY_SECONDS);
}
