// `carers-passport admin passport cards|card`: printed cards from the register (issue 9), as the admin API makes
// them: a postal run of the passports issued or renewed on some days, each card followed by its letter with a new
// phone copy code; or one passport's card. The PDFs hold names and collection codes: written readable by you only.

import { usageError } from '../errors.ts';
import { oneOf, required } from '../inputs.ts';
import type { CliIo } from '../io.ts';
import { jsonText, writeOutput } from '../outputs.ts';
import type { AdminScheme } from './admin-scheme.ts';

export type CardsFlags = Partial<Record<'from' | 'to' | 'out' | 'layout', string | undefined>>;

export async function adminCards(scheme: AdminScheme, io: CliIo, positionals: string[], flags: CardsFlags): Promise<void> {
  const [{ makePostalRun }, { cardDetails, cardRefusal }, { findPassport }, cards] = await Promise.all([
    import('../../server/cards/postal-run.ts'),
    import('../../server/cards/card-details.ts'),
    import('../../server/register/passport-register.ts'),
    import('../../cards/index.ts'),
  ]);
  const { ctx, actor } = scheme;
  const out = required(flags.out, '--out', 'FILE.pdf');
  const layout = flags.layout === undefined ? 'id1' : oneOf(flags.layout, '--layout', ['id1', 'a4'] as const);
  let pdf: Uint8Array;
  try {
    if (positionals[0] === 'cards') {
      const run = await makePostalRun(ctx, { from: required(flags.from, '--from', 'YYYY-MM-DD'), to: required(flags.to, '--to', 'YYYY-MM-DD') }, {
        layout, actor, offersUrl: `${ctx.publicUrl}/offers`,
      });
      if (!run.ok) return usageError(run.message);
      pdf = run.pdf;
      io.stderr(`${run.count} cards with their letters${run.skipped ? `; ${run.skipped} left out (cancelled, suspended or expired)` : ''}\n`);
    } else {
      const [, iss, jti] = positionals;
      if (!iss || !jti) return usageError('admin passport card needs ISSUER and PASSPORT_NUMBER');
      const entry = await findPassport(ctx.db, iss, jti);
      if (!entry) return usageError(`no passport ${jti} of ${iss}`);
      const refusal = cardRefusal(entry, ctx.now());
      if (refusal) return usageError(refusal);
      pdf = await cards.renderCardsPdf([await cardDetails(ctx, entry)], { layout, title: `Carers Passport ${jti}` });
    }
  } catch (error) {
    if (error instanceof cards.CardTooLargeError) return usageError(error.message);
    throw error;
  }
  // names and single-use codes: mode 0600, like a private key, but a run may be written again over its file
  await writeOutput(io, out, pdf, { kind: 'private-key', force: true });
  io.stdout(jsonText({ written: out, bytes: pdf.byteLength }));
}
