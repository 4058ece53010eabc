// What the service (and the admin CLI) does before its first request: check that the keys belong to the database
// (or make a fresh one theirs), bring keys and issuers into it, seed the demo on first run, make the first accounts,
// make sure every issuer has a signed list and the bundle is current. All under one advisory lock, so instances starting together on one
// PostgreSQL server take turns (the second finds the first one's work done).

import { prepareAccounts } from './accounts/first-accounts.ts';
import type { SchemeContext } from './context.ts';
import { STARTUP_LOCK } from './db/lock-keys.ts';
import { registerKeys } from './keys/register-keys.ts';
import { claimScheme } from './keys/scheme-record.ts';
import { refreshStatusListsIfDue } from './publication/status-lists.ts';
import { publishTrustBundle, refreshTrustBundleIfDue } from './publication/trust-bundle.ts';
import { seedDemoIfEmpty } from './seed/demo-seed.ts';

/**
 * Returns whether the demo was seeded. Throws SchemeRefused (src/server/keys/scheme-record.ts), before writing
 * anything, when the keys are not the database's: a real scheme without its keys, another root, the demo with real keys.
 */
export async function prepareScheme(ctx: SchemeContext, options: { seedDemo: boolean; firstCoordinatorPassword?: string | undefined }): Promise<boolean> {
  return ctx.db.withLock(STARTUP_LOCK, async () => {
    await claimScheme(ctx.db, ctx.keys);
    const keysChanged = await registerKeys(ctx.db, ctx.keys);
    // the demo is seeded only into the demo: a real scheme's register never gets the demo's passports
    const seeded = options.seedDemo && ctx.keys.demo ? await seedDemoIfEmpty(ctx) : false;
    // a scheme with no account yet: the demo's three, or the first coordinator from ADMIN_PASSWORD (once)
    await prepareAccounts(ctx, options);
    await refreshStatusListsIfDue(ctx);
    if (keysChanged) await publishTrustBundle(ctx, 'keys or issuers changed');
    else await refreshTrustBundleIfDue(ctx);
    return seeded;
  });
}
