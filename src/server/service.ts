// The scheme service: the database, keys and routes on Fastify and its kept plugins (helmet for headers, static for
// the built app, rate-limit for uploads, cors for the published data and the device API). One function builds it
// for `npm start` and for tests.
//
// Its port answers 503 with Retry-After until the keys, database and routes are ready, and again while it shuts
// down; every request, however malformed, gets an HTTP answer, and no error stops the process.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyInstance, type FastifyReply } from 'fastify';
import { accountAdminRoutes } from './accounts/account-admin-routes.ts';
import { accountRoutes } from './accounts/routes.ts';
import { enforceAccess } from './accounts/rights.ts';
import { adminApiRoutes } from './admin/api-routes.ts';
import { adminAppRoutes } from './admin/admin-app-route.ts';
import { adminPageRoute } from './admin/page.ts';
import { DEFAULT_STATUS_LIST_SIZE, type SchemeContext } from './context.ts';
import type { Database } from './db/database.ts';
import { cardRoutes } from './cards/routes.ts';
import { createMailer, type MailSettings } from './collection/mailer.ts';
import { cardCopyRoutes, collectionAdminRoutes } from './collection/routes.ts';
import { demoCardsRoute } from './demo/cards-page.ts';
import { deviceRoutes } from './devices/routes.ts';
import { directoryRoutes } from './directory/routes.ts';
import { adminGate, requireAdmin } from './http/auth.ts';
import { installErrorHandling, pathOf, routedPathOf } from './http/errors.ts';
import { PROBLEM_TYPE, problem, problemBody } from './http/problem.ts';
import type { RateLimit } from './http/rate-limiter.ts';
import { PERMISSIONS_POLICY, helmetOptions, inlineScriptHashes } from './http/security-headers.ts';
import { demoKeyMaterial, type KeyMaterial } from './keys/key-material.ts';
import { publicationRoutes } from './publication/routes.ts';
import { refreshStatusListsIfDue } from './publication/status-lists.ts';
import { refreshTrustBundleIfDue } from './publication/trust-bundle.ts';
import { DEFAULT_BODY_LIMIT, DEFAULT_UPLOAD_LIMIT, redemptionRoutes, type UploadLimit } from './redemptions/routes.ts';
import { registerRoutes } from './register/register-routes.ts';
import { keyRoutes } from './keys/key-routes.ts';
import { partnerRoutes } from './partners/partner-routes.ts';
import { stayRoutes } from './stays/routes.ts';
import { reportRoutes } from './reports/routes.ts';
import { prepareScheme } from './scheme-startup.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Ids for the request log line (never tokens or names). */
    logged?: { deviceId?: string };
  }
}

export type ServiceOptions = {
  db: Database;
  /**
   * ADMIN_PASSWORD: when the scheme has no account yet (and is not the seeded demo), the first coordinator, named
   * "coordinator", is made with this password. Ignored once any account exists.
   */
  adminPassword?: string | undefined;
  keys?: KeyMaterial;
  port?: number;
  host?: string;
  /** Default: the address it listens on. Set it when a proxy or CDN fronts the service. */
  publicUrl?: string;
  /** Addresses (or CIDR ranges) of the proxies whose X-Forwarded-For is believed; default none. */
  trustProxy?: string[];
  now?: () => number;
  keepNames?: boolean;
  statusListSize?: number;
  /** Uploads per device (default 60 a minute). */
  uploadLimit?: UploadLimit;
  /** Wrong passwords or API tokens allowed per client address (default: a burst of 10, then one per 10 s). */
  adminLoginLimit?: RateLimit;
  /** Wrong passwords allowed per account name (or token id), from any address. */
  adminAccountLimit?: RateLimit;
  bodyLimit?: number;
  /** The built app to serve (dist/), with the SPA fallback. */
  staticDir?: string;
  seedDemo?: boolean;
  /**
   * Where log lines go (pino's JSON lines): one per request with method, path, status, ms and device id, and errors
   * with their name and code. Never bodies, tokens, names or query strings. Default: nowhere.
   */
  log?: (line: string) => void;
  /** Slow clients: the headers must arrive within this (default 10 s), the whole request within requestTimeoutMs (30 s). */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** How often to check whether the bundle and lists are due to be signed again; 0 turns it off. */
  refreshEveryMs?: number;
  /** SMTP_URL and MAIL_FROM: issuing or renewing with an email sends the phone copy's collection link. */
  mail?: MailSettings;
};

export type RunningService = {
  /** The public address (PUBLIC_URL, or where it listens). */
  url: string;
  /** Where it listens, as http://host:port: for tests and health checks behind a proxy. */
  localUrl: string;
  ctx: SchemeContext; seeded: boolean; refresh(): Promise<void>; close(): Promise<void> };

/** Slow clients are cut: headers within 10 s, the whole request within 30 s. */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 30_000;

export async function startService(options: ServiceOptions): Promise<RunningService> {
  let accepting = false;
  let handle: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const server = createServer(
    {
      requestTimeout: options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
      headersTimeout: options.headersTimeoutMs ?? HEADERS_TIMEOUT_MS,
      keepAliveTimeout: 5_000,
      // how often Node looks for requests past those limits (its default, 30 s, would let a slow client stay 40 s)
      connectionsCheckingInterval: 1_000,
    },
    (req, res) => (accepting && handle ? handle(req, res) : notReady(res)),
  );
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => done());
  });

  try {
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
    const seeded = await prepareScheme(ctx, { seedDemo: options.seedDemo ?? false, firstCoordinatorPassword: options.adminPassword });
    const app = await buildApp(ctx, options, server, (h) => (handle = h));
    const refresh = async () => {
      await refreshStatusListsIfDue(ctx);
      await refreshTrustBundleIfDue(ctx);
    };
    const every = options.refreshEveryMs ?? 3_600_000;
    const timer = every > 0 ? setInterval(() => void refresh().catch((e: unknown) => app.log.error({ errName: (e as Error)?.name }, 'refresh failed')), every) : undefined;
    timer?.unref();
    accepting = true;
    return {
      url: ctx.publicUrl,
      localUrl: `http://${host === '0.0.0.0' ? '127.0.0.1' : host === '[::]' ? '[::1]' : host}:${address.port}`,
      ctx,
      seeded,
      refresh,
      async close() {
        accepting = false;
        if (timer) clearInterval(timer);
        server.closeIdleConnections();
        await app.close(); // waits for requests in flight
        server.closeAllConnections();
        await new Promise((done) => server.close(done)); // we opened the port, so we close it
      },
    };
  } catch (error) {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
    throw error;
  }
}

async function buildApp(ctx: SchemeContext, options: ServiceOptions, server: Server, setHandler: (h: (req: IncomingMessage, res: ServerResponse) => void) => void): Promise<FastifyInstance> {
  const write = options.log;
  const app = Fastify({
    serverFactory: (handler) => {
      setHandler(handler);
      return server;
    },
    trustProxy: options.trustProxy && options.trustProxy.length > 0 ? options.trustProxy : false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // one line a request, written by the onResponse hook below
    logController: new LogController({ disableRequestLogging: true }),
    // no coercion: `{"code": 7}` or `{"records": "all"}` is refused, not read as "7" or ["all"]
    ajv: { customOptions: { coerceTypes: false } },
    logger: write
      ? {
          level: 'info',
          stream: { write },
          // a guard: nothing logs these today, and if something ever did, they are not written
          redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.token', '*.deviceToken', '*.password', '*.name', '*.code', '*.email', '*.refreshToken'], censor: '[redacted]' },
          serializers: { req: (req: { method: string; url: string }) => ({ method: req.method, path: pathOf(req.url) }) },
        }
      : false,
    // a malformed target (`/%zz`, `//[`) is a 400, answered like every other problem
    frameworkErrors: (error, _req, reply) => {
      void problem(reply as FastifyReply, 400, 'bad-request', `This address cannot be read (${error.code}).`);
    },
  });

  // an empty JSON body is an empty object (the admin page's buttons send none); anything else is parsed safely
  const json = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['application/json', 'text/plain']); // every body the service reads is JSON: others get 415
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if (String(body).trim() === '') return done(null, {});
    json(req, String(body), done);
  });

  const staticDir = options.staticDir === undefined ? undefined : resolve(options.staticDir);
  installErrorHandling(app, { spaFallback: staticDir !== undefined });
  // the built app's one inline script (the head camera request) is allowed by its hash
  const appPage = staticDir === undefined ? '' : await readFile(join(staticDir, 'index.html'), 'utf8').catch(() => '');
  await app.register(fastifyHelmet, helmetOptions(ctx.publicUrl, inlineScriptHashes(appPage)));
  await app.register(fastifyRateLimit, { global: false });

  app.addHook('onRequest', async (req, reply) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY);
    // admin pages and the device API carry names and tokens: no browser or proxy may keep them
    if (/^\/(admin|v1)(\/|$)/.test(routedPathOf(req.url))) reply.header('cache-control', 'no-store');
  });
  app.addHook('onResponse', async (req, reply) => {
    const device = req.logged?.deviceId ?? req.device?.id;
    req.log.info(`${req.method} ${pathOf(req.url)} ${reply.statusCode} ${reply.elapsedTime.toFixed(1)}ms${device ? ` device=${device}` : ''}`);
  });

  // the published data and the device API are called from the app, which may be served from another origin:
  // bearer tokens, not cookies, so allowing any origin gives a page nothing it could not do with the token anyway
  await app.register(async (open) => {
    await open.register(fastifyCors, {
      origin: '*',
      methods: ['GET', 'HEAD', 'POST'],
      allowedHeaders: ['Authorization', 'Content-Type', 'If-None-Match'],
      exposedHeaders: ['ETag', 'Retry-After', 'Date'], // Date: the app notices a wrong device clock (issue 11)
      maxAge: 86_400,
    });
    publicationRoutes(open, ctx);
    directoryRoutes(open, ctx);
    deviceRoutes(open, ctx);
    redemptionRoutes(open, ctx, options.uploadLimit ?? DEFAULT_UPLOAD_LIMIT, options.bodyLimit ?? DEFAULT_BODY_LIMIT);
    stayRoutes(open, ctx); // issue 11 point 2
  });

  // one gate for every admin door, on the scheme's clock (so tests can move it)
  const gate = adminGate(ctx, () => ctx.now() * 1000, {
    ...(options.adminLoginLimit ? { address: options.adminLoginLimit } : {}),
    ...(options.adminAccountLimit ? { account: options.adminAccountLimit } : {}),
  });
  const admin = requireAdmin(gate);
  // what each account may do: every admin route names its access (src/server/accounts/rights.ts)
  app.addHook('preHandler', enforceAccess(ctx));
  accountRoutes(app, ctx, gate, admin, { mail: options.mail !== undefined });
  accountAdminRoutes(app, ctx, admin);
  const mailer = options.mail ? createMailer(options.mail) : undefined;
  if (mailer) app.addHook('onClose', async () => mailer.close());
  reportRoutes(app, ctx, admin);
  adminApiRoutes(app, ctx, admin, { ...(mailer ? { mailer } : {}) });
  // the phone copy: same origin only (the card page is this service's), so outside the CORS scope above
  cardCopyRoutes(app, ctx);
  collectionAdminRoutes(app, ctx, admin);
  cardRoutes(app, ctx, admin);
  registerRoutes(app, ctx, admin);
  keyRoutes(app, ctx, admin);
  partnerRoutes(app, ctx, admin);
  adminPageRoute(app, ctx, admin, { mail: mailer !== undefined });
  adminAppRoutes(app, { served: staticDir !== undefined });
  if (ctx.keys.demo) demoCardsRoute(app, ctx);

  if (staticDir) {
    // the carer's page lives in /card/ (its worker's scope): the bare path is sent there
    app.get('/card', async (_req, reply) => reply.redirect('/card/', 301));
    await app.register(fastifyStatic, {
      root: staticDir,
      wildcard: true,
      index: ['index.html'],
      cacheControl: false,
      preCompressed: true,
      // source maps stay on the build machine
      allowedPath: (path) => !path.endsWith('.map'),
      setHeaders: (reply, path) => reply.header('cache-control', cacheControlFor(path)),
    });
  }
  await app.ready();
  return app;
}

function cacheControlFor(sentPath: string): string {
  // preCompressed hands over the file it sends (x.js.br): the rule is the uncompressed file's
  const path = sentPath.replace(/\.(br|gz)$/, '');
  if (/(index\.html|sw\.js|\.webmanifest)$/.test(path)) return 'no-cache';
  if (/[.-][A-Za-z0-9_-]{8,}\.(js|css|wasm|svg|png)$/.test(path)) return 'public, max-age=31536000, immutable';
  return 'public, max-age=300';
}

function notReady(res: ServerResponse): void {
  res.writeHead(503, { 'content-type': PROBLEM_TYPE, 'retry-after': '2', 'cache-control': 'no-store', connection: 'close' });
  res.end(problemBody({ status: 503, error: 'not-ready', message: 'The scheme service is starting or stopping. Try again in a moment.' }));
}
