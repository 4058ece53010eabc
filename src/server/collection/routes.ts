// The phone copy's two public endpoints (issue 9, point 2) and the admin's "new collection code". Same origin only:
// the card page is served by this service, so no CORS; no-store comes from the service's /v1 hook. Bodies, and so
// codes and tokens, are never logged.

import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import type { CollectRequest, RefreshRequest } from '../../core/index.ts';
import type { SchemeContext } from '../context.ts';
import { clientKey, requireSameOriginJson } from '../http/auth.ts';
import { problem } from '../http/problem.ts';
import { ISS, JTI, objectOf } from '../http/schemas.ts';
import { findPassport } from '../register/passport-register.ts';
import { collectCardCopy, refreshCardCopy } from './card-copies.ts';
import { createCollectionCode } from './collection-codes.ts';

/** Collection attempts per client address (a carer needs one; a guesser needs 2^60). */
export const COLLECT_LIMIT = { max: 10, timeWindowMs: 60_000 };
/** Refreshes per client address: a phone refreshes at most every 6 hours, a household has a few passports. */
export const REFRESH_LIMIT = { max: 60, timeWindowMs: 60_000 };

const TOKEN = { type: 'string', minLength: 1, maxLength: 128 } as const;

export function cardCopyRoutes(app: FastifyInstance, ctx: SchemeContext): void {
  app.post<{ Body: CollectRequest }>(
    '/v1/card/collect',
    {
      bodyLimit: 1024,
      config: { rateLimit: limit(COLLECT_LIMIT, 'Too many tries with collection codes from here. Wait a minute, then type the code again.') },
      schema: { body: objectOf({ code: { type: 'string', minLength: 1, maxLength: 64 } }, ['code'], true) },
    },
    async (req, reply) => {
      const collected = await collectCardCopy(ctx, req.body.code);
      if (!collected.ok) return problem(reply, collected.status, collected.error, collected.message);
      return collected.answer;
    },
  );

  app.post<{ Body: RefreshRequest }>(
    '/v1/card/refresh',
    {
      bodyLimit: 1024,
      config: { rateLimit: limit(REFRESH_LIMIT, 'Too many refreshes from here. The passport on this phone still works; it will try again later.') },
      schema: { body: objectOf({ refreshToken: TOKEN }, ['refreshToken'], true) },
    },
    async (req, reply) => {
      const refreshed = await refreshCardCopy(ctx, req.body.refreshToken);
      if (!refreshed.ok) return problem(reply, refreshed.status, refreshed.error, refreshed.message);
      return refreshed.answer;
    },
  );
}

export function collectionAdminRoutes(app: FastifyInstance, ctx: SchemeContext, admin: onRequestAsyncHookHandler): void {
  app.post<{ Params: { iss: string; jti: string } }>(
    '/admin/api/passports/:iss/:jti/collection',
    { onRequest: [admin, requireSameOriginJson], config: { access: 'issuer' }, bodyLimit: 1024, schema: { params: objectOf({ iss: ISS, jti: JTI }, ['iss', 'jti']) } },
    async (req, reply) => {
      const { iss, jti } = req.params;
      const entry = await findPassport(ctx.db, iss, jti);
      if (!entry) return problem(reply, 404, 'not-found', `There is no passport ${jti} of ${iss}.`);
      const refusal = collectionRefusal(entry, ctx.now());
      if (refusal) return problem(reply, 409, 'refused', refusal);
      return reply.code(201).send(await createCollectionCode(ctx.db, ctx, entry, req.actor!));
    },
  );
}

/** Why a passport's phone copy cannot be collected now, in words for the admin; undefined when it can. */
export function collectionRefusal(entry: { status: string; exp: number; name: string | null }, now: number): string | undefined {
  if (entry.status === 'revoked') return 'This passport was cancelled: it cannot be collected on a phone.';
  if (entry.status === 'suspended') return 'This passport is suspended: reinstate it first.';
  if (now >= entry.exp) return 'This passport has expired: renew it first.';
  if (!entry.name) return 'The register keeps no names, so a phone copy cannot be made.';
  return undefined;
}

function limit(l: { max: number; timeWindowMs: number }, message: string) {
  return {
    max: l.max,
    timeWindow: l.timeWindowMs,
    // per client address as Fastify sees it (TRUST_PROXY decides whether X-Forwarded-For is believed)
    keyGenerator: (req: { ip: string }) => `card:${clientKey(req.ip)}`,
    errorResponseBuilder: () => ({ statusCode: 429, error: 'rate-limited', message }),
  };
}
