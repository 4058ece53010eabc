// The passport register: issue, renew, revoke, suspend, reinstate. Used by the admin page, its API and the CLI.
// Every change is audited with who and when; a status change publishes the issuer's list again (spec section 4).

import { randomInt } from 'node:crypto';
import { jwsToQrText, readCarerName, signPassport, type Category, type NumericDate } from '../../core/index.ts';
import type { SchemeContext } from '../context.ts';
import { toDate } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { endCardCopies } from '../collection/end-card-copies.ts';
import { recordSignature } from '../keys/key-rotation.ts';
import { setStatus } from '../publication/status-lists.ts';
import { allocateStatusIndex } from './allocate-index.ts';
import { audit } from './audit-log.ts';
import { SELECT_ENTRY, STATUS_NAMES, toEntry, type PassportRow, type PassportStatus, type RegisterEntry } from './passport-rows.ts';

export const PASSPORT_YEARS = 3;
const YEAR = 31_557_600;
const MAX_VALIDITY = 315_576_000; // spec section 2: at most 10 years
const JTI = /^[A-Z0-9][A-Z0-9-]{0,31}$/;

export type { PassportStatus, RegisterEntry } from './passport-rows.ts';
export { listPassports, pagePassports } from './passport-list.ts';

export type Signed = { ok: true; entry: RegisterEntry; token: string; qrText: string };
export type Refused = { ok: false; problem: string };

export type IssueRequest = { iss: string; cat: string; name: string; jti?: string; nbf?: NumericDate; exp?: NumericDate; actor: string };

export async function issuePassport(ctx: SchemeContext, request: IssueRequest): Promise<Signed | Refused> {
  const issuer = ctx.keys.issuers.find((i) => i.iss === request.iss);
  if (!issuer) return { ok: false, problem: `unknown issuer ${request.iss}` };
  if (!(issuer.cats as string[]).includes(request.cat)) return { ok: false, problem: `${issuer.name} does not issue the category ${request.cat}` };
  const read = readCarerName(request.name);
  if (!read.ok) return read;
  const { name } = read;
  const jti = request.jti ?? newPassportNumber(request.iss);
  if (!JTI.test(jti)) return { ok: false, problem: 'a passport number is capital letters, digits and dashes (at most 32)' };
  const now = ctx.now();
  const nbf = request.nbf ?? now;
  const exp = request.exp ?? nbf + PASSPORT_YEARS * YEAR;
  const dates = checkDates(nbf, exp);
  if (dates) return dates;
  const cat = request.cat as Category;
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx.query('SELECT 1 FROM passports WHERE iss = $1 AND jti = $2', [request.iss, jti]);
    if (existing) return { ok: false, problem: `passport ${jti} is already in the register` } as const;
    const slot = await allocateStatusIndex(tx, ctx, request.iss);
    await tx.query(
      `INSERT INTO passports (iss, jti, category, name, nbf, exp, status_list_id, status_idx, issued_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
      [request.iss, jti, cat, ctx.keepNames ? name : null, nbf, exp, slot.listId, slot.idx, toDate(now)],
    );
    await audit(tx, now, { actor: request.actor, action: 'passport.issue', iss: request.iss, jti, detail: { cat, nbf, exp } });
    const entry: RegisterEntry = { iss: request.iss, jti, cat, name: ctx.keepNames ? name : null, nbf, exp, statusUri: slot.uri, statusIdx: slot.idx, status: 'valid' };
    return sign(ctx, entry, name, tx);
  });
}

export type RenewRequest = { iss: string; jti: string; nbf?: NumericDate; exp?: NumericDate; name?: string; actor: string };

/** Keeps the passport number and status index; new dates and a new token (decisions: renewal). */
export async function renewPassport(ctx: SchemeContext, request: RenewRequest): Promise<Signed | Refused> {
  const now = ctx.now();
  const nbf = request.nbf ?? now;
  const exp = request.exp ?? nbf + PASSPORT_YEARS * YEAR;
  const dates = checkDates(nbf, exp);
  if (dates) return dates;
  return ctx.db.transaction(async (tx) => {
    const entry = await findPassport(tx, request.iss, request.jti, true);
    if (!entry) return { ok: false, problem: `no passport ${request.jti} of ${request.iss}` } as const;
    if (entry.status === 'revoked') return { ok: false, problem: 'a revoked passport cannot be renewed: issue a new one' } as const;
    const given = request.name?.trim() ? readCarerName(request.name) : undefined;
    if (given && !given.ok) return given;
    const name = given?.name || entry.name;
    if (!name) return { ok: false, problem: "the register keeps no names: give the carer's name to renew" } as const;
    const keptName = ctx.keepNames ? name : null;
    await tx.query('UPDATE passports SET nbf = $3, exp = $4, name = $5, updated_at = $6, renewed_at = $6 WHERE iss = $1 AND jti = $2', [
      request.iss, request.jti, nbf, exp, keptName, toDate(now),
    ]);
    await audit(tx, now, { actor: request.actor, action: 'passport.renew', iss: request.iss, jti: request.jti, detail: { nbf, exp } });
    return sign(ctx, { ...entry, nbf, exp, name: keptName }, name, tx);
  });
}

export type StatusAction = 'revoke' | 'suspend' | 'reinstate';
const TARGET: Record<StatusAction, 0 | 1 | 2> = { revoke: 1, suspend: 2, reinstate: 0 };

export async function changePassportStatus(
  ctx: SchemeContext,
  request: { iss: string; jti: string; action: StatusAction; actor: string },
): Promise<{ ok: true; entry: RegisterEntry } | Refused> {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const entry = await findPassport(tx, request.iss, request.jti, true);
    if (!entry) return { ok: false, problem: `no passport ${request.jti} of ${request.iss}` } as const;
    const allowed: Record<StatusAction, PassportStatus[]> = { revoke: ['valid', 'suspended'], suspend: ['valid'], reinstate: ['suspended'] };
    if (!allowed[request.action].includes(entry.status)) {
      return { ok: false, problem: `passport ${request.jti} is ${entry.status}: it cannot be ${pastTense(request.action)}` } as const;
    }
    const value = TARGET[request.action];
    const [row] = await tx.query<{ status_list_id: number }>(
      'UPDATE passports SET status = $3, updated_at = $4 WHERE iss = $1 AND jti = $2 RETURNING status_list_id',
      [request.iss, request.jti, value, toDate(now)],
    );
    await setStatus(tx, ctx, row!.status_list_id, entry.statusIdx, value);
    // issue 9: cancelling a passport ends its phone copies' refresh tokens
    if (request.action === 'revoke') await endCardCopies(tx, request, now);
    await audit(tx, now, { actor: request.actor, action: `passport.${request.action}`, iss: request.iss, jti: request.jti });
    return { ok: true, entry: { ...entry, status: STATUS_NAMES[value]! } } as const;
  });
}

export async function findPassport(q: Queryable, iss: string, jti: string, lock = false): Promise<RegisterEntry | undefined> {
  const rows = await q.query<PassportRow>(`${SELECT_ENTRY} WHERE p.iss = $1 AND p.jti = $2${lock ? ' FOR UPDATE OF p' : ''}`, [iss, jti]);
  return rows[0] && toEntry(rows[0]);
}

/**
 * A token for a register entry, signed now with the issuer's current key (a renewal, a card, the demo cards); needs a
 * name when the register has none. Records which key signed it, so the key stays in the bundle while it is valid.
 */
export async function sign(ctx: SchemeContext, entry: RegisterEntry, name = entry.name ?? '', q: Queryable = ctx.db): Promise<Signed> {
  const issuer = ctx.keys.issuers.find((i) => i.iss === entry.iss);
  if (!issuer) throw new Error(`no signing key for issuer ${entry.iss}`);
  const token = await signPassport(
    { iss: entry.iss, jti: entry.jti, name, cat: entry.cat, nbf: entry.nbf, exp: entry.exp, iat: Math.min(ctx.now(), entry.nbf), statusUri: entry.statusUri, statusIdx: entry.statusIdx },
    issuer.key,
  );
  await recordSignature(q, entry, issuer.key.kid);
  return { ok: true, entry, token, qrText: jwsToQrText(token) };
}

function checkDates(nbf: NumericDate, exp: NumericDate): Refused | undefined {
  if (!Number.isSafeInteger(nbf) || !Number.isSafeInteger(exp) || exp <= nbf) return { ok: false, problem: 'the passport must end after it starts' };
  if (exp - nbf > MAX_VALIDITY) return { ok: false, problem: 'a passport is valid for at most 10 years' };
  return undefined;
}

// Crockford's alphabet: no I, L, O or U to misread on a printed card.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newPassportNumber(iss: string): string {
  const prefix = (iss.split('.').pop() ?? 'CP').toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 6) || 'CP';
  let suffix = '';
  for (let i = 0; i < 8; i++) suffix += ALPHABET[randomInt(ALPHABET.length)];
  return `${prefix}-${suffix}`;
}

function pastTense(action: StatusAction): string {
  return action === 'revoke' ? 'revoked' : action === 'suspend' ? 'suspended' : 'reinstated';
}
