// The admin's JSON API under /admin/api (HTTP Basic): what the admin page calls, and what scripts may call.
// Every change is same-origin JSON, validated by its schema before the handler runs.

import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import type { CollectionOffer } from '../../core/index.ts';
import { createCollectionCode } from '../collection/collection-codes.ts';
import { EMAIL_PATTERN, type Mailer } from '../collection/mailer.ts';
import { collectionRefusal } from '../collection/routes.ts';
import type { SchemeContext } from '../context.ts';
import { schemeNameOf } from '../keys/key-material.ts';
import { createEnrolmentCode } from '../devices/enrolment-codes.ts';
import { listDevices, revokeDevice } from '../devices/device-store.ts';
import { issuerScope, partnerScope } from '../accounts/rights.ts';
import { requireSameOriginJson } from '../http/auth.ts';
import { problem } from '../http/problem.ts';
import { ID, ISS, JTI, NUMERIC_DATE, objectOf } from '../http/schemas.ts';
import { listPartners, savePartner } from '../partners/partner-store.ts';
import { auditScope, recentAudit } from '../register/audit-log.ts';
import { changePassportStatus, issuePassport, renewPassport, type RegisterEntry, type StatusAction } from '../register/passport-register.ts';
import { CATEGORIES, type Category } from '../../core/index.ts';
import { LIST_SORTS, LIST_STATUSES, MAX_LIMIT, pagePassports, type ListSort, type ListStatus } from '../register/passport-list.ts';
import { passportQrSvg, textQrSvg } from './qr-svg.ts';

type IssueBody = { iss: string; cat: string; name: string; jti?: string; nbf?: number; exp?: number; email?: string };
type ActionBody = { nbf?: number; exp?: number; name?: string; email?: string };
type PassportListQuery = { q?: string; iss?: string; cat?: Category; status?: ListStatus; sort?: ListSort; dir?: 'asc' | 'desc'; offset?: string; limit?: string };
const WHOLE_NUMBER = { type: 'string', pattern: '^[0-9]{1,9}$' } as const;
/** The list's query (query strings are text: numbers are digits, and the handler checks limit is 1 to 200). */
const PASSPORT_LIST_QUERY = objectOf(
  {
    q: { type: 'string', maxLength: 200 },
    iss: ISS,
    cat: { type: 'string', enum: [...CATEGORIES] },
    status: { type: 'string', enum: [...LIST_STATUSES] },
    sort: { type: 'string', enum: [...LIST_SORTS] },
    dir: { type: 'string', enum: ['asc', 'desc'] },
    offset: WHOLE_NUMBER,
    limit: WHOLE_NUMBER,
  },
  [],
  true,
);
type PassportParams = { iss: string; jti: string; action: 'renew' | StatusAction };

const NAME = { type: 'string', minLength: 1, maxLength: 64 } as const;
/** Where to send the phone copy's collection link: used for that one email, never stored or logged. */
const EMAIL = { type: 'string', maxLength: 254, pattern: EMAIL_PATTERN } as const;

export type AdminApiExtras = { mailer?: Mailer };

export function adminApiRoutes(app: FastifyInstance, ctx: SchemeContext, admin: onRequestAsyncHookHandler, extras: AdminApiExtras = {}): void {
  const noMail = 'This service does not send email (SMTP_URL and MAIL_FROM are not set): leave the email out and give the carer the code.';
  /** Issue 9: issuing or renewing makes a collection code for the phone copy, and emails its link when asked. */
  const phoneCopy = async (entry: RegisterEntry, actor: string, email: string | undefined) => {
    if (collectionRefusal(entry, ctx.now())) return {};
    const collection = await createCollectionCode(ctx.db, ctx, entry, actor);
    if (email === undefined) return { collection };
    return { collection, email: await sendLink(entry, collection, email) };
  };
  const sendLink = async (entry: RegisterEntry, offer: CollectionOffer, to: string) => {
    const issuer = ctx.keys.issuers.find((i) => i.iss === entry.iss);
    try {
      await extras.mailer!.sendCollectionLink({ to, offer, schemeName: schemeNameOf(ctx.keys), issuerName: issuer?.name ?? entry.iss, ...(issuer?.contact ? { contact: issuer.contact } : {}) });
      return { sent: true };
    } catch {
      // the error would name the address: say only that it failed
      return { sent: false, message: 'The email could not be sent. Give the carer the code, or ask for a new one later.' };
    }
  };
  // who may call each route: src/server/accounts/rights.ts
  const read = { onRequest: admin, config: { access: 'any' as const } };
  const change = { onRequest: [admin, requireSameOriginJson], bodyLimit: 64 * 1024 };
  const passports = { config: { access: 'issuer' as const } };
  const partner = { config: { access: 'partner' as const } };
  const actor = (req: { actor?: string }) => req.actor!;
  app.get('/admin/api/issuers', read, async () => ({ issuers: ctx.keys.issuers.map(({ iss, name, cats }) => ({ iss, name, cats })) }));

  app.get<{ Querystring: PassportListQuery }>(
    '/admin/api/passports',
    { ...read, ...passports, schema: { querystring: PASSPORT_LIST_QUERY } },
    async (req, reply) => {
      const limit = req.query.limit === undefined ? undefined : Number(req.query.limit);
      if (limit !== undefined && (limit < 1 || limit > MAX_LIMIT)) return problem(reply, 400, 'bad-request', `In the query, "limit" must be from 1 to ${MAX_LIMIT}.`, {}, 'limit');
      // issuer staff see their own issuer's passports only (another issuer named in iss was refused before this)
      const scope = issuerScope(req.account!);
      const { q, iss, cat, status, sort, dir, offset } = req.query;
      const own = scope ?? iss;
      return pagePassports(ctx.db, ctx.now(), {
        ...(q !== undefined ? { search: q } : {}),
        ...(own !== undefined ? { iss: own } : {}),
        ...(cat !== undefined ? { cat } : {}),
        ...(status !== undefined ? { status } : {}),
        ...(sort !== undefined ? { sort } : {}),
        ...(dir !== undefined ? { dir } : {}),
        ...(offset !== undefined ? { offset: Number(offset) } : {}),
        ...(limit !== undefined ? { limit } : {}),
      });
    },
  );

  app.post<{ Body: IssueBody }>(
    '/admin/api/passports',
    {
      ...change,
      ...passports,
      schema: { body: objectOf({ iss: ISS, cat: { type: 'string', maxLength: 32 }, name: NAME, jti: { anyOf: [JTI, { const: '' }] }, nbf: NUMERIC_DATE, exp: NUMERIC_DATE, email: { anyOf: [EMAIL, { const: '' }] } }, ['iss', 'cat', 'name'], true) },
    },
    async (req, reply) => {
      const { iss, cat, name, jti, nbf, exp } = req.body;
      const email = req.body.email || undefined;
      if (email !== undefined && !extras.mailer) return problem(reply, 400, 'no-email', noMail, {}, 'email');
      const issued = await issuePassport(ctx, {
        iss, cat, name, actor: actor(req),
        ...(jti ? { jti } : {}),
        ...(nbf !== undefined ? { nbf } : {}),
        ...(exp !== undefined ? { exp } : {}),
      });
      if (!issued.ok) return problem(reply, 400, 'refused', issued.problem);
      const copy = await phoneCopy(issued.entry, actor(req), email);
      return reply.code(201).send({ passport: issued.entry, token: issued.token, qrText: issued.qrText, qrSvg: await passportQrSvg(issued.qrText), ...copy });
    },
  );

  app.post<{ Params: PassportParams; Body: ActionBody }>(
    '/admin/api/passports/:iss/:jti/:action',
    {
      ...change,
      ...passports,
      schema: {
        params: objectOf({ iss: ISS, jti: JTI, action: { type: 'string', enum: ['renew', 'revoke', 'suspend', 'reinstate'] } }, ['iss', 'jti', 'action']),
        body: objectOf({ nbf: NUMERIC_DATE, exp: NUMERIC_DATE, name: NAME, email: { anyOf: [EMAIL, { const: '' }] } }, [], true),
      },
    },
    async (req, reply) => {
      const { iss, jti, action } = req.params;
      const body = req.body;
      if (action === 'renew') {
        const email = body.email || undefined;
        if (email !== undefined && !extras.mailer) return problem(reply, 400, 'no-email', noMail, {}, 'email');
        const renewed = await renewPassport(ctx, {
          iss, jti, actor: actor(req),
          ...(body.nbf !== undefined ? { nbf: body.nbf } : {}),
          ...(body.exp !== undefined ? { exp: body.exp } : {}),
          ...(body.name !== undefined ? { name: body.name } : {}),
        });
        if (!renewed.ok) return problem(reply, 400, 'refused', renewed.problem);
        const copy = await phoneCopy(renewed.entry, actor(req), email);
        return { passport: renewed.entry, token: renewed.token, qrText: renewed.qrText, qrSvg: await passportQrSvg(renewed.qrText), ...copy };
      }
      const changed = await changePassportStatus(ctx, { iss, jti, action, actor: actor(req) });
      if (!changed.ok) return problem(reply, 400, 'refused', changed.problem);
      return { passport: changed.entry };
    },
  );

  app.get('/admin/api/partners', read, async () => ({ partners: await listPartners(ctx.db) }));

  app.put<{ Params: { id: string }; Body: Record<string, unknown> }>(
    '/admin/api/partners/:id',
    // the profile's own rules are the core's (readPartnerProfile): the schema checks only its shape here
    { ...change, ...partner, schema: { params: objectOf({ id: ID }, ['id']), body: { type: 'object' } } },
    async (req, reply) => {
      if (req.body.id !== req.params.id) return problem(reply, 400, 'bad-request', 'The profile id must match the address.');
      const saved = await savePartner(ctx, req.body, actor(req));
      if (!saved.ok) return problem(reply, 400, 'refused', saved.problem);
      return { profile: saved.profile };
    },
  );

  app.post<{ Params: { id: string } }>(
    '/admin/api/partners/:id/enrolment-codes',
    { ...change, ...partner, schema: { params: objectOf({ id: ID }, ['id']) } },
    async (req, reply) => {
      const created = await createEnrolmentCode(ctx, req.params.id, actor(req));
      if (!created.ok) return problem(reply, 404, 'not-found', created.problem);
      return reply.code(201).send({
        code: created.code,
        partnerId: created.claims.partner,
        expiresAt: new Date(created.claims.exp * 1000).toISOString(),
        qrSvg: await textQrSvg(created.code),
      });
    },
  );

  app.get('/admin/api/devices', { ...read, ...partner }, async (req) => {
    const own = partnerScope(req.account!);
    return { devices: (await listDevices(ctx)).filter((d) => own === undefined || d.partnerId === own) };
  });

  app.post<{ Params: { id: string } }>(
    '/admin/api/devices/:id/revoke',
    { ...change, config: { access: 'device' }, schema: { params: objectOf({ id: { type: 'string', maxLength: 80 } }, ['id']) } },
    async (req, reply) => {
      const revoked = await revokeDevice(ctx, req.params.id, actor(req));
      if (!revoked.ok) return problem(reply, 404, 'not-found', revoked.problem);
      return { revoked: req.params.id };
    },
  );

  app.get('/admin/api/audit', read, async (req) => ({ entries: await recentAudit(ctx.db, 100, auditScope(req.account!)) }));
}
