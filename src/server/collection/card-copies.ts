// The carer's phone copies (issue 9, point 2): collecting one with a code, refreshing it with its token, and ending
// the tokens when a passport is cancelled. Tokens are stored only as SHA-256 hashes; nothing about the phone is kept.

import { randomBytes } from 'node:crypto';
import {
  encodeBase64url, normalizeCollectionCode, readIssuerContact,
  type CardCopyError, type CardCopyPassport, type CollectAnswer, type IssuerContact, type RefreshAnswer,
} from '../../core/index.ts';
import { toDate, type SchemeContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { schemeNameOf } from '../keys/key-material.ts';
import { audit } from '../register/audit-log.ts';
import { findPassport, sign, type RegisterEntry } from '../register/passport-register.ts';
import { findCollectionCode, hashSecret, markCollected } from './collection-codes.ts';

/** A cancelled passport's copy is told so for this long after the cancellation; then its token is unknown (401). */
export const ENDED_COPY_TOLD_FOR = 90 * 86_400;

export type CardCopyRefusal = { ok: false; status: number; error: CardCopyError; message: string };

export async function collectCardCopy(ctx: SchemeContext, text: string): Promise<{ ok: true; answer: CollectAnswer } | CardCopyRefusal> {
  const canonical = normalizeCollectionCode(text);
  if (!canonical) return refuse(404, 'unknown-code', 'This code is not right. Check it against your letter or email: it has 12 letters and digits.');
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const stored = await findCollectionCode(tx, canonical, true);
    if (!stored) return refuse(404, 'unknown-code', 'This code is not right. Check it against your letter or email: it has 12 letters and digits.');
    const issuer = issuerWords(ctx, stored.iss);
    if (stored.collectedAt) {
      return refuse(410, 'collected', `This passport has already been collected on a phone. Ask ${issuer.askFor} for a new code.`);
    }
    if (now >= stored.expires) return refuse(410, 'code-expired', `This code has run out (codes last 30 days). Ask ${issuer.askFor} for a new code.`);
    const entry = await findPassport(tx, stored.iss, stored.jti, true);
    if (!entry) return refuse(404, 'unknown-code', 'This code is not right. Check it against your letter or email.');
    if (entry.status === 'revoked') return refuse(410, 'passport-cancelled', `This passport was cancelled. Contact ${issuer.askFor}.`);
    if (entry.status === 'suspended') return refuse(409, 'passport-suspended', `This passport is suspended for now. Contact ${issuer.askFor}.`);
    if (now >= entry.exp) return refuse(410, 'passport-expired', `This passport has expired. Contact ${issuer.askFor} to renew it.`);
    if (!entry.name) return refuse(409, 'no-names', `The scheme keeps no names, so this passport cannot be collected on a phone. Contact ${issuer.askFor}.`);

    const refreshToken = encodeBase64url(randomBytes(32));
    await markCollected(tx, canonical, now);
    await tx.query('INSERT INTO card_copies (token_hash, iss, jti, collected_at) VALUES ($1, $2, $3, $4)', [hashSecret(refreshToken), entry.iss, entry.jti, toDate(now)]);
    await audit(tx, now, { actor: 'carer', action: 'card.collected', iss: entry.iss, jti: entry.jti });
    const passport = (await copyPassport(ctx, entry, now, tx)) as CollectAnswer['passport'];
    return { ok: true, answer: { passport, ...contactPart(issuer.contact), schemeName: schemeNameOf(ctx.keys), refreshToken } } as const;
  });
}

export async function refreshCardCopy(ctx: SchemeContext, token: string): Promise<{ ok: true; answer: RefreshAnswer } | CardCopyRefusal> {
  const unknown = refuse(401, 'unknown-token', 'This copy of the passport is no longer kept up to date. Ask the scheme for a new code.');
  const now = ctx.now();
  const hash = hashSecret(token);
  const [copy] = await ctx.db.query<{ iss: string; jti: string; ended_at: Date | string | null }>('SELECT iss, jti, ended_at FROM card_copies WHERE token_hash = $1', [hash]);
  if (!copy) return unknown;
  if (copy.ended_at !== null && now - new Date(copy.ended_at).getTime() / 1000 > ENDED_COPY_TOLD_FOR) {
    await ctx.db.query('DELETE FROM card_copies WHERE token_hash = $1', [hash]);
    return unknown;
  }
  const entry = await findPassport(ctx.db, copy.iss, copy.jti);
  if (!entry || (copy.ended_at === null && !entry.name && entry.status === 'valid')) return unknown;
  await ctx.db.query('UPDATE card_copies SET refreshed_at = $2 WHERE token_hash = $1', [hash, toDate(now)]);
  // an ended copy never offers a QR again, whatever the register says
  const passport = await copyPassport(ctx, copy.ended_at === null ? entry : { ...entry, status: 'revoked' }, now);
  return { ok: true, answer: { passport, ...contactPart(issuerWords(ctx, entry.iss).contact), schemeName: schemeNameOf(ctx.keys) } };
}

/** When each listed passport's phone copy was last collected, keyed `iss jti` (for the admin page; nothing else). */
export async function collectedDates(q: Queryable, passports: readonly { iss: string; jti: string }[]): Promise<Map<string, string>> {
  if (passports.length === 0) return new Map();
  const rows = await q.query<{ iss: string; jti: string; at: string }>(
    `SELECT iss, jti, to_char(max(collected_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS at FROM card_copies
      WHERE (iss || ' ' || jti) = ANY($1::text[]) GROUP BY iss, jti`,
    [passports.map((p) => `${p.iss} ${p.jti}`)],
  );
  return new Map(rows.map((r) => [`${r.iss} ${r.jti}`, r.at]));
}

/** `q`: the caller's transaction, when there is one (sign() records the key that signed, which needs the row). */
async function copyPassport(ctx: SchemeContext, entry: RegisterEntry, now: number, q: Queryable = ctx.db): Promise<CardCopyPassport> {
  const status = entry.status !== 'valid' ? entry.status : now >= entry.exp ? 'expired' : 'valid';
  const base = {
    name: entry.name ?? '', cat: entry.cat, iss: entry.iss, issuerName: issuerWords(ctx, entry.iss).name, jti: entry.jti, nbf: entry.nbf, exp: entry.exp, status,
  } as const;
  if (status !== 'valid') return base;
  return { qrText: (await sign(ctx, entry, undefined, q)).qrText, ...base };
}

function issuerWords(ctx: SchemeContext, iss: string): { name: string; contact: IssuerContact | undefined; askFor: string } {
  const issuer = ctx.keys.issuers.find((i) => i.iss === iss);
  const name = issuer?.name ?? iss;
  const contact = readIssuerContact(issuer?.contact);
  return { name, contact, askFor: contact?.phone ? `${name} (${contact.phone})` : name };
}

function contactPart(contact: IssuerContact | undefined): { contact?: IssuerContact } {
  return contact ? { contact } : {};
}

function refuse(status: number, error: CardCopyRefusal['error'], message: string): CardCopyRefusal {
  return { ok: false, status, error, message };
}
