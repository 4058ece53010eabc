// What each role may do (issue 10, point 2). A route names its `access` in its config; a route that names none is
// the coordinator's alone, so a new admin route is closed to issuer staff and partner managers until it says otherwise.
// A refusal is a 403 and an audit entry naming the account.
//
//   coordinator  everything
//   issuer       their issuer's passports: list, issue, renew, suspend, cancel, import, cards, collection codes,
//                renewals; reads issuers, partners (as in the public directory), scheme-wide reports, their audit
//   partner      their own partner's profile and offers, enrolment codes, devices and reports; reads issuers,
//                partners, scheme-wide totals and their audit; never passports (carers' names) or others' devices

import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { SchemeContext } from '../context.ts';
import { problem } from '../http/problem.ts';
import { audit } from '../register/audit-log.ts';
import { actorOf, type Account } from './account-store.ts';

/**
 * 'any': every account (the handler shows each its own share); 'issuer': coordinators, and issuer staff when every
 * issuer the request names is theirs; 'partner': coordinators, and the manager of the partner the request names;
 * 'device': coordinators, and the manager of the device's partner; 'coordinator': coordinators only.
 */
export type Access = 'any' | 'issuer' | 'partner' | 'device' | 'coordinator';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

/** The issuer an account is limited to; undefined for all (a coordinator). */
export function issuerScope(account: Account): string | undefined {
  return account.role === 'issuer' ? account.iss! : undefined;
}

/** The partner an account is limited to; undefined for all (a coordinator, or read-only lists for others). */
export function partnerScope(account: Account): string | undefined {
  return account.role === 'partner' ? account.partnerId! : undefined;
}

export function mayIssue(account: Account): boolean {
  return account.role !== 'partner';
}

type Named = { params?: unknown; body?: unknown; query?: unknown };

/** The issuers a request names: the address's, the query's (a list's filter), the body's, and each of a bulk request's passports. */
function issuersNamed(req: Named): string[] {
  const params = (req.params ?? {}) as { iss?: unknown };
  const body = (req.body ?? {}) as { iss?: unknown; passports?: unknown };
  const query = (req.query ?? {}) as { iss?: unknown };
  const named = [params.iss, query.iss, body.iss, ...(Array.isArray(body.passports) ? body.passports.map((p) => (p as { iss?: unknown })?.iss) : [])];
  return [...new Set(named.filter((v): v is string => typeof v === 'string'))];
}

function partnersNamed(req: Named): string[] {
  const params = (req.params ?? {}) as { id?: unknown; partnerId?: unknown };
  const body = (req.body ?? {}) as { id?: unknown; partnerId?: unknown };
  return [...new Set([params.id, params.partnerId, body.id, body.partnerId].filter((v): v is string => typeof v === 'string'))];
}

/** Why this account may not make this request, in words; undefined when it may. */
export async function refusal(ctx: SchemeContext, account: Account, access: Access, req: Named): Promise<{ reason: string; iss?: string; partnerId?: string } | undefined> {
  if (account.role === 'coordinator' || access === 'any') return undefined;
  if (access === 'issuer') {
    if (account.role !== 'issuer') return { reason: 'Only the scheme coordinator and issuer staff work on passports.' };
    const other = issuersNamed(req).find((iss) => iss !== account.iss);
    return other === undefined ? undefined : { reason: `This account works on passports of ${account.iss} only, not ${other}.`, iss: other };
  }
  if (access === 'partner' || access === 'device') {
    if (account.role !== 'partner') return { reason: "Only the scheme coordinator and the partner's own manager change partners and devices." };
    if (access === 'device') {
      // an unknown device is the handler's 404
      const deviceId = ((req.params ?? {}) as { id?: unknown }).id;
      const [device] = typeof deviceId === 'string' ? await ctx.db.query<{ partnerId: string }>('SELECT partner_id AS "partnerId" FROM devices WHERE id = $1', [deviceId]) : [];
      return device && device.partnerId !== account.partnerId ? { reason: 'This device belongs to another partner.', partnerId: device.partnerId } : undefined;
    }
    const other = partnersNamed(req).find((id) => id !== account.partnerId);
    return other === undefined ? undefined : { reason: `This account manages the partner ${account.partnerId} only, not ${other}.`, partnerId: other };
  }
  return { reason: 'Only the scheme coordinator may do this.' };
}

/**
 * Runs before every handler (after the body is parsed and validated) on requests the admin gate let in: answers 403
 * and audits the refusal when the route's access does not allow the account.
 */
export function enforceAccess(ctx: SchemeContext): preHandlerAsyncHookHandler {
  return async function accessCheck(req: FastifyRequest, reply: FastifyReply) {
    const account = req.account;
    if (!account) return;
    const access = req.routeOptions.config.access ?? 'coordinator';
    const refused = await refusal(ctx, account, access, req);
    if (!refused) return;
    await audit(ctx.db, ctx.now(), {
      actor: actorOf(account),
      action: 'access.refused',
      ...(refused.iss ? { iss: refused.iss } : {}),
      ...(refused.partnerId ? { partnerId: refused.partnerId } : {}),
      ...(typeof (req.params as { jti?: unknown })?.jti === 'string' ? { jti: (req.params as { jti: string }).jti } : {}),
      detail: { method: req.method, route: req.routeOptions.url ?? '', reason: refused.reason },
    });
    return problem(reply, 403, 'forbidden', refused.reason);
  };
}
