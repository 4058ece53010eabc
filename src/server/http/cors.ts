// The device API and the published data are called from the app, which may be served from another origin.
// Bearer tokens, not cookies: allowing any origin gives a page nothing it could not do with the token anyway.

import type { Reply } from './reply.ts';

export function isCrossOriginPath(pathname: string): boolean {
  return pathname.startsWith('/.well-known/carers-passport/') || /^\/v1\/(enrol|profile|redemptions)$/.test(pathname);
}

export const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'ETag, Retry-After',
};

export function preflight(): Reply {
  return {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      'access-control-allow-methods': 'GET, HEAD, POST, OPTIONS',
      'access-control-allow-headers': 'Authorization, Content-Type, If-None-Match',
      'access-control-max-age': '86400',
    },
  };
}
