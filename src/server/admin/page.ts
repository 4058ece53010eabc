// GET /admin/classic: the first admin page, server-rendered (the Preact admin UI at /admin/ replaces it): one page for the scheme's staff: issue, revoke, enrol devices, reports as charts.
// Each account sees its own share (src/server/accounts/rights.ts): issuer staff their issuer's passports, partner
// managers their partner's devices and reports and no passports.

import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import type { Account } from '../accounts/account-store.ts';
import { issuerScope, mayIssue, partnerScope } from '../accounts/rights.ts';
import type { SchemeContext } from '../context.ts';
import { listDevices } from '../devices/device-store.ts';
import { PAGE_CSP } from '../http/security-headers.ts';
import { objectOf } from '../http/schemas.ts';
import { listPartners } from '../partners/partner-store.ts';
import { auditScope, recentAudit } from '../register/audit-log.ts';
import { listPassports, type RegisterEntry } from '../register/passport-register.ts';
import { REPORTS } from '../reports/reports.ts';
import { ownShare } from '../reports/routes.ts';
import { ACCOUNT_SCRIPT, accountSection, CSRF_SCRIPT, csrfMeta } from './account-section.ts';
import { barChart, escapeHtml as e } from './charts.ts';
import { collectedDates } from '../collection/card-copies.ts';
import { cardLink, phoneCopyWords, POSTAL_RUN_SCRIPT, postalRunSection } from './cards-section.ts';
import { ADMIN_SCRIPT, ADMIN_STYLE } from './page-assets.ts';
import { REGISTER_SCRIPT, REGISTER_SECTION } from './register-section.ts';
import { PARTNERS_SCRIPT, partnersSection } from './partners-section.ts';

export type AdminPageOptions = {
  /** SMTP is configured: the issue form offers an email for the phone copy's link. */ mail?: boolean;
  /** Who is looking (a coordinator when absent), and the session's CSRF token for the page's changes. */ account?: Account; csrfToken?: string | undefined;
};

export function adminPageRoute(app: FastifyInstance, ctx: SchemeContext, admin: onRequestAsyncHookHandler, options: AdminPageOptions = {}): void {
  app.get<{ Querystring: { q?: string } }>(
    '/admin/classic',
    { onRequest: admin, config: { access: 'any' }, helmet: { contentSecurityPolicy: PAGE_CSP }, schema: { querystring: objectOf({ q: { type: 'string', maxLength: 200 } }, [], true) } },
    async (req, reply) => reply.type('text/html; charset=utf-8').send(await renderAdminPage(ctx, req.query.q ?? '', { ...options, account: req.account!, csrfToken: req.session?.csrfToken })),
  );
}

export async function renderAdminPage(ctx: SchemeContext, search: string, options: AdminPageOptions = {}): Promise<string> {
  const account = options.account;
  const passportsToo = !account || mayIssue(account);
  const ownIssuer = account && issuerScope(account);
  const ownPartner = account && partnerScope(account);
  // issuer staff manage no devices; a partner manager sees its own partner's only
  const seesDevices = (partnerId: string) => !account || account.role === 'coordinator' || partnerId === ownPartner;
  const [passports, partners, devices, audit, byOffer, byWeek, byMonth, reached] = await Promise.all([
    passportsToo ? listPassports(ctx.db, { search, limit: 60, ...(ownIssuer ? { iss: ownIssuer } : {}) }) : [],
    listPartners(ctx.db),
    listDevices(ctx),
    recentAudit(ctx.db, 20, account && auditScope(account)),
    REPORTS['redemptions-by-offer']!(ctx.db).then((r) => ownShare(r, ownPartner)),
    REPORTS['redemptions-by-week']!(ctx.db),
    REPORTS['passports-by-month']!(ctx.db),
    REPORTS['carers-reached']!(ctx.db),
  ]);
  const issuerOptions = ctx.keys.issuers.filter((i) => !ownIssuer || i.iss === ownIssuer).map((i) => `<option value="${e(i.iss)}" data-cats="${e(i.cats.join(' '))}">${e(i.name)}</option>`).join('');
  const carers = Number(reached.rows[0]?.carers ?? 0);
  const collected = await collectedDates(ctx.db, passports);
  const today = new Date(ctx.now() * 1000).toISOString().slice(0, 10);
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Carers Passport: scheme admin</title>${csrfMeta(options.csrfToken)}<style>${ADMIN_STYLE}</style></head>
<body><header><h1>Carers Passport: scheme admin</h1>${ctx.keys.demo ? '<p class="demo">Demo scheme: demo keys, not for real passports.</p>' : ''}</header>
<main>
${account ? accountSection(account, options.csrfToken) : ''}
${passportsToo ? `<section><h2>Issue a passport</h2>
<form id="issue"><label>Issuer <select name="iss">${issuerOptions}</select></label>
<label>Kind of carer <select name="cat"></select></label>
<label>Name on the card <input name="name" required maxlength="64" autocomplete="off"></label>
${options.mail ? '<label>Email for the phone copy (optional, not kept) <input name="email" type="email" maxlength="254" autocomplete="off"></label>' : ''}
<button>Issue</button></form><div id="issued" class="result" aria-live="polite"></div></section>

<section><h2>Passports</h2>
<form method="get" action="/admin/classic"><label>Find by number or name <input name="q" value="${e(search)}"></label> <button>Find</button></form>
<table><thead><tr><th>Number</th><th>Issuer</th><th>Name</th><th>Kind</th><th>Valid until</th><th>Status</th><th>Change</th></tr></thead>
<tbody>${passports.map((p) => passportRow(p, ctx.now(), collected.get(`${p.iss} ${p.jti}`))).join('')}</tbody></table><div id="changed" class="result" aria-live="polite"></div></section>

${postalRunSection(today)}
${REGISTER_SECTION}` : ''}

${!account || account.role !== 'issuer' ? partnersSection(partners.filter((p) => seesDevices(p.id)), devices.filter((d) => seesDevices(d.partnerId))) : ''}

<section><h2>Reports</h2>
<p>Carers reached: <strong>${carers.toLocaleString('en-GB')}</strong> distinct passports.
Download as CSV: ${Object.keys(REPORTS).map((n) => `<a href="/v1/reports/${n}?format=csv">${n}</a>`).join(', ')}.</p>
${barChart('Redemptions per offer', byOffer.rows.map((r) => ({ label: `${r.offerTitle} (${r.partnerId})`, value: Number(r.redemptions) })))}
${barChart('Redemptions per week (starting Monday)', byWeek.rows.map((r) => ({ label: String(r.weekStarting), value: Number(r.redemptions) })))}
${barChart('Passports issued per month', byMonth.rows.map((r) => ({ label: String(r.month), value: Number(r.issued) })))}
${barChart('Passports revoked per month', byMonth.rows.map((r) => ({ label: String(r.month), value: Number(r.revoked) })))}
</section>

<section><h2>Recent changes</h2><table><thead><tr><th>When (UTC)</th><th>Who</th><th>What</th><th>Passport / partner / device</th></tr></thead><tbody>
${audit.map((a) => `<tr><td>${e(a.at)}</td><td>${e(a.actor)}</td><td>${e(a.action)}</td><td>${e([a.iss && `${a.iss} ${a.jti}`, a.partnerId, a.deviceId].filter(Boolean).join(' / '))}</td></tr>`).join('')}
</tbody></table></section>
</main><script>${CSRF_SCRIPT}</script><script>${ADMIN_SCRIPT}${passportsToo ? POSTAL_RUN_SCRIPT : ''}</script>${passportsToo ? `<script>${REGISTER_SCRIPT}</script>` : ''}<script>${PARTNERS_SCRIPT}</script><script>${ACCOUNT_SCRIPT}</script></body></html>`;
}

function passportRow(p: RegisterEntry, now: number, collectedOn: string | undefined): string {
  const key = `${e(p.iss)}/${e(p.jti)}`;
  const actions = [
    p.status === 'valid' ? `<button data-act="suspend" data-passport="${key}">Suspend</button>` : '',
    p.status === 'suspended' ? `<button data-act="reinstate" data-passport="${key}">Reinstate</button>` : '',
    p.status !== 'revoked' ? `<button data-act="revoke" data-passport="${key}">Revoke</button>` : '',
    p.status !== 'revoked' && p.name ? `<button data-act="renew" data-passport="${key}">Renew</button>` : '',
    // a card is printed only for a passport that would scan as valid (cards/card-details.ts)
    p.status === 'valid' && p.name && now < p.exp ? cardLink(p.iss, p.jti) : '',
  ].join(' ');
  return `<tr><td><code>${e(p.jti)}</code></td><td>${e(p.iss)}</td><td>${e(p.name ?? '(not kept)')}</td><td>${e(p.cat)}</td>
<td>${new Date(p.exp * 1000).toISOString().slice(0, 10)}</td><td class="status-${p.status}">${statusWords(p, now)}${collectedOn ? `<br><small>${phoneCopyWords(collectedOn)}</small>` : ''}</td><td>${actions}</td></tr>`;
}

/** The register's status, and whether its dates make it expired or not yet valid, so "valid" is never misread. */
function statusWords(p: RegisterEntry, now: number): string {
  if (p.status !== 'valid') return p.status;
  if (now >= p.exp) return 'valid, but expired (renew)';
  if (now < p.nbf) return 'valid from ' + new Date(p.nbf * 1000).toISOString().slice(0, 10);
  return 'valid';
}
