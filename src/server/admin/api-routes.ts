// The admin's JSON API under /admin/api (HTTP Basic): what the admin page calls, and what scripts may call.

import type { IncomingMessage } from 'node:http';
import type { SchemeContext } from '../context.ts';
import { createEnrolmentCode } from '../devices/enrolment-codes.ts';
import { listDevices, revokeDevice } from '../devices/device-store.ts';
import { isSameOriginJson, requireAdmin, type AdminGate } from '../http/auth.ts';
import { parseJson, readBody } from '../http/read-body.ts';
import { json, problem, type Reply } from '../http/reply.ts';
import type { RequestInfo, Router } from '../http/router.ts';
import { listPartners, savePartner } from '../partners/partner-store.ts';
import { recentAudit } from '../register/audit-log.ts';
import { changePassportStatus, issuePassport, listPassports, renewPassport, type StatusAction } from '../register/passport-register.ts';
import { passportQrSvg, textQrSvg } from './qr-svg.ts';

type AdminHandler = (info: RequestInfo, actor: string, body: Record<string, unknown>) => Promise<Reply>;

export function adminApiRoutes(router: Router, ctx: SchemeContext, admin: AdminGate): void {
  /** Admin auth on every route; changes must be same-origin JSON (see isSameOriginJson). */
  const guarded = (handler: AdminHandler, change: boolean) => async (info: RequestInfo): Promise<Reply> => {
    const auth = requireAdmin(info.req, admin);
    if (!auth.ok) return auth.reply;
    if (!change) return handler(info, auth.actor, {});
    if (!isSameOriginJson(info.req)) return problem(415, 'json-only', 'Send changes as JSON from the admin page.');
    const body = await readJsonObject(info.req);
    if (!body) return problem(400, 'bad-json', 'The body is not a JSON object.');
    return handler(info, auth.actor, body);
  };
  const read = (path: string, handler: AdminHandler) => router.get(path, guarded(handler, false));
  const change = (method: 'POST' | 'PUT', path: string, handler: AdminHandler) => router.add(method, path, guarded(handler, true));

  read('/admin/api/issuers', async () => json(200, { issuers: ctx.keys.issuers.map(({ iss, name, cats }) => ({ iss, name, cats })) }));

  read('/admin/api/passports', async ({ url }) => json(200, { passports: await listPassports(ctx.db, { search: url.searchParams.get('q') ?? '' }) }));

  change('POST', '/admin/api/passports', async (_info, actor, body) => {
    const { iss, cat, name, jti, nbf, exp } = body;
    if (typeof iss !== 'string' || typeof cat !== 'string' || typeof name !== 'string') return problem(400, 'bad-request', 'Give iss, cat and name.');
    const issued = await issuePassport(ctx, {
      iss, cat, name, actor,
      ...(typeof jti === 'string' && jti !== '' ? { jti } : {}),
      ...(typeof nbf === 'number' ? { nbf } : {}),
      ...(typeof exp === 'number' ? { exp } : {}),
    });
    if (!issued.ok) return problem(400, 'refused', issued.problem);
    return json(201, { passport: issued.entry, token: issued.token, qrText: issued.qrText, qrSvg: await passportQrSvg(issued.qrText) });
  });

  change('POST', '/admin/api/passports/:iss/:jti/:action', async ({ params }, actor, body) => {
    const { iss, jti, action } = params as { iss: string; jti: string; action: string };
    if (action === 'renew') {
      const { nbf, exp, name } = body;
      const renewed = await renewPassport(ctx, {
        iss, jti, actor,
        ...(typeof nbf === 'number' ? { nbf } : {}),
        ...(typeof exp === 'number' ? { exp } : {}),
        ...(typeof name === 'string' ? { name } : {}),
      });
      if (!renewed.ok) return problem(400, 'refused', renewed.problem);
      return json(200, { passport: renewed.entry, token: renewed.token, qrText: renewed.qrText, qrSvg: await passportQrSvg(renewed.qrText) });
    }
    if (action !== 'revoke' && action !== 'suspend' && action !== 'reinstate') return problem(404, 'not-found', 'Actions: renew, revoke, suspend, reinstate.');
    const changed = await changePassportStatus(ctx, { iss, jti, action: action as StatusAction, actor });
    if (!changed.ok) return problem(400, 'refused', changed.problem);
    return json(200, { passport: changed.entry });
  });

  read('/admin/api/partners', async () => json(200, { partners: await listPartners(ctx.db) }));

  change('PUT', '/admin/api/partners/:id', async ({ params }, actor, body) => {
    if (body.id !== params.id) return problem(400, 'bad-request', 'The profile id must match the address.');
    const saved = await savePartner(ctx, body, actor);
    if (!saved.ok) return problem(400, 'refused', saved.problem);
    return json(200, { profile: saved.profile });
  });

  change('POST', '/admin/api/partners/:id/enrolment-codes', async ({ params }, actor) => {
    const created = await createEnrolmentCode(ctx, params.id!, actor);
    if (!created.ok) return problem(404, 'not-found', created.problem);
    return json(201, {
      code: created.code,
      partnerId: created.claims.partner,
      expiresAt: new Date(created.claims.exp * 1000).toISOString(),
      qrSvg: await textQrSvg(created.code),
    }, { 'cache-control': 'no-store' });
  });

  read('/admin/api/devices', async () => json(200, { devices: await listDevices(ctx) }));

  change('POST', '/admin/api/devices/:id/revoke', async ({ params }, actor) => {
    const revoked = await revokeDevice(ctx, params.id!, actor);
    if (!revoked.ok) return problem(404, 'not-found', revoked.problem);
    return json(200, { revoked: params.id });
  });

  read('/admin/api/audit', async () => json(200, { entries: await recentAudit(ctx.db, 100) }));
}

async function readJsonObject(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  const body = await readBody(req, 64 * 1024);
  if (!body.ok) return undefined;
  if (body.text.trim() === '') return {};
  const parsed = parseJson(body.text);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) return undefined;
  return parsed.value as Record<string, unknown>;
}
