// Collection codes (issue 9, point 2): made when a passport is issued or renewed, or asked for; single use, 30 days,
// nothing about the carer in them, stored only as a SHA-256 hash. The link carries the code in its fragment, which
// browsers never send, so it never reaches a server log.

import { createHash, randomBytes } from 'node:crypto';
import { COLLECTION_CODE_FRAGMENT, makeCollectionCode, normalizeCollectionCode, type CollectionOffer } from '../../core/index.ts';
import { toDate, type SchemeContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { audit } from '../register/audit-log.ts';

export const COLLECTION_CODE_LIFETIME = 30 * 86_400;

/** Codes have 60 random bits and tokens 256, so a plain SHA-256 is enough: no guessing list could cover them. */
export function hashSecret(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function collectionUrl(publicUrl: string, code: string): string {
  return `${publicUrl}/card/#${COLLECTION_CODE_FRAGMENT}=${code}`;
}

/** A new code for a passport in the register; the caller checked that the passport may be collected. */
export async function createCollectionCode(q: Queryable, ctx: SchemeContext, passport: { iss: string; jti: string }, actor: string): Promise<CollectionOffer> {
  const code = makeCollectionCode(randomBytes(12));
  const now = ctx.now();
  const expires = now + COLLECTION_CODE_LIFETIME;
  // one live code a passport: a new letter or email ends the codes of earlier ones not yet collected, so an old
  // letter or a misaddressed email cannot hand out another working copy
  await q.query('UPDATE collection_codes SET expires_at = $3 WHERE iss = $1 AND jti = $2 AND collected_at IS NULL AND expires_at > $3', [
    passport.iss, passport.jti, now,
  ]);
  await q.query('INSERT INTO collection_codes (code_hash, iss, jti, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
    hashSecret(normalizeCollectionCode(code)!), passport.iss, passport.jti, toDate(now), expires,
  ]);
  // never the code itself (issue 9: codes are stored hashed and never logged)
  await audit(q, now, { actor, action: 'card.code-created', iss: passport.iss, jti: passport.jti, detail: { expires } });
  return { code, url: collectionUrl(ctx.publicUrl, code), expires };
}

export type StoredCode = { iss: string; jti: string; expires: number; collectedAt: Date | null };

export async function findCollectionCode(q: Queryable, canonical: string, lock = false): Promise<StoredCode | undefined> {
  const [row] = await q.query<{ iss: string; jti: string; expires_at: string | number; collected_at: Date | string | null }>(
    `SELECT iss, jti, expires_at, collected_at FROM collection_codes WHERE code_hash = $1${lock ? ' FOR UPDATE' : ''}`,
    [hashSecret(canonical)],
  );
  if (!row) return undefined;
  return { iss: row.iss, jti: row.jti, expires: Number(row.expires_at), collectedAt: row.collected_at === null ? null : new Date(row.collected_at) };
}

export async function markCollected(q: Queryable, canonical: string, at: number): Promise<void> {
  await q.query('UPDATE collection_codes SET collected_at = $2 WHERE code_hash = $1', [hashSecret(canonical), toDate(at)]);
}
