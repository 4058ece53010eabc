// POST /v1/stays (issue 11 point 2): a device's batch of stay events, answered one by one like redemptions.

import type { FastifyInstance } from 'fastify';
import type { SchemeContext } from '../context.ts';
import { requireDevice } from '../http/auth.ts';
import { problem } from '../http/problem.ts';
import { objectOf } from '../http/schemas.ts';
import { partnerProfile } from '../partners/partner-store.ts';
import { MAX_STAY_BATCH, ingestStayEvents } from './stay-store.ts';

export function stayRoutes(app: FastifyInstance, ctx: SchemeContext): void {
  app.post<{ Body: { events: unknown[] } }>(
    '/v1/stays',
    { bodyLimit: 128 * 1024, onRequest: requireDevice(ctx), schema: { body: objectOf({ events: { type: 'array' } }, ['events'], true) } },
    async (req, reply) => {
      const device = req.device!;
      req.logged = { deviceId: device.id };
      if (req.body.events.length > MAX_STAY_BATCH) return problem(reply, 400, 'batch-too-large', `A batch holds at most ${MAX_STAY_BATCH} events.`, {}, 'events');
      const profile = await partnerProfile(ctx.db, device.partnerId);
      if (!profile) return problem(reply, 404, 'not-found', 'The partner of this device no longer exists.');
      const results = await ingestStayEvents(ctx, device, profile, req.body.events);
      return reply.header('cache-control', 'no-store').send({ results });
    },
  );
}
