// `carers-passport admin passport ...`: the passport register from the command line (issue, renew, revoke,
// suspend, reinstate, list), with the same checks and audit as the admin page.

import { usageError } from '../errors.ts';
import { oneOf, required, timeFlag } from '../inputs.ts';
import type { CliIo } from '../io.ts';
import { jsonText, writeOutput } from '../outputs.ts';
import type { AdminScheme } from './admin-scheme.ts';

export type PassportFlags = Partial<Record<'iss' | 'cat' | 'name' | 'jti' | 'nbf' | 'exp' | 'qr' | 'search' | 'from' | 'to' | 'out' | 'layout', string | undefined>>;

export async function adminPassport(scheme: AdminScheme, io: CliIo, positionals: string[], flags: PassportFlags): Promise<void> {
  const register = await import('../../server/register/passport-register.ts');
  const { ctx, actor } = scheme;
  const action = oneOf(positionals[0] ?? '', 'admin passport', ['issue', 'renew', 'revoke', 'suspend', 'reinstate', 'list', 'cards', 'card']);
  if (action === 'cards' || action === 'card') {
    const { adminCards } = await import('./admin-cards.ts');
    return adminCards(scheme, io, positionals, flags);
  }
  const dates = {
    ...(flags.nbf === undefined ? {} : { nbf: timeFlag(flags.nbf, '--nbf') }),
    ...(flags.exp === undefined ? {} : { exp: timeFlag(flags.exp, '--exp') }),
  };
  if (action === 'list') {
    io.stdout(jsonText(await register.listPassports(ctx.db, { search: flags.search ?? '', limit: 1000 })));
    return;
  }
  if (action === 'issue') {
    const issued = await register.issuePassport(ctx, {
      iss: required(flags.iss, '--iss', 'ISSUER'),
      cat: required(flags.cat, '--cat', 'CATEGORY'),
      name: required(flags.name, '--name', 'NAME'),
      actor,
      ...(flags.jti === undefined ? {} : { jti: flags.jti }),
      ...dates,
    });
    if (!issued.ok) return usageError(issued.problem);
    await printSigned(io, issued, flags.qr);
    return;
  }
  const [, iss, jti] = positionals;
  if (!iss || !jti) return usageError(`admin passport ${action} needs ISSUER and PASSPORT_NUMBER`);
  if (action === 'renew') {
    const renewed = await register.renewPassport(ctx, { iss, jti, actor, ...dates, ...(flags.name === undefined ? {} : { name: flags.name }) });
    if (!renewed.ok) return usageError(renewed.problem);
    await printSigned(io, renewed, flags.qr);
    return;
  }
  const changed = await register.changePassportStatus(ctx, { iss, jti, action, actor });
  if (!changed.ok) return usageError(changed.problem);
  io.stdout(jsonText({ passport: changed.entry }));
}

async function printSigned(io: CliIo, signed: { entry: unknown; token: string; qrText: string }, qrPath: string | undefined): Promise<void> {
  if (qrPath !== undefined) {
    const { passportQrSvg } = await import('../../server/admin/qr-svg.ts');
    await writeOutput(io, qrPath, await passportQrSvg(signed.qrText), { kind: 'public', force: true });
  }
  io.stdout(jsonText({ passport: signed.entry, token: signed.token, qrText: signed.qrText }));
}
