// The scheme's trust bundle (spec section 3): signed with the root, a higher seq whenever keys or issuers change,
// and signed again well before it expires.

import { loadTrustBundle, nextBundleSeq, pinRoot, readIssuerContact, signTrustBundle, withoutPrivate, type Category, type IssuerContact, type PublicJwk } from '../../core/index.ts';
import { DEMO_ISSUERS } from '../../demo/demo-scheme.ts';
import type { SchemeContext } from '../context.ts';
import { removeSpentKeys, spentKeys } from '../keys/key-rotation.ts';

/** A bundle lives 30 days and is signed again once a day, so a device that syncs now and then never holds a stale one. */
export const BUNDLE_LIFETIME = 30 * 86_400;
export const BUNDLE_RESIGN_AFTER = 86_400;

export type StoredBundle = { seq: number; jwt: string; iat: number; exp: number };

export async function currentTrustBundle(ctx: Pick<SchemeContext, 'db'>): Promise<StoredBundle | undefined> {
  const rows = await ctx.db.query<StoredBundle>('SELECT seq, jwt, iat, exp FROM trust_bundles ORDER BY seq DESC LIMIT 1');
  const row = rows[0];
  return row && { ...row, iat: Number(row.iat), exp: Number(row.exp) };
}

export async function publishTrustBundle(ctx: SchemeContext, reason: string): Promise<StoredBundle> {
  return ctx.db.transaction(async (tx) => {
    await tx.query('LOCK TABLE trust_bundles IN EXCLUSIVE MODE');
    const [last] = await tx.query<{ seq: number | null }>('SELECT max(seq) AS seq FROM trust_bundles');
    // issue 10, point 6: a retired key that signed nothing still valid leaves with this bundle
    await removeSpentKeys(tx, ctx.now());
    // the issuers the configuration names, never others the database may hold (a demo issuer met by a real scheme)
    const issuers = await tx.query<{ iss: string; name: string; cats: Category[]; keys: PublicJwk[] | null }>(
      `SELECT i.iss, i.name, i.cats,
              (SELECT json_agg(k.public_jwk ORDER BY k.added_at, k.kid) FROM scheme_keys k
                WHERE k.iss = i.iss AND k.state <> 'removed' AND NOT (k.kid = ANY($2::text[]))) AS keys
         FROM issuers i WHERE i.iss = ANY($1::text[]) ORDER BY i.iss`,
      [ctx.keys.issuers.map((i) => i.iss), foreignKids(ctx)],
    );
    const iat = ctx.now();
    const seq = nextBundleSeq(last?.seq ?? undefined, iat);
    const exp = iat + BUNDLE_LIFETIME;
    const jwt = await signTrustBundle(
      {
        iss: ctx.keys.schemeId,
        iat,
        exp,
        seq,
        issuers: issuers
          .filter((i) => (i.keys ?? []).length > 0)
          .map((i) => {
            const contact = contactOf(ctx, i.iss);
            return { iss: i.iss, name: i.name, cats: i.cats, keys: i.keys ?? [], ...(contact ? { contact } : {}) };
          }),
      },
      ctx.keys.root,
    );
    await tx.query('INSERT INTO trust_bundles (seq, jwt, iat, exp, reason) VALUES ($1, $2, $3, $4, $5)', [seq, jwt, iat, exp, reason]);
    return { seq, jwt, iat, exp };
  });
}

/**
 * Signs a new bundle when there is none, the current one is a day old, a retired key is no longer needed (its last
 * passport expired or was cancelled), or it is not this configuration's: signed by
 * another root or naming an issuer (or a demo key) the configuration does not (a database that once met other keys).
 */
export async function refreshTrustBundleIfDue(ctx: SchemeContext): Promise<StoredBundle> {
  const current = await currentTrustBundle(ctx);
  if (!current) return publishTrustBundle(ctx, 'first');
  if (!(await isConfigurationsBundle(ctx, current.jwt))) return publishTrustBundle(ctx, 'the current bundle named keys the configuration does not');
  if ((await spentKeys(ctx.db, ctx.now())).length > 0) return publishTrustBundle(ctx, 'a retired key signed no passport still valid');
  if (ctx.now() - current.iat >= BUNDLE_RESIGN_AFTER) return publishTrustBundle(ctx, 'periodic');
  return current;
}

async function isConfigurationsBundle(ctx: SchemeContext, jwt: string): Promise<boolean> {
  const root = await pinRoot(withoutPrivate(ctx.keys.root));
  if (!root) return false;
  const loaded = await loadTrustBundle(jwt, { roots: [root] });
  if (!loaded.ok || loaded.bundle.iss !== ctx.keys.schemeId) return false;
  const configured = new Set(ctx.keys.issuers.map((i) => i.iss));
  const foreign = new Set(foreignKids(ctx));
  return loaded.bundle.issuers.every(
    // a contact changed in the issuers file is a changed bundle: signed again at the next start or refresh
    (i) => configured.has(i.iss) && i.keys.every((k) => !foreign.has(k.kid)) && sameContact(i.contact, contactOf(ctx, i.iss)),
  );
}

/** spec section 8: the issuer's contact from the configuration (the issuers file, or the demo's). */
function contactOf(ctx: Pick<SchemeContext, 'keys'>, iss: string): IssuerContact | undefined {
  return readIssuerContact(ctx.keys.issuers.find((i) => i.iss === iss)?.contact);
}

function sameContact(a: IssuerContact | undefined, b: IssuerContact | undefined): boolean {
  return (a?.phone ?? '') === (b?.phone ?? '') && (a?.hours ?? '') === (b?.hours ?? '') && (a?.web ?? '') === (b?.web ?? '');
}

/** The scheme's root: the configured one, which the start checked is the database's (keys/scheme-record.ts). */
export async function rootPublicKeys(ctx: Pick<SchemeContext, 'db' | 'keys'>): Promise<PublicJwk[]> {
  const rows = await ctx.db.query<{ public_jwk: PublicJwk }>(
    `SELECT public_jwk FROM scheme_keys WHERE role = 'root' AND state <> 'removed' AND kid = $1`,
    [ctx.keys.root.kid],
  );
  return rows.map((r) => r.public_jwk);
}

/** Keys a real scheme never lists, whatever its database holds: the demo's, whose private parts are committed. */
function foreignKids(ctx: Pick<SchemeContext, 'keys'>): string[] {
  return ctx.keys.demo ? [] : DEMO_ISSUERS.map((i) => i.key.kid);
}
