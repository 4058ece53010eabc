// POST /v1/enrol (code -> device token and partner profile) and GET /v1/profile (device token).

import type { SchemeContext } from '../context.ts';
import { requireDevice } from '../http/auth.ts';
import { parseJson, readBody } from '../http/read-body.ts';
import { json, problem } from '../http/reply.ts';
import type { Router } from '../http/router.ts';
import { partnerProfile } from '../partners/partner-store.ts';
import { enrolDevice } from './device-store.ts';

const ENROL_MESSAGES: Record<string, [number, string]> = {
  malformed: [400, 'This is not an enrolment code.'],
  'bad-signature': [400, 'This enrolment code was not made by this scheme.'],
  expired: [410, 'This enrolment code has expired. Ask the scheme for a new one.'],
  used: [409, 'This enrolment code has already been used. Ask the scheme for a new one.'],
  'unknown-code': [400, 'This enrolment code is not known here.'],
  'unknown-partner': [400, 'The partner of this enrolment code no longer exists.'],
};

export function deviceRoutes(router: Router, ctx: SchemeContext): void {
  router.post('/v1/enrol', async ({ req, log }) => {
    const body = await readBody(req, 16 * 1024);
    if (!body.ok) return problem(413, 'too-large', 'The request is too large.');
    const parsed = parseJson(body.text);
    if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) return problem(400, 'bad-request', 'Send {"code": "..."} as JSON.');
    const { code, deviceName } = parsed.value as Record<string, unknown>;
    if (typeof code !== 'string' || (deviceName !== undefined && typeof deviceName !== 'string')) {
      return problem(400, 'bad-request', 'Send {"code": "...", "deviceName": "..."} as JSON.');
    }
    const enrolled = await enrolDevice(ctx, code, deviceName);
    if (!enrolled.ok) {
      const [status, message] = ENROL_MESSAGES[enrolled.problem]!;
      return problem(status, enrolled.problem, message);
    }
    log.deviceId = enrolled.deviceId;
    return json(200, { deviceId: enrolled.deviceId, deviceToken: enrolled.deviceToken, profile: enrolled.profile }, { 'cache-control': 'no-store' });
  });

  router.get('/v1/profile', async ({ req, log }) => {
    const auth = await requireDevice(req, ctx);
    if (!auth.ok) return auth.reply;
    log.deviceId = auth.device.id;
    const profile = await partnerProfile(ctx.db, auth.device.partnerId);
    if (!profile) return problem(404, 'not-found', 'The partner of this device no longer exists.');
    return json(200, { deviceId: auth.device.id, profile }, { 'cache-control': 'no-store' });
  });
}
