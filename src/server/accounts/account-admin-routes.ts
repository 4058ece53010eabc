// The coordinator's work on other people's accounts through the admin API (issue 10, point 2), as the CLI's
// `admin account` does it: list, add (a generated password, shown once), disable and enable, reset a password (shown
// once), and each account's API tokens (a new one's secret shown once; revoking is POST /admin/api/tokens/:id/revoke).
// None of these routes names an access, so they are the coordinator's only (rights.ts): others get 403 and an audit.

import type { FastifyInstance, FastifyReply, onRequestAsyncHookHandler } from 'fastify';
import type { SchemeContext } from '../context.ts';
import { requireSameOriginJson } from '../http/auth.ts';
import { problem } from '../http/problem.ts';
import { ISS, objectOf } from '../http/schemas.ts';
import { addAccount, disableAccount, enableAccount, findAccount, listAccounts, resetPassword, type Role } from './account-store.ts';
import { createApiToken, listApiTokens } from './api-tokens.ts';
import { generatePassword } from './passwords.ts';

type AddBody = { name: string; role: Role; iss?: string; partnerId?: string };
type Named = { name: string };

const NAME = { type: 'string', minLength: 1, maxLength: 64 } as const;

export function accountAdminRoutes(app: FastifyInstance, ctx: SchemeContext, admin: onRequestAsyncHookHandler): void {
  const change = { onRequest: [admin, requireSameOriginJson], bodyLimit: 4096 };
  const named = { params: objectOf({ name: NAME }, ['name']) };
  const refused = (reply: FastifyReply, message: string) => problem(reply, message.startsWith('There is no account') ? 404 : 400, 'refused', message);

  app.get('/admin/api/accounts', { onRequest: admin }, async () => ({ accounts: (await listAccounts(ctx.db)).map(({ id: _id, ...a }) => a) }));

  app.post<{ Body: AddBody }>(
    '/admin/api/accounts',
    {
      ...change,
      schema: {
        // addAccount says in words what is wrong with a name, role, issuer or partner
        body: objectOf({ name: NAME, role: { type: 'string', maxLength: 32 }, iss: ISS, partnerId: { type: 'string', maxLength: 64 } }, ['name', 'role']),
      },
    },
    async (req, reply) => {
      const { name, role, iss, partnerId } = req.body;
      const password = generatePassword();
      const added = await addAccount(ctx, { name, role, password, ...(iss !== undefined ? { iss } : {}), ...(partnerId !== undefined ? { partnerId } : {}) }, req.actor!);
      if (!added.ok) return problem(reply, 400, 'refused', added.problem.replace('--issuer', 'an issuer').replace('--partner', 'a partner'), {}, fieldOf(added.problem));
      const { id: _id, ...account } = added.account;
      return reply.code(201).send({ account, password });
    },
  );

  app.post<{ Params: Named }>('/admin/api/accounts/:name/disable', { ...change, schema: named }, async (req, reply) => {
    if (req.params.name.toLowerCase() === req.account!.name.toLowerCase()) return problem(reply, 400, 'refused', 'You cannot disable your own account: ask another coordinator.');
    const disabled = await disableAccount(ctx, req.params.name, req.actor!);
    return disabled.ok ? { disabled: req.params.name } : refused(reply, disabled.problem);
  });

  app.post<{ Params: Named }>('/admin/api/accounts/:name/enable', { ...change, schema: named }, async (req, reply) => {
    const enabled = await enableAccount(ctx, req.params.name, req.actor!);
    return enabled.ok ? { enabled: req.params.name } : refused(reply, enabled.problem);
  });

  app.post<{ Params: Named }>('/admin/api/accounts/:name/password', { ...change, schema: named }, async (req, reply) => {
    if (req.params.name.toLowerCase() === req.account!.name.toLowerCase()) return problem(reply, 400, 'refused', 'Change your own password with your current one (Your account).');
    const password = generatePassword();
    const reset = await resetPassword(ctx, req.params.name, password, req.actor!);
    return reset.ok ? { name: req.params.name, password } : refused(reply, reset.problem);
  });

  app.get<{ Params: Named }>('/admin/api/accounts/:name/tokens', { onRequest: admin, schema: named }, async (req, reply) => {
    const account = await findAccount(ctx.db, req.params.name);
    if (!account) return refused(reply, `There is no account named ${req.params.name}.`);
    return { name: account.name, tokens: await listApiTokens(ctx.db, account.id) };
  });

  app.post<{ Params: Named; Body: { label: string } }>(
    '/admin/api/accounts/:name/tokens',
    { ...change, schema: { ...named, body: objectOf({ label: { type: 'string', minLength: 1, maxLength: 80 } }, ['label']) } },
    async (req, reply) => {
      const account = await findAccount(ctx.db, req.params.name);
      if (!account) return refused(reply, `There is no account named ${req.params.name}.`);
      if (account.disabled) return problem(reply, 400, 'refused', `The account ${account.name} is disabled: enable it first.`);
      const label = req.body.label.trim();
      if (label === '') return problem(reply, 400, 'refused', 'Say what the token is for.', {}, 'label');
      const created = await createApiToken(ctx, account, label, req.actor!);
      return reply.code(201).send({ ...created, account: account.name });
    },
  );
}

/** The form field a refusal of addAccount is about, so the page can show it beside that field. */
function fieldOf(message: string): string {
  if (/^The role/.test(message)) return 'role';
  if (/issuer/i.test(message)) return 'iss';
  if (/partner/i.test(message)) return 'partnerId';
  if (/characters\.$/.test(message)) return 'password';
  return 'name';
}
