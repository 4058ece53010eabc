// The scheme service: wires the database, keys and routes into a node:http server. No web framework.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { adminApiRoutes } from './admin/api-routes.ts';
import { adminPageRoute } from './admin/page.ts';
import { DEFAULT_STATUS_LIST_SIZE, type SchemeContext } from './context.ts';
import type { Database } from './db/database.ts';
import { demoCardsRoute } from './demo/cards-page.ts';
import { deviceRoutes } from './devices/routes.ts';
import { ADMIN_LOGIN_LIMIT, adminGate } from './http/auth.ts';
import { CORS_HEADERS, isCrossOriginPath, preflight } from './http/cors.ts';
import { DEFAULT_BODY_LIMIT } from './http/read-body.ts';
import { problem, type Reply } from './http/reply.ts';
import { Router, type RequestInfo } from './http/router.ts';
import { serveStatic } from './http/static-files.ts';
import { demoKeyMaterial, type KeyMaterial } from './keys/key-material.ts';
import { publicationRoutes } from './publication/routes.ts';
import { refreshStatusListsIfDue } from './publication/status-lists.ts';
import { refreshTrustBundleIfDue } from './publication/trust-bundle.ts';
import { RateLimiter, type RateLimit } from './redemptions/rate-limiter.ts';
import { redemptionRoutes } from './redemptions/routes.ts';
import { reportRoutes } from './reports/routes.ts';
import { prepareScheme } from './scheme-startup.ts';

export type ServiceOptions = {
  db: Database;
  adminPassword: string;
  keys?: KeyMaterial;
  port?: number;
  host?: string;
  /** Default: the address it listens on. Set it when a proxy or CDN fronts the service. */
  publicUrl?: string;
  now?: () => number;
  keepNames?: boolean;
  statusListSize?: number;
  rateLimit?: RateLimit;
  /** Wrong admin passwords allowed per address (default: a burst of 10, then one per 10 s). */
  adminLoginLimit?: RateLimit;
  bodyLimit?: number;
  /** The built app to serve (dist/), with the SPA fallback. */
  staticDir?: string;
  seedDemo?: boolean;
  /** One line per request: method, path, status, ms, device id. Never bodies, tokens or names. */
  log?: (line: string) => void;
  /** How often to check whether the bundle and lists are due to be signed again; 0 turns it off. */
  refreshEveryMs?: number;
};

export type RunningService = { url: string; ctx: SchemeContext; seeded: boolean; refresh(): Promise<void>; close(): Promise<void> };

export async function startService(options: ServiceOptions): Promise<RunningService> {
  const router = new Router();
  const log = options.log ?? (() => {});
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => done());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const ctx: SchemeContext = {
    db: options.db,
    keys: options.keys ?? demoKeyMaterial(),
    publicUrl: (options.publicUrl ?? `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`).replace(/\/+$/, ''),
    now: options.now ?? (() => Math.floor(Date.now() / 1000)),
    keepNames: options.keepNames ?? true,
    statusListSize: options.statusListSize ?? DEFAULT_STATUS_LIST_SIZE,
  };

  let seeded = false;
  try {
    seeded = await prepareScheme(ctx, { seedDemo: options.seedDemo ?? false });
  } catch (error) {
    await new Promise((done) => server.close(done));
    throw error;
  }

  const limiter = new RateLimiter(options.rateLimit);
  publicationRoutes(router, ctx);
  deviceRoutes(router, ctx);
  redemptionRoutes(router, ctx, limiter, options.bodyLimit ?? DEFAULT_BODY_LIMIT);
  // one gate for every admin door, on the scheme's clock (so tests can move it)
  const admin = adminGate(options.adminPassword, new RateLimiter(options.adminLoginLimit ?? ADMIN_LOGIN_LIMIT, () => ctx.now() * 1000));
  reportRoutes(router, ctx, admin);
  adminApiRoutes(router, ctx, admin);
  adminPageRoute(router, ctx, admin);
  if (ctx.keys.demo) demoCardsRoute(router, ctx);
  const staticDir = options.staticDir === undefined ? undefined : resolve(options.staticDir);

  const refresh = async () => {
    await refreshStatusListsIfDue(ctx);
    await refreshTrustBundleIfDue(ctx);
  };
  const every = options.refreshEveryMs ?? 3_600_000;
  const timer = every > 0 ? setInterval(() => void refresh().catch((e: unknown) => log(`refresh failed: ${(e as Error).name}`)), every) : undefined;
  timer?.unref();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://service.invalid');
    const method = req.method ?? 'GET';
    const info: RequestInfo = { req, url, params: {}, log: {} };
    let reply: Reply;
    try {
      reply = await route(method, info);
    } catch (error) {
      log(`error ${method} ${url.pathname}: ${(error as Error)?.name ?? 'Error'} ${(error as { code?: string })?.code ?? ''}`.trim());
      reply = problem(500, 'internal', 'Something went wrong on the scheme service. Try again later.');
    }
    const headers = { ...(isCrossOriginPath(url.pathname) ? CORS_HEADERS : {}), ...reply.headers };
    if (!res.headersSent) {
      res.writeHead(reply.status, headers);
      res.end(method === 'HEAD' || reply.status === 304 ? undefined : reply.body);
    }
    req.resume(); // a request answered before its body was read (401, 413, 429) must not stall the connection
    const ms = (performance.now() - started).toFixed(1);
    log(`${method} ${url.pathname} ${reply.status} ${ms}ms${info.log.deviceId ? ` device=${info.log.deviceId}` : ''}`);
  }

  async function route(method: string, info: RequestInfo): Promise<Reply> {
    const { pathname } = info.url;
    if (method === 'OPTIONS' && isCrossOriginPath(pathname)) return preflight();
    const match = router.match(method, pathname);
    if (match && 'handler' in match) return match.handler({ ...info, params: match.params });
    if (match) return problem(405, 'method-not-allowed', `Use ${match.allowed.join(' or ')}.`, { allow: match.allowed.join(', ') });
    if (staticDir && (method === 'GET' || method === 'HEAD') && !pathname.startsWith('/v1/') && !pathname.startsWith('/admin/')) {
      const file = await serveStatic(staticDir, pathname);
      if (file) return file;
    }
    return problem(404, 'not-found', 'There is nothing here.');
  }

  return {
    url: ctx.publicUrl,
    ctx,
    seeded,
    refresh,
    async close() {
      if (timer) clearInterval(timer);
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}
