// What a printed card shows, from the register: the passport signed now (as the register's sign() does), the
// issuer's name and contact from the configuration, the scheme's name.

import { readIssuerContact } from '../../core/index.ts';
import type { CardDetails } from '../../cards/index.ts';
import type { SchemeContext } from '../context.ts';
import { sign, type RegisterEntry } from '../register/passport-register.ts';

/** Why a card must not be printed for this passport now, in plain words; undefined when it may. */
export function cardRefusal(entry: RegisterEntry, now: number): string | undefined {
  if (entry.status === 'revoked') return `Passport ${entry.jti} was cancelled: a card for it must not be printed.`;
  if (entry.status === 'suspended') return `Passport ${entry.jti} is suspended: reinstate it before printing a card.`;
  if (now >= entry.exp) return `Passport ${entry.jti} has expired: renew it before printing a card.`;
  if (!entry.name) return `The register keeps no names, so the card of ${entry.jti} cannot be printed here: use "carers-passport issue --pdf".`;
  return undefined;
}

export async function cardDetails(ctx: SchemeContext, entry: RegisterEntry): Promise<CardDetails> {
  const signed = await sign(ctx, entry);
  const issuer = ctx.keys.issuers.find((i) => i.iss === entry.iss);
  const contact = readIssuerContact(issuer?.contact);
  return {
    qrText: signed.qrText,
    name: entry.name ?? '',
    cat: entry.cat,
    jti: entry.jti,
    exp: entry.exp,
    issuerName: issuer?.name ?? entry.iss,
    // only a name the scheme set: the card's own title already says "Carers Passport"
    ...(ctx.keys.schemeName ? { schemeName: ctx.keys.schemeName } : {}),
    ...(contact ? { contact } : {}),
  };
}
