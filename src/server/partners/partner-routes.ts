// The admin API for one partner beside PUT /admin/api/partners/:id (admin/api-routes.ts), issue 10, point 3:
//   GET /admin/api/partners/:id                   its profile, as the admin page's editor loads it
//   GET /admin/api/partners/:id/preview?cat=adult[&at=ISO]   which offers apply, by the core's rules
//   GET /admin/api/partners/:id/sticker.pdf       its window sticker, with a QR to its entry in the public directory

import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import { buildOffersDirectory, CATEGORIES, type Category } from '../../core/index.ts';
import { renderWindowStickerPdf } from '../../cards/index.ts';
import type { SchemeContext } from '../context.ts';
import { schemeNameOf } from '../keys/key-material.ts';
import { problem } from '../http/problem.ts';
import { ID, objectOf } from '../http/schemas.ts';
import { directoryAnchor } from '../directory/directory-page.ts';
import { previewOffers } from './offer-preview.ts';
import { partnerProfile } from './partner-store.ts';

type Params = { id: string };

export function partnerRoutes(app: FastifyInstance, ctx: SchemeContext, admin: onRequestAsyncHookHandler): void {
  const params = objectOf({ id: ID }, ['id']);
  const notFound = (id: string) => `There is no partner ${id}.`;

  app.get<{ Params: Params }>('/admin/api/partners/:id', { onRequest: admin, config: { access: 'partner' }, schema: { params } }, async (req, reply) => {
    const profile = await partnerProfile(ctx.db, req.params.id);
    if (!profile) return problem(reply, 404, 'not-found', notFound(req.params.id));
    return { profile };
  });

  app.get<{ Params: Params; Querystring: { cat: Category; at?: string } }>(
    '/admin/api/partners/:id/preview',
    {
      onRequest: admin,
      config: { access: 'partner' },
      schema: { params, querystring: objectOf({ cat: { type: 'string', enum: [...CATEGORIES] }, at: { type: 'string', maxLength: 40 } }, ['cat']) },
    },
    async (req, reply) => {
      const profile = await partnerProfile(ctx.db, req.params.id);
      if (!profile) return problem(reply, 404, 'not-found', notFound(req.params.id));
      const atMs = req.query.at === undefined ? ctx.now() * 1000 : Date.parse(req.query.at);
      if (!Number.isFinite(atMs)) return problem(reply, 400, 'bad-request', 'at must be a date and time such as 2027-01-15T08:30:00Z.', {}, 'at');
      return previewOffers(profile, req.query.cat, atMs);
    },
  );

  app.get<{ Params: Params }>('/admin/api/partners/:id/sticker.pdf', { onRequest: admin, config: { access: 'partner' }, schema: { params } }, async (req, reply) => {
    const profile = await partnerProfile(ctx.db, req.params.id);
    if (!profile) return problem(reply, 404, 'not-found', notFound(req.params.id));
    // current offers only, as the directory lists them; a partner with none is not listed, so the QR leads to the top
    const listed = buildOffersDirectory([profile], ctx.now() * 1000).partners[0];
    const partner = listed ?? { id: profile.id, name: profile.name, kind: profile.kind, timeZone: profile.timeZone, offers: [] };
    const directoryUrl = `${ctx.publicUrl}/offers${listed ? `#${directoryAnchor(profile.id)}` : ''}`;
    const pdf = await renderWindowStickerPdf({ partner, directoryUrl, schemeName: schemeNameOf(ctx.keys) });
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="window-sticker-${profile.id}.pdf"`)
      .type('application/pdf')
      .send(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
  });
}
