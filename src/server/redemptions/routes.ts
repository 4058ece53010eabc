// POST /v1/redemptions: a device's batch of records, at most MAX_UPLOAD_BATCH (core), answered record by record. Each
// record is judged by the core on its own (a bad one is answered `rejected`), so the schema checks only the envelope.

import type { FastifyInstance } from 'fastify';
import { MAX_UPLOAD_BATCH } from '../../core/index.ts';
import type { SchemeContext } from '../context.ts';
import { requireDevice } from '../http/auth.ts';
import { problem } from '../http/problem.ts';
import { objectOf } from '../http/schemas.ts';
import { ingestRecords } from './ingest.ts';

export const DEFAULT_BODY_LIMIT = 256 * 1024;

/** Uploads allowed per device: a burst after a day offline is fine, a loop is not. */
export type UploadLimit = { max: number; timeWindowMs: number };
export const DEFAULT_UPLOAD_LIMIT: UploadLimit = { max: 60, timeWindowMs: 60_000 };

export function redemptionRoutes(app: FastifyInstance, ctx: SchemeContext, limit: UploadLimit, bodyLimit = DEFAULT_BODY_LIMIT): void {
  app.post<{ Body: { records: unknown[] } }>(
    '/v1/redemptions',
    {
      bodyLimit,
      onRequest: requireDevice(ctx),
      config: {
        rateLimit: {
          max: limit.max,
          timeWindow: limit.timeWindowMs,
          // after requireDevice: counted per device, never per shared address (a shop's tills share one)
          hook: 'preHandler',
          keyGenerator: (req) => `device:${req.device?.id ?? req.ip}`,
          errorResponseBuilder: (_req, context) => ({
            statusCode: 429,
            error: 'rate-limited',
            message: `Too many uploads from this device; it will try again in ${Math.ceil(context.ttl / 1000)} seconds.`,
          }),
        },
      },
      schema: { body: objectOf({ records: { type: 'array' } }, ['records'], true) },
    },
    async (req, reply) => {
      req.logged = { deviceId: req.device!.id };
      if (req.body.records.length > MAX_UPLOAD_BATCH) return problem(reply, 400, 'batch-too-large', `A batch holds at most ${MAX_UPLOAD_BATCH} records.`, {}, 'records');
      const results = await ingestRecords(ctx, req.device!, req.body.records);
      return reply.header('cache-control', 'no-store').send({ results });
    },
  );
}
