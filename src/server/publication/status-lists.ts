// Status lists (spec section 4): allocated at full size, one byte per index in the database, packed at 2 bits when
// signed (0 valid, 1 revoked, 2 suspended). Every change is signed again at once with a later iat.

import { decodeBase64url, signStatusList, WELL_KNOWN_PATH } from '../../core/index.ts';
import { strongDeflate } from './strong-deflate.ts';
import type { SchemeContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { STATUS_LIST_LOCK } from '../db/lock-keys.ts';

export const STATUS_BITS = 2;
/** Lists are signed again after a day without changes, well inside the bundle's status_max_age of 7 days. */
export const LIST_RESIGN_AFTER = 86_400;

export type ListRow = { id: number; uri: string; iss: string; number: number; size: number; next_idx: number };

/** Where this service serves a list, relative to /.well-known/carers-passport/status-lists.json (spec section 7). */
export function listHref(iss: string, number: number): string {
  return `status/${encodeURIComponent(iss)}/${number}`;
}

/** The list's name: the demo's first uris come from src/demo; otherwise the service's own address. */
export function listUri(ctx: SchemeContext, iss: string, number: number): string {
  const first = ctx.keys.issuers.find((i) => i.iss === iss)?.firstStatusUri;
  if (first !== undefined) return number === 1 ? first : first.replace(/\/\d+$/, '') + `/${number}`;
  return `${ctx.publicUrl}${WELL_KNOWN_PATH}/${listHref(iss, number)}`;
}

/**
 * Takes the issuer's list-creation lock until the caller's transaction ends: instances that find a list full (or none)
 * at the same moment make one new list between them, never two with the same number or uri.
 */
export async function lockIssuerLists(tx: Queryable, iss: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [STATUS_LIST_LOCK, iss]);
}

/** Starts the issuer's next list, all valid, and signs it. Call inside a transaction (it takes the issuer's lock). */
export async function createStatusList(tx: Queryable, ctx: SchemeContext, iss: string): Promise<ListRow> {
  await lockIssuerLists(tx, iss);
  const [last] = await tx.query<{ number: number | null }>('SELECT max(number) AS number FROM status_lists WHERE iss = $1', [iss]);
  const number = (last?.number ?? 0) + 1;
  const [row] = await tx.query<ListRow>(
    `INSERT INTO status_lists (uri, iss, number, size, bits, statuses) VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING id, uri, iss, number, size, next_idx`,
    [listUri(ctx, iss, number), iss, number, ctx.statusListSize, STATUS_BITS, new Uint8Array(ctx.statusListSize)],
  );
  await signList(tx, ctx, row!.id);
  return row!;
}

/** Sets one status and publishes the list again, in the caller's transaction. */
export async function setStatus(tx: Queryable, ctx: SchemeContext, listId: number, idx: number, value: 0 | 1 | 2): Promise<void> {
  await tx.query('UPDATE status_lists SET statuses = set_byte(statuses, $2, $3) WHERE id = $1', [listId, idx, value]);
  await signList(tx, ctx, listId);
}

/**
 * Signs the list as it is now. The row is locked so two changes never publish out of order, and iat always grows:
 * a verifier keeps the list with the later iat (section 4), so a new list must never tie with the one before.
 */
export async function signList(tx: Queryable, ctx: SchemeContext, listId: number): Promise<void> {
  const [list] = await tx.query<{ uri: string; iss: string; bits: number; statuses: Uint8Array; jwt_iat: string | number | null }>(
    'SELECT uri, iss, bits, statuses, jwt_iat FROM status_lists WHERE id = $1 FOR UPDATE',
    [listId],
  );
  if (!list) throw new Error(`no status list ${listId}`);
  const issuer = ctx.keys.issuers.find((i) => i.iss === list.iss);
  if (!issuer) throw new Error(`no signing key for issuer ${list.iss}`);
  const iat = Math.max(ctx.now(), list.jwt_iat === null ? 0 : Number(list.jwt_iat) + 1);
  const jwt = await signStatusList(
    { uri: list.uri, iat, bits: list.bits as 2, statuses: new Uint8Array(list.statuses) },
    issuer.key,
    strongDeflate,
  );
  await tx.query('UPDATE status_lists SET jwt = $2, jwt_iat = $3 WHERE id = $1', [listId, jwt, iat]);
}

export type PublishedList = { uri: string; iss: string; number: number; jwt: string };

/** The lists of the configured issuers (the bundle's), never of another issuer the database may hold. */
export async function publishedLists(ctx: Pick<SchemeContext, 'db' | 'keys'>): Promise<PublishedList[]> {
  return ctx.db.query<PublishedList>(
    `SELECT l.uri, l.iss, l.number, l.jwt FROM status_lists l
       WHERE l.jwt IS NOT NULL AND l.iss = ANY($1::text[])
         AND EXISTS (SELECT 1 FROM scheme_keys k WHERE k.iss = l.iss AND k.state <> 'removed')
       ORDER BY l.iss, l.number`,
    [ctx.keys.issuers.map((i) => i.iss)],
  );
}

export async function publishedList(ctx: Pick<SchemeContext, 'db'>, iss: string, number: number): Promise<string | undefined> {
  const rows = await ctx.db.query<{ jwt: string | null }>('SELECT jwt FROM status_lists WHERE iss = $1 AND number = $2', [iss, number]);
  return rows[0]?.jwt ?? undefined;
}

/** Every issuer has a list to allocate from; lists unchanged for a day are signed again. */
export async function refreshStatusListsIfDue(ctx: SchemeContext): Promise<number> {
  let signed = 0;
  for (const issuer of ctx.keys.issuers) {
    await ctx.db.transaction(async (tx) => {
      await lockIssuerLists(tx, issuer.iss);
      const [any] = await tx.query('SELECT 1 FROM status_lists WHERE iss = $1 LIMIT 1', [issuer.iss]);
      if (!any) {
        await createStatusList(tx, ctx, issuer.iss);
        signed++;
      }
    });
  }
  const lists = await ctx.db.query<{ id: number; iss: string; jwt: string | null; jwt_iat: string | number | null }>(
    'SELECT id, iss, jwt, jwt_iat FROM status_lists WHERE iss = ANY($1) ORDER BY id',
    [ctx.keys.issuers.map((i) => i.iss)],
  );
  const currentKid = new Map(ctx.keys.issuers.map((i) => [i.iss, i.key.kid]));
  // a list signed by an issuer's earlier key is signed again with its current one (issue 10, point 6): the earlier
  // key may leave the bundle before the list would be signed again for its age
  const due = lists.filter(
    (l) => l.jwt === null || Number(l.jwt_iat) <= ctx.now() - LIST_RESIGN_AFTER || signingKid(l.jwt) !== currentKid.get(l.iss),
  );
  for (const { id } of due) {
    await ctx.db.transaction((tx) => signList(tx, ctx, id));
    signed++;
  }
  return signed;
}

/** The kid in a compact JWS's protected header, or undefined when it cannot be read. */
function signingKid(jwt: string): string | undefined {
  const header = decodeBase64url(jwt.split('.')[0] ?? '');
  try {
    const kid: unknown = header && JSON.parse(new TextDecoder().decode(header)).kid;
    return typeof kid === 'string' ? kid : undefined;
  } catch {
    return undefined;
  }
}
