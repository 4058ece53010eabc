// GET /v1/reports and /v1/reports/:name (admin): JSON, or CSV with ?format=csv.

import type { SchemeContext } from '../context.ts';
import { requireAdmin, type AdminGate } from '../http/auth.ts';
import { json, problem, text } from '../http/reply.ts';
import type { Router } from '../http/router.ts';
import { REPORTS, REPORT_NAMES, toCsv } from './reports.ts';

export function reportRoutes(router: Router, ctx: SchemeContext, admin: AdminGate): void {
  router.get('/v1/reports', ({ req }) => {
    const auth = requireAdmin(req, admin);
    if (!auth.ok) return auth.reply;
    return json(200, { reports: REPORT_NAMES.map((name) => ({ name, href: `/v1/reports/${name}` })) });
  });

  router.get('/v1/reports/:name', async ({ req, params, url }) => {
    const auth = requireAdmin(req, admin);
    if (!auth.ok) return auth.reply;
    const make = Object.hasOwn(REPORTS, params.name!) ? REPORTS[params.name!] : undefined;
    if (!make) return problem(404, 'not-found', `Reports: ${REPORT_NAMES.join(', ')}.`);
    const report = await make(ctx.db);
    if (url.searchParams.get('format') === 'csv') {
      return text(200, toCsv(report), 'text/csv; charset=utf-8', {
        'content-disposition': `attachment; filename="${report.report}.csv"`,
        'cache-control': 'no-store',
      });
    }
    return json(200, report, { 'cache-control': 'no-store' });
  });
}
