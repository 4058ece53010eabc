// GET /admin/api/keys (issue 10, point 6): every issuer key the service has met, its state and how many valid
// passports it signed, so the key ceremony can tell when an old key has left the bundle and its file may be destroyed.

import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import type { SchemeContext } from '../context.ts';
import { issuerKeyStates } from './key-rotation.ts';

export function keyRoutes(app: FastifyInstance, ctx: SchemeContext, admin: onRequestAsyncHookHandler): void {
  app.get('/admin/api/keys', { onRequest: admin }, async () => ({
    keys: (await issuerKeyStates(ctx.db, ctx.now())).map((k) => ({
      ...k,
      signsNew: ctx.keys.issuers.some((i) => i.key.kid === k.kid),
    })),
  }));
}
