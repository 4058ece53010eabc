// `issue --pdf`: the wallet card of the passport just signed. The issuer's display name and contact come from
// --trust BUNDLE.jwt (the issuer's entry, spec sections 3 and 8) or from flags, which win; pdf-lib is loaded only here.

import { decodeBase64url, parseClaims, readIssuerContact, type Category, type IssuerContact, type NumericDate } from '../core/index.ts';
import { usageError } from './errors.ts';
import { oneOf, readInputFile } from './inputs.ts';
import type { CliIo } from './io.ts';
import { writeOutput } from './outputs.ts';

export const CARD_FLAGS = {
  pdf: 'value', layout: 'value', trust: 'value', 'issuer-name': 'value', 'scheme-name': 'value',
  'contact-phone': 'value', 'contact-hours': 'value', 'contact-web': 'value',
} as const;

export const CARD_USAGE = `  --pdf FILE         write the printable wallet card (PDF: front and back, real text, vector QR)
  --layout id1|a4    id1: one card a page, 85.6 x 54 mm (default); a4: a sheet of 10 with crop marks
  --trust FILE       the trust bundle: the card prints this issuer's display name and contact from it
  --issuer-name TEXT the issuer's name as printed (default: from --trust, else --iss)
  --scheme-name TEXT the scheme's name as printed, e.g. "Leicester, Leicestershire and Rutland Carers Passport"
  --contact-phone TEXT, --contact-hours TEXT, --contact-web https://...
                     the issuer's contact printed on the back (default: from --trust; each optional)
`;

type CardFlags = { [K in keyof typeof CARD_FLAGS]: string | undefined };

export type SignedCard = { qrText: string; iss: string; name: string; cat: Category; jti: string; exp: NumericDate };

/** Checks the card flags before anything is signed, so a bad flag costs nothing. */
export function checkCardFlags(flags: CardFlags): void {
  const cardOnly = (['layout', 'trust', 'issuer-name', 'scheme-name', 'contact-phone', 'contact-hours', 'contact-web'] as const).filter((f) => flags[f] !== undefined);
  if (flags.pdf === undefined && cardOnly.length > 0) usageError(`--${cardOnly[0]} is for the printed card: give --pdf FILE too`);
  if (flags.layout !== undefined) oneOf(flags.layout, '--layout', ['id1', 'a4'] as const);
  for (const flag of ['issuer-name', 'scheme-name'] as const) {
    const value = flags[flag];
    if (value !== undefined && (value.trim() === '' || [...value].length > 100)) usageError(`--${flag} must be 1 to 100 characters`);
  }
  const given = flagContact(flags);
  if (given.raw && !given.contact) usageError('--contact-phone and --contact-hours are text of at most 64 characters; --contact-web an https: address of at most 200');
}

export async function writeCardPdf(io: CliIo, flags: CardFlags, card: SignedCard): Promise<void> {
  const path = flags.pdf;
  if (path === undefined) return;
  const fromBundle = flags.trust === undefined ? undefined : await bundleIssuer(io, flags.trust, card.iss);
  const contact = flagContact(flags).contact ?? fromBundle?.contact;
  const cards = await import('../cards/index.ts');
  const missing = cards.charactersWithoutFont(card.name);
  if (missing.length > 0) io.stderr(`note: the card's fonts have no letters for ${missing.join(' ')}: they print as empty boxes\n`);
  let pdf: Uint8Array;
  try {
    pdf = await cards.renderCardsPdf(
      [{
        qrText: card.qrText, name: card.name, cat: card.cat, jti: card.jti, exp: card.exp,
        issuerName: flags['issuer-name'] ?? fromBundle?.name ?? card.iss,
        ...(flags['scheme-name'] === undefined ? {} : { schemeName: flags['scheme-name'] }),
        ...(contact ? { contact } : {}),
      }],
      { layout: flags.layout === 'a4' ? 'a4' : 'id1', title: `Carers Passport ${card.jti}` },
    );
  } catch (error) {
    if (error instanceof cards.CardTooLargeError) return usageError(error.message);
    throw error;
  }
  await writeOutput(io, path, pdf, { kind: 'public', force: true });
}

function flagContact(flags: CardFlags): { raw: boolean; contact: IssuerContact | undefined } {
  const raw = { phone: flags['contact-phone'], hours: flags['contact-hours'], web: flags['contact-web'] };
  const given = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
  if (Object.keys(given).length === 0) return { raw: false, contact: undefined };
  return { raw: true, contact: readIssuerContact(given) };
}

/** The issuer's entry in the bundle, read without checking the signature: only its display words are used. */
async function bundleIssuer(io: CliIo, path: string, iss: string): Promise<{ name: string; contact: IssuerContact | undefined }> {
  const text = (await readInputFile(io, path, '--trust')).trim();
  const payload = decodeBase64url(text.split('.')[1] ?? '');
  const claims = payload ? parseClaims(payload) : undefined;
  if (!claims || !Array.isArray(claims.issuers)) return usageError(`--trust ${path} is not a trust bundle`);
  const entry = (claims.issuers as unknown[]).find((e): e is Record<string, unknown> => typeof e === 'object' && e !== null && (e as { iss?: unknown }).iss === iss);
  if (!entry || typeof entry.name !== 'string') return usageError(`--trust ${path} has no issuer ${iss}`);
  return { name: entry.name, contact: readIssuerContact(entry.contact) };
}
