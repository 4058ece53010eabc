// GET /v1/reports and /v1/reports/:name (admin): JSON, or CSV with ?format=csv.

import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import { partnerScope } from '../accounts/rights.ts';
import type { SchemeContext } from '../context.ts';
import { problem } from '../http/problem.ts';
import { objectOf } from '../http/schemas.ts';
import { REPORTS, REPORT_NAMES, toCsv, type Report } from './reports.ts';

export function reportRoutes(app: FastifyInstance, ctx: SchemeContext, admin: onRequestAsyncHookHandler): void {
  // every account reads reports; a partner manager sees only its own partner's rows (src/server/accounts/rights.ts)
  app.get('/v1/reports', { onRequest: admin, config: { access: 'any' } }, async (_req, reply) => {
    return reply.header('cache-control', 'no-store').send({ reports: REPORT_NAMES.map((name) => ({ name, href: `/v1/reports/${name}` })) });
  });

  app.get<{ Params: { name: string }; Querystring: { format?: 'csv' | 'json' } }>(
    '/v1/reports/:name',
    {
      onRequest: admin,
      config: { access: 'any' },
      schema: {
        params: objectOf({ name: { type: 'string', maxLength: 64 } }, ['name']),
        querystring: objectOf({ format: { type: 'string', enum: ['csv', 'json'] } }, [], true),
      },
    },
    async (req, reply) => {
      const make = Object.hasOwn(REPORTS, req.params.name) ? REPORTS[req.params.name] : undefined;
      if (!make) return problem(reply, 404, 'not-found', `Reports: ${REPORT_NAMES.join(', ')}.`);
      const report = ownShare(await make(ctx.db, ctx.now()), partnerScope(req.account!));
      reply.header('cache-control', 'no-store');
      if (req.query.format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${report.report}.csv"`)
          .send(toCsv(report));
      }
      return reply.send(report);
    },
  );
}

/** A partner manager's share of a report: the rows of its own partner where the report has a row per partner. */
export function ownShare(report: Report, partnerId: string | undefined): Report {
  if (partnerId === undefined || !report.columns.includes('partnerId')) return report;
  return { ...report, rows: report.rows.filter((r) => r.partnerId === partnerId) };
}
