// What the service (and the admin CLI) does before its first request: bring keys and issuers into the database,
// seed the demo on first run, make sure every issuer has a signed list and the bundle is current.

import type { SchemeContext } from './context.ts';
import { registerKeys } from './keys/register-keys.ts';
import { refreshStatusListsIfDue } from './publication/status-lists.ts';
import { publishTrustBundle, refreshTrustBundleIfDue } from './publication/trust-bundle.ts';
import { seedDemoIfEmpty } from './seed/demo-seed.ts';

/** Returns whether the demo was seeded. */
export async function prepareScheme(ctx: SchemeContext, options: { seedDemo: boolean }): Promise<boolean> {
  const keysChanged = await registerKeys(ctx.db, ctx.keys);
  const seeded = options.seedDemo ? await seedDemoIfEmpty(ctx) : false;
  await refreshStatusListsIfDue(ctx);
  if (keysChanged) await publishTrustBundle(ctx, 'keys or issuers changed');
  else await refreshTrustBundleIfDue(ctx);
  return seeded;
}
