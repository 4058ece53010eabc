// Published trust data (spec section 7): cacheable by any web server or CDN, readable from any web page.

import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const PUBLICATION_MAX_AGE = 300;
/** Smaller bodies go as they are: compressing a few hundred bytes saves next to nothing (issue 13: nothing sizeable uncompressed). */
export const COMPRESS_FROM_BYTES = 512;
/** Compressed bodies kept by ETag: the same bundle and lists are asked for by every device, so each is compressed once. */
const COMPRESSED_KEPT = 64;

type Encoding = 'br' | 'gzip';
const compressed = new Map<string, Buffer>();

/**
 * A strong ETag from the body, a short max-age, CORS for everyone, and 304 when the client already holds it. A body of
 * 512 bytes or more goes brotli- or gzip-compressed to a client that accepts it; each encoding has its own ETag (the
 * body's, with `-br` or `-gzip`), and any of them answers If-None-Match.
 */
export function sendCacheable(req: FastifyRequest, reply: FastifyReply, body: string, contentType: string): FastifyReply {
  const tag = createHash('sha256').update(body).digest('base64url').slice(0, 27);
  const encoding = Buffer.byteLength(body) >= COMPRESS_FROM_BYTES ? acceptedEncoding(req.headers['accept-encoding']) : undefined;
  reply.headers({
    'content-type': contentType,
    etag: encoding ? `"${tag}-${encoding}"` : `"${tag}"`,
    'cache-control': `public, max-age=${PUBLICATION_MAX_AGE}`,
    'access-control-allow-origin': '*',
    'access-control-expose-headers': 'ETag',
    'cross-origin-resource-policy': 'cross-origin',
    vary: 'Accept-Encoding',
  });
  if (matchesEtag(req.headers['if-none-match'], tag)) return reply.code(304).send();
  if (!encoding) return reply.code(200).send(body);
  reply.header('content-encoding', encoding);
  return reply.code(200).send(compressedBody(`${tag}-${encoding}`, body, encoding));
}

/** The encoding the client prefers of brotli and gzip (brotli on a tie, as every browser takes both), else none. */
function acceptedEncoding(header: string | string[] | undefined): Encoding | undefined {
  const accepted = new Map<string, number>();
  for (const part of String(header ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name!.trim(), q ? Number(q.slice(2)) || 0 : 1);
  }
  const weight = (name: string) => accepted.get(name) ?? accepted.get('*') ?? 0;
  const [br, gzip] = [weight('br'), weight('gzip')];
  if (br > 0 && br >= gzip) return 'br';
  return gzip > 0 ? 'gzip' : undefined;
}

function compressedBody(key: string, body: string, encoding: Encoding): Buffer {
  let bytes = compressed.get(key);
  if (!bytes) {
    bytes = encoding === 'br' ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }) : gzipSync(body, { level: 9 });
    if (compressed.size >= COMPRESSED_KEPT) compressed.delete(compressed.keys().next().value!);
    compressed.set(key, bytes);
  }
  return bytes;
}

/** If-None-Match against the body's tag, whichever encoding the client's copy came in (weak comparison, RFC 9110 13.1.2). */
function matchesEtag(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((sent) => sent.trim().replace(/^W\//, '').replace(/-(br|gzip)"$/, '"') === `"${tag}"`);
}
