// The public offers directory (issue 9, point 3), no login: GET /offers.json for the card page and anyone who wants
// the data, GET /offers as a page a carer can read, filter without JavaScript and print as a dated booklet.

import type { FastifyInstance } from 'fastify';
import { buildOffersDirectory, CATEGORIES, PARTNER_KINDS, type Category, type DirectoryFilter, type OffersDirectory, type PartnerKind } from '../../core/index.ts';
import type { SchemeContext } from '../context.ts';
import { sendCacheable } from '../http/cacheable.ts';
import { objectOf } from '../http/schemas.ts';
import { NO_SCRIPT_PAGE_CSP } from '../http/security-headers.ts';
import { listPartners } from '../partners/partner-store.ts';
import { chosenLanguage, directoryWords, languageCookie } from './directory-language.ts';
import { renderDirectoryPage } from './directory-page.ts';

/** The directory as of the scheme's clock: current offers only, by each partner's own date. */
export async function currentDirectory(ctx: SchemeContext): Promise<OffersDirectory> {
  return buildOffersDirectory(await listPartners(ctx.db), ctx.now() * 1000);
}

type DirectoryQuery = { area?: string; kind?: string; carer?: string; lang?: string };

export function directoryRoutes(app: FastifyInstance, ctx: SchemeContext): void {
  app.get('/offers.json', async (req, reply) => {
    const directory = await currentDirectory(ctx);
    return sendCacheable(req, reply, `${JSON.stringify(directory)}\n`, 'application/json; charset=utf-8');
  });

  const text = { type: 'string', maxLength: 80 };
  app.get<{ Querystring: DirectoryQuery }>(
    '/offers',
    // other query members (a campaign tag on a printed link) are let through and ignored
    { helmet: { contentSecurityPolicy: NO_SCRIPT_PAGE_CSP }, schema: { querystring: objectOf({ area: text, kind: text, carer: text, lang: { type: 'string', maxLength: 10 } }, [], true) } },
    async (req, reply) => {
      const directory = await currentDirectory(ctx);
      const language = chosenLanguage(req.query.lang, req.headers.cookie);
      const html = renderDirectoryPage(directory, filterOf(req.query), ctx.now() * 1000, directoryWords(language.locale));
      // a picked language is remembered on the device for the next visit, the filter form and "Show everything"
      // (an answer that sets it is this device's alone: no shared cache keeps it)
      if (language.picked) reply.header('set-cookie', languageCookie(language.locale, ctx.publicUrl.startsWith('https:')));
      // "today" moves at midnight: a few minutes of caching is all this page takes; the remembered language varies it
      const cache = language.picked ? 'private, max-age=300' : 'public, max-age=300';
      return reply.header('cache-control', cache).header('vary', 'Cookie').type('text/html; charset=utf-8').send(html);
    },
  );
}

/** The form's "any" is an empty value; an unknown kind of place or carer is no filter, an unknown area matches nothing. */
function filterOf(query: DirectoryQuery): DirectoryFilter {
  const filter: DirectoryFilter = {};
  if (query.area) filter.area = query.area;
  if ((PARTNER_KINDS as readonly string[]).includes(query.kind ?? '')) filter.kind = query.kind as PartnerKind;
  if ((CATEGORIES as readonly string[]).includes(query.carer ?? '')) filter.category = query.carer as Category;
  return filter;
}
