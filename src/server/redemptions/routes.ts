// POST /v1/redemptions: a device's batch of records, at most 500, answered record by record.

import type { SchemeContext } from '../context.ts';
import { requireDevice } from '../http/auth.ts';
import { DEFAULT_BODY_LIMIT, parseJson, readBody } from '../http/read-body.ts';
import { json, problem } from '../http/reply.ts';
import type { Router } from '../http/router.ts';
import { MAX_BATCH, ingestRecords } from './ingest.ts';
import type { RateLimiter } from './rate-limiter.ts';

export function redemptionRoutes(router: Router, ctx: SchemeContext, limiter: RateLimiter, bodyLimit = DEFAULT_BODY_LIMIT): void {
  router.post('/v1/redemptions', async ({ req, log }) => {
    const auth = await requireDevice(req, ctx);
    if (!auth.ok) return auth.reply;
    const { device } = auth;
    log.deviceId = device.id;
    const allowed = limiter.take(device.id);
    if (!allowed.ok) {
      return problem(429, 'rate-limited', 'Too many uploads from this device; it will try again shortly.', { 'retry-after': String(allowed.retryAfter) });
    }
    const body = await readBody(req, bodyLimit);
    if (!body.ok) return problem(413, 'too-large', `A batch may be at most ${bodyLimit} bytes.`);
    const parsed = parseJson(body.text);
    if (!parsed.ok) return problem(400, 'bad-json', 'The body is not JSON.');
    const records = (parsed.value as { records?: unknown } | null)?.records;
    if (!Array.isArray(records)) return problem(400, 'bad-request', 'Send {"records": [...]}.');
    if (records.length > MAX_BATCH) return problem(400, 'batch-too-large', `A batch holds at most ${MAX_BATCH} records.`);
    const results = await ingestRecords(ctx, device, records);
    return json(200, { results }, { 'cache-control': 'no-store' });
  });
}
