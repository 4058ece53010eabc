// The root key(s) a build of the app pins (spec section 3), and whether it is the demo build. A real scheme names its
// root public key(s) at build time: CP_APP_ROOTS_FILE=path/to/roots.json (one public JWK, or an array of them).
// Without it, a build next to a real scheme's service (`npm start` with CP_ROOT_KEY_FILE) pins that root's public
// part; without either, the build pins the demo root and is the demo build: demo data, and the demo staff PIN.

import { readFileSync } from 'node:fs';
import { readPublicJwk, withoutPrivate, type PublicJwk } from '../core/index.ts';
import { DEMO_ROOT_PUBLIC } from '../demo/demo-scheme.ts';

export const APP_ROOTS_VARIABLE = 'CP_APP_ROOTS_FILE';

export type AppRoots = { roots: PublicJwk[]; demo: boolean };

export function appRoots(env: Record<string, string | undefined> = process.env): AppRoots {
  const file = env[APP_ROOTS_VARIABLE] || env.CP_ROOT_KEY_FILE;
  if (!file) return { roots: [DEMO_ROOT_PUBLIC], demo: true };
  const variable = env[APP_ROOTS_VARIABLE] ? APP_ROOTS_VARIABLE : 'CP_ROOT_KEY_FILE';
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    // the parser's words could quote the file, so only say which file and what kind of problem
    const problem = (error as NodeJS.ErrnoException).code ?? 'not JSON';
    throw new Error(`${variable}: cannot read ${file} (${problem})`);
  }
  const roots = (Array.isArray(parsed) ? parsed : [parsed]).map((value, n) => {
    // only public members reach the app, even if the file was given a private key by mistake
    const read = readPublicJwk(typeof value === 'object' && value !== null ? withoutPrivate(value as Record<string, unknown>) : value);
    if (!read.ok) throw new Error(`${variable}: key ${n + 1} in ${file} is not a public key the app can pin (${read.problem})`);
    return read.jwk;
  });
  if (roots.length === 0) throw new Error(`${variable}: ${file} names no key`);
  // the demo root's private key is in this repository: a build pinning it would trust what anyone can sign
  if (roots.some((r) => r.kid === DEMO_ROOT_PUBLIC.kid)) throw new Error(`${variable}: ${file} is the DEMO root, published with this project: pin the scheme's own root`);
  return { roots, demo: false };
}
