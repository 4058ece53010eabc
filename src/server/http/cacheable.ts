// Published trust data (spec section 7): cacheable by any web server or CDN, readable from any web page.

import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const PUBLICATION_MAX_AGE = 300;

/** A strong ETag from the body, a short max-age, CORS for everyone, and 304 when the client already holds it. */
export function sendCacheable(req: FastifyRequest, reply: FastifyReply, body: string, contentType: string): FastifyReply {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  reply.headers({
    'content-type': contentType,
    etag,
    'cache-control': `public, max-age=${PUBLICATION_MAX_AGE}`,
    'access-control-allow-origin': '*',
    'access-control-expose-headers': 'ETag',
    'cross-origin-resource-policy': 'cross-origin',
  });
  if (matchesEtag(req.headers['if-none-match'], etag)) return reply.code(304).send();
  return reply.code(200).send(body);
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  // weak comparison for If-None-Match (RFC 9110 section 13.1.2): W/ prefixes do not matter
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
