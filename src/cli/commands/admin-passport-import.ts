// `carers-passport admin passport import FILE.csv [--dry-run]`: brings in an existing register (issue 10). Prints one
// summary line, then each refused row with its line; exit 0 when every row went in or was already there, else 1.

import { EXIT_INVALID, EXIT_VALID, usageError } from '../errors.ts';
import type { CliIo } from '../io.ts';
import type { AdminScheme } from './admin-scheme.ts';

export async function adminPassportImport(scheme: AdminScheme, io: CliIo, positionals: string[], dryRun: boolean): Promise<number> {
  const file = positionals[1];
  if (!file || positionals.length > 2) return usageError('admin passport import needs one FILE.csv');
  let csv: string;
  try {
    csv = await io.readText(file);
  } catch (error) {
    return usageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const { importRegister } = await import('../../server/register/import-register.ts');
  const result = await importRegister(scheme.ctx, csv, { actor: scheme.actor, dryRun });
  if (!result.ok) return usageError(`${file}: ${result.problem}`);
  const verb = dryRun ? 'would import' : 'imported';
  io.stdout(`${verb} ${result.imported}, already present ${result.alreadyPresent}, refused ${result.refused.length}${dryRun ? ' (dry run: nothing changed)' : ''}\n`);
  for (const row of result.refused) io.stdout(`line ${row.line}: ${row.reason}\n`);
  if (result.emailsIgnored) io.stderr('the email column was ignored: this scheme keeps no emails\n');
  return result.refused.length === 0 ? EXIT_VALID : EXIT_INVALID;
}
