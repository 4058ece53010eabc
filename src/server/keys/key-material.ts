// The scheme's private keys: the demo keys by default, or files named by env vars in a real deployment.
// Private keys never reach the database; only their public parts do (scheme_keys).
//
//   CP_ROOT_KEY_FILE     a private JWK (P-256 or Ed25519): the root that signs trust bundles and enrolment codes
//   CP_ISSUERS_FILE      JSON: [{ "iss", "name", "cats": [...], "keyFile": "path to the issuer's private JWK" }]
//                        (keyFile relative to the issuers file)
//   CP_SCHEME_ID         the bundle's iss (default llr-carers-passport)

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CATEGORIES, readPrivateJwk, type Category, type PrivateJwk } from '../../core/index.ts';
import { DEMO_ISSUERS, DEMO_ROOT_PRIVATE, DEMO_SCHEME_ID } from '../../demo/demo-scheme.ts';

export type IssuerMaterial = {
  iss: string;
  name: string;
  cats: Category[];
  key: PrivateJwk;
  /** The demo names its first list's uri; otherwise lists are named under the service's own address. */
  firstStatusUri?: string;
};

export type KeyMaterial = { demo: boolean; schemeId: string; root: PrivateJwk; issuers: IssuerMaterial[] };

export function demoKeyMaterial(): KeyMaterial {
  return {
    demo: true,
    schemeId: DEMO_SCHEME_ID,
    root: DEMO_ROOT_PRIVATE,
    issuers: DEMO_ISSUERS.map(({ iss, name, cats, key, statusUri }) => ({ iss, name, cats: [...cats], key, firstStatusUri: statusUri })),
  };
}

export async function loadKeyMaterial(env: NodeJS.ProcessEnv): Promise<KeyMaterial> {
  const rootFile = env.CP_ROOT_KEY_FILE;
  if (!rootFile) return demoKeyMaterial();
  const root = await readPrivateJwk(readJson(rootFile));
  if (!root) throw new Error(`CP_ROOT_KEY_FILE ${rootFile} is not a private P-256 or Ed25519 JWK`);
  const issuersFile = env.CP_ISSUERS_FILE;
  if (!issuersFile) throw new Error('CP_ROOT_KEY_FILE is set but CP_ISSUERS_FILE is not');
  const list = readJson(issuersFile);
  if (!Array.isArray(list)) throw new Error(`CP_ISSUERS_FILE ${issuersFile} is not a JSON array`);
  const issuers: IssuerMaterial[] = [];
  for (const entry of list as Record<string, unknown>[]) {
    const { iss, name, cats, keyFile } = entry;
    if (typeof iss !== 'string' || typeof name !== 'string' || typeof keyFile !== 'string') {
      throw new Error(`CP_ISSUERS_FILE: each issuer needs iss, name and keyFile`);
    }
    if (!Array.isArray(cats) || !cats.every((c) => (CATEGORIES as readonly unknown[]).includes(c))) {
      throw new Error(`CP_ISSUERS_FILE: issuer ${iss} needs cats from ${CATEGORIES.join(', ')}`);
    }
    const key = await readPrivateJwk(readJson(resolve(dirname(issuersFile), keyFile)));
    if (!key) throw new Error(`CP_ISSUERS_FILE: the key file of ${iss} is not a private P-256 or Ed25519 JWK`);
    issuers.push({ iss, name, cats: cats as Category[], key });
  }
  return { demo: false, schemeId: env.CP_SCHEME_ID || 'llr-carers-passport', root, issuers };
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as Error).message}`);
  }
}
