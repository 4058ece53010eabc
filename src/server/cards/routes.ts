// Printed cards from the service (issue 9, point 1): one passport's card, and a postal run. Admin only; the PDFs
// carry names, so no-store (the service's /admin hook) and an attachment a browser saves rather than keeps.

import type { FastifyInstance, FastifyReply, onRequestAsyncHookHandler } from 'fastify';
import { CardTooLargeError, renderCardsPdf, type CardLayout } from '../../cards/index.ts';
import { issuerScope } from '../accounts/rights.ts';
import type { SchemeContext } from '../context.ts';
import { requireSameOriginJson } from '../http/auth.ts';
import { problem } from '../http/problem.ts';
import { ISS, JTI, objectOf } from '../http/schemas.ts';
import { findPassport } from '../register/passport-register.ts';
import { cardDetails, cardRefusal } from './card-details.ts';
import { MAX_POSTAL_RUN, makeCardsPdf, makePostalRun, type PostalRunChoice } from './postal-run.ts';

const LAYOUT = { type: 'string', enum: ['id1', 'a4'] } as const;
const DAY = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
/** Chosen passports, each once. */
const SELECTION = { type: 'array', minItems: 1, maxItems: MAX_POSTAL_RUN, uniqueItems: true, items: objectOf({ iss: ISS, jti: JTI }, ['iss', 'jti']) };

type PostalRunBody = { from?: string; to?: string; passports?: { iss: string; jti: string }[]; layout?: CardLayout };

export function cardRoutes(app: FastifyInstance, ctx: SchemeContext, admin: onRequestAsyncHookHandler): void {
  app.get<{ Params: { iss: string; jti: string }; Querystring: { layout?: CardLayout } }>(
    '/admin/api/passports/:iss/:jti/card.pdf',
    { onRequest: admin, config: { access: 'issuer' }, schema: { params: objectOf({ iss: ISS, jti: JTI }, ['iss', 'jti']), querystring: objectOf({ layout: LAYOUT }) } },
    async (req, reply) => {
      const { iss, jti } = req.params;
      const entry = await findPassport(ctx.db, iss, jti);
      if (!entry) return problem(reply, 404, 'not-found', `There is no passport ${jti} of ${iss}.`);
      const refusal = cardRefusal(entry, ctx.now());
      if (refusal) return problem(reply, 409, 'refused', refusal);
      try {
        const pdf = await renderCardsPdf([await cardDetails(ctx, entry)], { layout: req.query.layout ?? 'id1', title: `Carers Passport ${jti}` });
        return sendPdf(reply, pdf, `carers-passport-${jti}.pdf`);
      } catch (error) {
        if (error instanceof CardTooLargeError) return problem(reply, 409, 'too-large', error.message);
        throw error;
      }
    },
  );

  app.post<{ Body: PostalRunBody }>(
    '/admin/api/cards/postal-run',
    {
      onRequest: [admin, requireSameOriginJson],
      config: { access: 'issuer' },
      bodyLimit: 256 * 1024,
      schema: {
        body: {
          type: 'object',
          properties: {
            from: DAY, to: DAY, layout: LAYOUT,
            passports: SELECTION,
          },
          additionalProperties: false,
        },
      },
    },
    async (req, reply) => {
      const { from, to, passports, layout } = req.body;
      if (passports ? from !== undefined || to !== undefined : from === undefined || to === undefined) {
        return problem(reply, 400, 'bad-request', 'Give either the days (from and to, YYYY-MM-DD) or a selection of passports.');
      }
      const iss = issuerScope(req.account!);
      const choice: PostalRunChoice = passports ? { passports } : { from: from!, to: to!, ...(iss ? { iss } : {}) };
      let run;
      try {
        run = await makePostalRun(ctx, choice, { layout: layout ?? 'id1', actor: req.actor!, offersUrl: `${ctx.publicUrl}/offers` });
      } catch (error) {
        if (error instanceof CardTooLargeError) return problem(reply, 409, 'too-large', error.message);
        throw error;
      }
      if (!run.ok) return problem(reply, run.status, run.error, run.message);
      const name = passports ? 'carers-passports-postal-run.pdf' : `carers-passports-${from}-to-${to}.pdf`;
      reply.header('x-cards', String(run.count)).header('x-cards-skipped', String(run.skipped));
      return sendPdf(reply, run.pdf, name);
    },
  );

  // a bulk renewal's new cards (issue 10, point 4): the same selection as POST /admin/api/renewals/renew
  app.post<{ Body: { passports: { iss: string; jti: string }[]; layout?: CardLayout } }>(
    '/admin/api/renewals/cards.pdf',
    {
      onRequest: [admin, requireSameOriginJson],
      config: { access: 'issuer' },
      bodyLimit: 256 * 1024,
      schema: {
        body: objectOf({ layout: LAYOUT, passports: SELECTION }, ['passports']),
      },
    },
    async (req, reply) => {
      let cards;
      try {
        cards = await makeCardsPdf(ctx, req.body.passports, { layout: req.body.layout ?? 'id1', title: 'Carers Passports: renewed cards' });
      } catch (error) {
        if (error instanceof CardTooLargeError) return problem(reply, 409, 'too-large', error.message);
        throw error;
      }
      if (!cards.ok) return problem(reply, cards.status, cards.error, cards.message);
      reply.header('x-cards', String(cards.count));
      return sendPdf(reply, cards.pdf, 'carers-passports-renewed.pdf');
    },
  );
}

function sendPdf(reply: FastifyReply, pdf: Uint8Array, filename: string): FastifyReply {
  return reply
    .header('cache-control', 'no-store')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .type('application/pdf')
    .send(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
}
