// What the service answers when a request does not reach a handler, or a handler fails: always an HTTP answer
// (problem+json), never an exit. Validation errors name the field; internal errors are logged without their message
// (a database error's text can quote the values of a row, names included) and answered 500.

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { problem } from './problem.ts';

/** Paths of the app's API and admin pages: never answered with the app shell. */
const SERVICE_PATHS = /^\/(v1|admin|\.well-known)(\/|$)/;

export function installErrorHandling(app: FastifyInstance, options: { spaFallback: boolean }): void {
  const routes: { method: string; pattern: RegExp }[] = [];
  app.addHook('onRoute', (route) => {
    if (route.url.includes('*')) return; // the static files' catch-all says nothing about which methods a path allows
    const pattern = new RegExp(`^${route.url.split('/').map((part) => (part.startsWith(':') ? '[^/]+' : escapeRegExp(part))).join('/')}$`);
    for (const method of [route.method].flat()) routes.push({ method, pattern });
  });

  app.setNotFoundHandler(async (req, reply) => {
    const path = routedPathOf(req.url);
    const allowed = [...new Set(routes.filter((r) => r.pattern.test(path)).map((r) => r.method))].filter((m) => m !== 'HEAD');
    if (allowed.length > 0 && !allowed.includes(req.method)) {
      return problem(reply, 405, 'method-not-allowed', `Use ${allowed.join(' or ')}.`, { allow: allowed.join(', ') });
    }
    // the carer's page has its own shell (dist/card/): a path under /card/ opens it, never the staff app
    if (options.spaFallback && (req.method === 'GET' || req.method === 'HEAD') && /^\/card\/[^.]*$/.test(path)) {
      return reply.header('cache-control', 'no-cache').sendFile('card/index.html');
    }
    // a path without an extension is one of the app's routes: the app decides what it shows
    if (options.spaFallback && (req.method === 'GET' || req.method === 'HEAD') && !SERVICE_PATHS.test(path) && !/\.[^/]*$/.test(path)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return problem(reply, 404, 'not-found', 'There is nothing here.');
  });

  app.setErrorHandler(async (error: FastifyError & { error?: unknown }, req, reply) => {
    const answer = clientProblem(error);
    if (answer) return problem(reply, answer.status, answer.error, answer.message, {}, answer.field);
    logInternal(req, error);
    return problem(reply, 500, 'internal', 'Something went wrong on the scheme service. Try again later.');
  });
}

type ClientProblem = { status: number; error: string; message: string; field?: string };

function clientProblem(error: FastifyError & { error?: unknown }): ClientProblem | undefined {
  if (error.validation && error.validation.length > 0) {
    const first = error.validation[0]!;
    const missing = (first.params as { missingProperty?: string } | undefined)?.missingProperty;
    const extra = (first.params as { additionalProperty?: string } | undefined)?.additionalProperty;
    const path = [first.instancePath.replace(/^\//, '').replace(/\//g, '.'), missing ?? extra].filter(Boolean).join('.');
    const where = { body: 'body', params: 'address', querystring: 'query', headers: 'headers' }[error.validationContext ?? 'body'] ?? 'request';
    const field = path || where;
    const allowed = (first.params as { allowedValues?: unknown } | undefined)?.allowedValues;
    const why = missing ? 'is missing' : extra ? 'is not expected' : Array.isArray(allowed) ? `must be one of: ${allowed.join(', ')}` : (first.message ?? 'is not valid');
    return { status: 400, error: 'bad-request', message: `In the ${where}, ${path ? `"${field}"` : 'the value'} ${why}.`, field };
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, error: 'too-large', message: 'The request is too large.' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, error: 'json-only', message: 'Send JSON (Content-Type: application/json).' };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, error: 'bad-json', message: 'The body is not JSON.' };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, error: 'bad-request', message: 'The body does not match its Content-Length.' };
  }
  if (error instanceof SyntaxError || error.name === 'SyntaxError') return { status: 400, error: 'bad-json', message: 'The body is not JSON.' };
  // @fastify/rate-limit throws what our errorResponseBuilder made
  if (error.statusCode === 429 && typeof error.error === 'string') return { status: 429, error: error.error, message: error.message };
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return { status: error.statusCode, error: 'bad-request', message: 'The request could not be read.' };
  }
  return undefined;
}

/** Name, code and where: never the message, which for a database error can quote the row it refused. */
function logInternal(req: FastifyRequest, error: Error & { code?: unknown }): void {
  const where = error.stack?.split('\n').find((line) => line.includes('/src/'))?.trim();
  req.log.error({ errName: error.name, errCode: typeof error.code === 'string' ? error.code : undefined, where }, `error ${req.method} ${pathOf(req.url)}`);
}

/** The path of a request target, without its query (queries can hold search words, names among them). */
export function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}

/** The path as the router sees it (`/%61dmin` is `/admin`): what rules about paths must test. */
export function routedPathOf(url: string): string {
  const path = pathOf(url);
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
