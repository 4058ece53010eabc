// `carers-passport admin account add|list|disable|token`: the scheme's named accounts (issue 10, point 2). A new
// account's password is generated and printed once, or read from standard input with --password-stdin; an API
// token's secret is printed once. Neither is ever stored or printed again.

import { usageError } from '../errors.ts';
import { oneOf } from '../inputs.ts';
import type { CliIo } from '../io.ts';
import { jsonText } from '../outputs.ts';
import type { AdminScheme } from './admin-scheme.ts';

export type AccountFlags = { name?: string | undefined; role?: string | undefined; issuer?: string | undefined; partner?: string | undefined; label?: string | undefined; passwordStdin: boolean };

export async function adminAccount(scheme: AdminScheme, io: CliIo, positionals: string[], flags: AccountFlags): Promise<void> {
  const store = await import('../../server/accounts/account-store.ts');
  const action = oneOf(positionals[0] ?? '', 'admin account', ['add', 'list', 'disable', 'token']);
  if (action === 'list') {
    io.stdout(jsonText((await store.listAccounts(scheme.ctx.db)).map(({ id: _id, ...account }) => account)));
    return;
  }
  if (action === 'add') {
    if (flags.name === undefined) return usageError('admin account add needs --name NAME');
    const role = oneOf(flags.role ?? '', '--role', store.ROLES);
    const { generatePassword } = await import('../../server/accounts/passwords.ts');
    // a password from stdin: its last line ending is the terminal's or echo's, not the password's
    const given = flags.passwordStdin ? (await io.readStdin()).replace(/\r?\n$/, '') : undefined;
    const password = given ?? generatePassword();
    const added = await store.addAccount(
      scheme.ctx,
      { name: flags.name, role, password, ...(flags.issuer !== undefined ? { iss: flags.issuer } : {}), ...(flags.partner !== undefined ? { partnerId: flags.partner } : {}) },
      scheme.actor,
    );
    if (!added.ok) return usageError(added.problem);
    const { id: _id, ...account } = added.account;
    io.stdout(jsonText(given === undefined ? { account, password, note: 'The password is shown only now: give it to its owner, who can change it on the admin page.' } : { account }));
    return;
  }
  const name = positionals[1];
  if (!name) return usageError(`admin account ${action} needs an account NAME`);
  if (action === 'disable') {
    const disabled = await store.disableAccount(scheme.ctx, name, scheme.actor);
    if (!disabled.ok) return usageError(disabled.problem);
    io.stdout(jsonText({ disabled: name }));
    return;
  }
  if (flags.label === undefined || flags.label.trim() === '') return usageError('admin account token needs --label (what the token is for)');
  const account = await store.findAccount(scheme.ctx.db, name);
  if (!account) return usageError(`There is no account named ${name}.`);
  if (account.disabled) return usageError(`The account ${account.name} is disabled.`);
  const { createApiToken } = await import('../../server/accounts/api-tokens.ts');
  const token = await createApiToken(scheme.ctx, account, flags.label.trim().slice(0, 80), scheme.actor);
  io.stdout(jsonText({ ...token, account: account.name, note: 'The secret is shown only now. Send it as "Authorization: Bearer <token>", or HTTP Basic with the id and secret.' }));
}
