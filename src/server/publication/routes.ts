// Spec section 7: the published trust data, without authentication, cacheable, readable from any web page.

import type { FastifyInstance } from 'fastify';
import { TRUST_FILES, WELL_KNOWN_PATH } from '../../core/index.ts';
import type { SchemeContext } from '../context.ts';
import { sendCacheable } from '../http/cacheable.ts';
import { problem } from '../http/problem.ts';
import { ISS_PATTERN } from '../http/schemas.ts';
import { listHref, publishedList, publishedLists } from './status-lists.ts';
import { currentTrustBundle, rootPublicKeys } from './trust-bundle.ts';

export function publicationRoutes(app: FastifyInstance, ctx: SchemeContext): void {
  app.get(`${WELL_KNOWN_PATH}/${TRUST_FILES.bundle}`, async (req, reply) => {
    const bundle = await currentTrustBundle(ctx);
    if (!bundle) return problem(reply, 503, 'not-ready', 'The trust bundle has not been signed yet.', { 'retry-after': '5' });
    return sendCacheable(req, reply, bundle.jwt, 'application/jwt');
  });

  app.get(`${WELL_KNOWN_PATH}/${TRUST_FILES.roots}`, async (req, reply) => {
    return sendCacheable(req, reply, JSON.stringify({ keys: await rootPublicKeys(ctx) }), 'application/json');
  });

  app.get(`${WELL_KNOWN_PATH}/${TRUST_FILES.statusLists}`, async (req, reply) => {
    const lists = (await publishedLists(ctx)).map((l) => ({ uri: l.uri, href: listHref(l.iss, l.number) }));
    return sendCacheable(req, reply, JSON.stringify({ lists }), 'application/json');
  });

  app.get<{ Params: { iss: string; number: string } }>(
    `${WELL_KNOWN_PATH}/status/:iss/:number`,
    {
      schema: {
        params: {
          type: 'object',
          required: ['iss', 'number'],
          properties: { iss: { type: 'string', pattern: ISS_PATTERN }, number: { type: 'string', pattern: '^[1-9][0-9]{0,6}$' } },
        },
      },
    },
    async (req, reply) => {
      const jwt = await publishedList(ctx, req.params.iss, Number(req.params.number));
      if (!jwt) return problem(reply, 404, 'not-found', 'There is no such status list.', { 'access-control-allow-origin': '*' });
      return sendCacheable(req, reply, jwt, 'application/statuslist+jwt');
    },
  );
}
