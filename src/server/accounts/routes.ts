// Logging in and out (/admin/login, /admin/logout: plain forms, so they work without script) and an account's own
// business on the admin API: who am I, change my password, my API tokens. Other accounts: account-admin-routes.ts.

import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { SchemeContext } from '../context.ts';
import { attemptsLeft, countFailure, requireSameOriginJson, sessionCookie, SESSION_COOKIE, type AdminGate } from '../http/auth.ts';
import { problem } from '../http/problem.ts';
import { objectOf } from '../http/schemas.ts';
import { NO_SCRIPT_PAGE_CSP } from '../http/security-headers.ts';
import { audit } from '../register/audit-log.ts';
import { actorOf, checkPassword, setPassword, type Account } from './account-store.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.ts';
import { renderLoginPage } from './login-page.ts';
import { passwordProblem } from './passwords.ts';
import { endSession, findSession, startSession } from './sessions.ts';

type LoginBody = { name?: unknown; password?: unknown; csrf?: unknown };
type LoggedIn = { ok: true; account: Account; cookieValue: string; csrfToken: string };
type NotLoggedIn = { ok: false; status: number; message: string; field?: string; retryAfter?: string };

/** An account as the admin UI sees it: no database id. */
function accountView({ id: _id, ...account }: Account): Omit<Account, 'id'> {
  return account;
}

/** What the admin page needs to know of the service: the demo scheme (it says so), email sent (the issue form offers it). */
export type ServiceFacts = { mail: boolean };

export function accountRoutes(app: FastifyInstance, ctx: SchemeContext, gate: AdminGate, admin: onRequestAsyncHookHandler, facts: ServiceFacts = { mail: false }): void {
  const about = { demo: ctx.keys.demo, mail: facts.mail };
  const secure = ctx.publicUrl.startsWith('https:');
  // the page lives under /admin and its CSV links under /v1/reports: one cookie for each path, nowhere else
  const cookies = (value: string, maxAge?: number) =>
    ['/admin', '/v1/reports'].map((path) => `${SESSION_COOKIE}=${value}; Path=${path}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}${maxAge === undefined ? '' : `; Max-Age=${maxAge}`}`);
  const page = (reply: FastifyReply, status: number, html: string) => reply.code(status).type('text/html; charset=utf-8').send(html);

  void app.register(async (forms) => {
    // the two forms post as HTML forms do; nothing else in the service reads this type
    forms.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
    const helmet = { contentSecurityPolicy: NO_SCRIPT_PAGE_CSP };

    forms.get<{ Querystring: { out?: string } }>('/admin/login', { helmet, schema: { querystring: objectOf({ out: { type: 'string', maxLength: 8 } }, [], true) } }, async (req, reply) =>
      page(reply, 200, renderLoginPage({ demo: ctx.keys.demo, ...(req.query.out !== undefined ? { notice: req.query.out === 'idle' ? 'You were logged out after 30 minutes without using the page. Log in again.' : 'You have logged out.' } : {}) })),
    );

    forms.post<{ Body: LoginBody }>('/admin/login', { helmet, bodyLimit: 4096 }, async (req, reply) => {
      const name = typeof req.body?.name === 'string' ? req.body.name.trim().slice(0, 64) : '';
      const again = (status: number, error: string) => page(reply, status, renderLoginPage({ name, error, demo: ctx.keys.demo }));
      if (!fromOwnOrigin(req)) return again(403, 'This form must be sent from this service’s own login page.');
      const outcome = await logIn(req, req.body ?? {});
      if (!outcome.ok) {
        if (outcome.retryAfter) reply.header('retry-after', outcome.retryAfter);
        return again(outcome.status, outcome.message);
      }
      return reply.header('set-cookie', cookies(outcome.cookieValue)).redirect('/admin/classic', 303);
    });

    forms.post<{ Body: LoginBody }>('/admin/logout', { helmet, bodyLimit: 4096 }, async (req, reply) => {
      const cookie = sessionCookie(req.headers.cookie);
      const session = cookie === undefined ? undefined : await findSession(ctx, cookie);
      const csrf = typeof req.body?.csrf === 'string' ? req.body.csrf : String(req.headers['x-csrf-token'] ?? '');
      if (session && csrf !== session.csrfToken) return problem(reply, 403, 'csrf', 'This change did not come from the admin page. Reload the page and try again.');
      if (session) {
        await endSession(ctx.db, session.idHash);
        await audit(ctx.db, ctx.now(), { actor: actorOf(session.account), action: 'account.logout' });
      }
      return reply.header('set-cookie', cookies('', 0)).redirect(session ? '/admin/login?out=1' : '/admin/login', 303);
    });
  });

  /** One login for the form and the admin UI's JSON: the same limits, checks, session and audit entry. */
  const logIn = async (req: FastifyRequest, body: LoginBody): Promise<LoggedIn | NotLoggedIn> => {
    const name = typeof body.name === 'string' ? body.name.trim().slice(0, 64) : '';
    const password = typeof body.password === 'string' ? body.password.slice(0, 256) : '';
    if (name === '' || password === '') return { ok: false, status: 400, field: name === '' ? 'name' : 'password', message: 'Enter your account name and your password.' };
    const wait = (retryAfter: number): NotLoggedIn => ({ ok: false, status: 429, message: `Too many wrong passwords. Wait ${retryAfter} seconds, then try again.`, retryAfter: String(retryAfter) });
    const limited = attemptsLeft(gate, req.ip, name);
    if (!limited.ok) return wait(limited.retryAfter);
    const account = await checkPassword(ctx.db, name, password);
    if (!account) {
      const counted = countFailure(gate, req.ip, name);
      if (!counted.ok) return wait(counted.retryAfter);
      return { ok: false, status: 401, field: 'password', message: 'The account name or the password is not right, or the account is disabled. Check them and try again.' };
    }
    const session = await startSession(ctx, account);
    await audit(ctx.db, ctx.now(), { actor: actorOf(account), action: 'account.login' });
    return { ok: true, account, ...session };
  };

  // the admin UI (/admin/): JSON in, the same cookie out, and the CSRF token for its changes in the answer
  app.post<{ Body: LoginBody }>(
    '/admin/api/login',
    { onRequest: requireSameOriginJson, bodyLimit: 4096, schema: { body: objectOf({ name: { type: 'string', maxLength: 256 }, password: { type: 'string', maxLength: 1024 } }, [], true) } },
    async (req, reply) => {
      const outcome = await logIn(req, req.body);
      if (!outcome.ok) {
        const error = outcome.status === 429 ? 'too-many-attempts' : outcome.status === 401 ? 'wrong-password' : 'bad-request';
        return problem(reply, outcome.status, error, outcome.message, outcome.retryAfter ? { 'retry-after': outcome.retryAfter } : {}, outcome.field);
      }
      return reply.header('set-cookie', cookies(outcome.cookieValue)).send({ account: accountView(outcome.account), csrf: outcome.csrfToken, ...about });
    },
  );

  const read = { onRequest: admin, config: { access: 'any' as const } };
  const change = { onRequest: [admin, requireSameOriginJson], config: { access: 'any' as const }, bodyLimit: 4096 };

  // a session's end from the admin UI: the gate has checked its CSRF token
  app.post('/admin/api/logout', change, async (req, reply) => {
    if (req.session) {
      await endSession(ctx.db, req.session.idHash);
      await audit(ctx.db, ctx.now(), { actor: actorOf(req.session.account), action: 'account.logout' });
    }
    return reply.header('set-cookie', cookies('', 0)).send({ loggedOut: true });
  });

  // the session's CSRF token goes only to its own page: other sites cannot read this answer (no CORS, SameSite=Strict)
  app.get('/admin/api/account', read, async (req) => ({
    account: accountView(req.account!),
    via: req.session ? 'session' : 'token',
    ...(req.session ? { csrf: req.session.csrfToken } : {}),
    ...about,
  }));

  app.post<{ Body: { current: string; password: string; repeat: string } }>(
    '/admin/api/account/password',
    { ...change, schema: { body: objectOf({ current: { type: 'string', maxLength: 256 }, password: { type: 'string', maxLength: 1024 }, repeat: { type: 'string', maxLength: 1024 } }, ['current', 'password', 'repeat']) } },
    async (req, reply) => {
      const account = req.account!;
      const { current, password, repeat } = req.body;
      const limited = attemptsLeft(gate, req.ip, account.name);
      if (!limited.ok) return problem(reply, 429, 'too-many-attempts', `Too many wrong passwords. Wait ${limited.retryAfter} seconds, then try again.`, { 'retry-after': String(limited.retryAfter) });
      if (!(await checkPassword(ctx.db, account.name, current))) {
        countFailure(gate, req.ip, account.name);
        return problem(reply, 400, 'wrong-password', 'Your current password is not right.', {}, 'current');
      }
      const weak = passwordProblem(password);
      if (weak) return problem(reply, 400, 'weak-password', `The new password is not accepted. ${weak}`, {}, 'password');
      if (password !== repeat) return problem(reply, 400, 'passwords-differ', 'The new password and its repeat are not the same.', {}, 'repeat');
      await setPassword(ctx, account, password, req.session ? { keepSession: req.session.idHash } : {});
      return { changed: true };
    },
  );

  app.get('/admin/api/tokens', read, async (req) => ({ tokens: await listApiTokens(ctx.db, req.account!.id) }));

  app.post<{ Body: { label: string } }>(
    '/admin/api/tokens',
    { ...change, schema: { body: objectOf({ label: { type: 'string', minLength: 1, maxLength: 80 } }, ['label']) } },
    async (req, reply) => {
      const created = await createApiToken(ctx, req.account!, req.body.label, req.actor!);
      return reply.code(201).send({ ...created, basic: Buffer.from(`${created.id}:${created.secret}`).toString('base64') });
    },
  );

  app.post<{ Params: { id: string } }>(
    '/admin/api/tokens/:id/revoke',
    { ...change, schema: { params: objectOf({ id: { type: 'string', maxLength: 64 } }, ['id']) } },
    async (req, reply) => {
      const revoked = await revokeApiToken(ctx, req.account!, req.params.id);
      if (!revoked.ok) return problem(reply, 404, 'not-found', revoked.problem);
      return { revoked: req.params.id };
    },
  );
}

/**
 * A login form on another site must not log anyone in. Browsers say where a form came from in Sec-Fetch-Site; with
 * our no-referrer policy their Origin is "null", so Origin is checked only when it names a site.
 */
function fromOwnOrigin(req: FastifyRequest): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin' || site === 'none';
  const origin = req.headers.origin;
  if (origin === undefined || origin === 'null') return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
