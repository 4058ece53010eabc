// The admin API for an imported register and its renewals (issue 10), beside the passport routes of
// admin/api-routes.ts: POST /admin/api/passports/import, GET /admin/api/renewals, POST /admin/api/renewals/renew
// (its renewed passports' cards: POST /admin/api/renewals/cards.pdf in cards/routes.ts).

import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import { issuerScope } from '../accounts/rights.ts';
import type { SchemeContext } from '../context.ts';
import { requireSameOriginJson } from '../http/auth.ts';
import { problem } from '../http/problem.ts';
import { ISS, JTI, objectOf } from '../http/schemas.ts';
import { toCsv } from '../reports/reports.ts';
import { importRegister } from './import-register.ts';
import { listRenewals, renewalRows, renewMany, RENEWAL_COLUMNS } from './renewals.ts';

/** A register of 100,000 passports is about 8 MB as CSV, more inside JSON's escapes. */
export const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;
const FLAG = { type: 'string', enum: ['0', '1', 'true', 'false'] } as const;
const DAYS = { type: 'string', pattern: '^[0-9]{1,4}$' } as const;

export function registerRoutes(app: FastifyInstance, ctx: SchemeContext, admin: onRequestAsyncHookHandler): void {
  // issuer staff: their own issuer's rows and passports only (src/server/accounts/rights.ts)
  const change = { onRequest: [admin, requireSameOriginJson], config: { access: 'issuer' as const } };
  const on = (flag: string | undefined) => flag === '1' || flag === 'true';

  app.post<{ Body: { csv: string }; Querystring: { dryRun?: string; rows?: string } }>(
    '/admin/api/passports/import',
    {
      ...change,
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        body: objectOf({ csv: { type: 'string', maxLength: IMPORT_BODY_LIMIT } }, ['csv']),
        querystring: objectOf({ dryRun: FLAG, rows: FLAG }, [], true),
      },
    },
    async (req, reply) => {
      const dryRun = on(req.query.dryRun);
      const iss = issuerScope(req.account!);
      const result = await importRegister(ctx, req.body.csv, { actor: req.actor!, dryRun, ...(iss ? { iss } : {}) });
      if (!result.ok) return problem(reply, 400, 'bad-file', result.problem);
      const { rows, ...summary } = result;
      return { ...summary, ...(on(req.query.rows) ? { rows } : {}) };
    },
  );

  app.get<{ Querystring: { within?: string; expiredWithin?: string; format?: 'csv' | 'json' } }>(
    '/admin/api/renewals',
    { onRequest: admin, config: { access: 'issuer' }, schema: { querystring: objectOf({ within: DAYS, expiredWithin: DAYS, format: { type: 'string', enum: ['csv', 'json'] } }, [], true) } },
    async (req, reply) => {
      const window = { within: Number(req.query.within ?? 60), expiredWithin: Number(req.query.expiredWithin ?? 30) };
      const iss = issuerScope(req.account!);
      const entries = (await listRenewals(ctx.db, ctx.now(), window)).filter((e) => iss === undefined || e.iss === iss);
      if (req.query.format === 'csv') {
        const csv = toCsv({ report: 'renewals', title: 'Passports due for renewal', columns: [...RENEWAL_COLUMNS], rows: renewalRows(entries) });
        return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="renewals.csv"').send(csv);
      }
      return { ...window, passports: entries };
    },
  );

  app.post<{ Body: { passports: { iss: string; jti: string }[]; years?: number } }>(
    '/admin/api/renewals/renew',
    {
      ...change,
      bodyLimit: 256 * 1024,
      schema: {
        body: objectOf(
          {
            passports: { type: 'array', minItems: 1, maxItems: 1000, items: objectOf({ iss: ISS, jti: JTI }, ['iss', 'jti']) },
            years: { type: 'integer', minimum: 1, maximum: 10 },
          },
          ['passports'],
        ),
      },
    },
    async (req) => {
      const result = await renewMany(ctx, req.body.passports, { actor: req.actor!, ...(req.body.years === undefined ? {} : { years: req.body.years }) });
      // their new cards in one PDF: POST this body to the address (cards/routes.ts)
      const passports = result.renewed.map(({ iss, jti }) => ({ iss, jti }));
      return { ...result, ...(passports.length > 0 ? { cards: { method: 'POST', href: '/admin/api/renewals/cards.pdf', body: { passports } } } : {}) };
    },
  );
}
