// Spec section 7: the published trust data, without authentication, cacheable, readable from any web page.

import type { SchemeContext } from '../context.ts';
import { cacheable } from '../http/cacheable.ts';
import { problem } from '../http/reply.ts';
import type { Router } from '../http/router.ts';
import { listHref, publishedList, publishedLists } from './status-lists.ts';
import { currentTrustBundle, rootPublicKeys } from './trust-bundle.ts';

export const WELL_KNOWN = '/.well-known/carers-passport';

export function publicationRoutes(router: Router, ctx: SchemeContext): void {
  router.get(`${WELL_KNOWN}/trust-bundle.jwt`, async ({ req }) => {
    const bundle = await currentTrustBundle(ctx);
    if (!bundle) return problem(503, 'not-ready', 'The trust bundle has not been signed yet.');
    return cacheable(req, bundle.jwt, 'application/jwt');
  });

  router.get(`${WELL_KNOWN}/roots.json`, async ({ req }) => {
    return cacheable(req, JSON.stringify({ keys: await rootPublicKeys(ctx) }), 'application/json');
  });

  router.get(`${WELL_KNOWN}/status-lists.json`, async ({ req }) => {
    const lists = (await publishedLists(ctx)).map((l) => ({ uri: l.uri, href: listHref(l.iss, l.number) }));
    return cacheable(req, JSON.stringify({ lists }), 'application/json');
  });

  router.get(`${WELL_KNOWN}/status/:iss/:number`, async ({ req, params }) => {
    const number = Number(params.number);
    const jwt = Number.isSafeInteger(number) ? await publishedList(ctx, params.iss!, number) : undefined;
    if (!jwt) return problem(404, 'not-found', 'There is no such status list.', { 'access-control-allow-origin': '*' });
    return cacheable(req, jwt, 'application/statuslist+jwt');
  });
}
