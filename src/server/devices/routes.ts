// POST /v1/enrol (code -> device token and partner profile) and GET /v1/profile (device token).

import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { SchemeContext } from '../context.ts';
import { requireDevice } from '../http/auth.ts';
import { problem } from '../http/problem.ts';
import { objectOf } from '../http/schemas.ts';
import { partnerProfile } from '../partners/partner-store.ts';
import { recentRedemptions } from '../redemptions/shared-limits.ts';
import { groupStayEvents } from '../stays/stay-store.ts';
import { enrolDevice } from './device-store.ts';

const ENROL_MESSAGES: Record<string, [number, string]> = {
  malformed: [400, 'This is not an enrolment code.'],
  'bad-signature': [400, 'This enrolment code was not made by this scheme.'],
  expired: [410, 'This enrolment code has expired. Ask the scheme for a new one.'],
  used: [409, 'This enrolment code has already been used. Ask the scheme for a new one.'],
  'unknown-code': [400, 'This enrolment code is not known here.'],
  'unknown-partner': [400, 'The partner of this enrolment code no longer exists.'],
};

type EnrolBody = { code: string; deviceName?: string };

export function deviceRoutes(app: FastifyInstance, ctx: SchemeContext): void {
  app.post<{ Body: EnrolBody }>(
    '/v1/enrol',
    {
      bodyLimit: 16 * 1024,
      schema: { body: objectOf({ code: { type: 'string', minLength: 1, maxLength: 4096 }, deviceName: { type: 'string', maxLength: 200 } }, ['code'], true) },
    },
    async (req, reply) => {
      const enrolled = await enrolDevice(ctx, req.body.code, req.body.deviceName);
      if (!enrolled.ok) {
        const [status, message] = ENROL_MESSAGES[enrolled.problem]!;
        return problem(reply, status, enrolled.problem, message);
      }
      req.logged = { deviceId: enrolled.deviceId };
      return reply.header('cache-control', 'no-store').send({ deviceId: enrolled.deviceId, deviceToken: enrolled.deviceToken, profile: enrolled.profile });
    },
  );

  app.get('/v1/profile', { onRequest: requireDevice(ctx) }, async (req, reply) => {
    const device = req.device!;
    const profile = await partnerProfile(ctx.db, device.partnerId);
    if (!profile) return problem(reply, 404, 'not-found', 'The partner of this device no longer exists.');
    // issue 11 point 1: the partner's recent records (no names), so every till counts limits the same; a device
    // asks every minute, and an unchanged answer is a bodiless 304
    const recent = await recentRedemptions(ctx.db, profile, ctx.now());
    // issue 11 point 2: the stays of the partner's group, so every ward of a trust shows them
    const stays = profile.group ? await groupStayEvents(ctx.db, profile.group.id, ctx.now()) : [];
    const body = JSON.stringify({ deviceId: device.id, profile, recent, stays });
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    reply.header('cache-control', 'no-store').header('etag', etag);
    if (req.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.header('content-type', 'application/json; charset=utf-8').send(body);
  });
}
