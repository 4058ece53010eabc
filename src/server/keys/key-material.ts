// The scheme's private keys: files named by env vars in a real deployment; without them the demo keys, which only a
// fresh or demo database accepts (keys/scheme-record.ts).
// Private keys never reach the database; only their public parts do (scheme_keys).
//
//   CP_ROOT_KEY_FILE     a private JWK (P-256 or Ed25519): the root that signs trust bundles and enrolment codes
//   CP_ISSUERS_FILE      JSON: [{ "iss", "name", "cats": [...], "keyFile": "path to the issuer's private JWK",
//                        "contact": { "phone", "hours", "web" } (optional, spec section 8) }]
//                        (keyFile relative to the issuers file; private key files should be mode 0600)
//   CP_SCHEME_ID         the bundle's iss (default llr-carers-passport)
//   CP_SCHEME_NAME       the scheme's name on cards, letters and the phone copy (default "Carers Passport")

import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CATEGORIES, readIssuerContact, readPrivateJwk, type Category, type IssuerContact, type PrivateJwk } from '../../core/index.ts';
import { DEMO_ISSUERS, DEMO_ROOT_PUBLIC, DEMO_ROOT_PRIVATE, DEMO_SCHEME_ID, DEMO_SCHEME_NAME } from '../../demo/demo-scheme.ts';

export type IssuerMaterial = {
  iss: string;
  name: string;
  cats: Category[];
  key: PrivateJwk;
  /** spec section 8: written into the trust bundle, printed on cards and letters, shown on the phone copy. */
  contact?: IssuerContact;
  /** The demo names its first list's uri; otherwise lists are named under the service's own address. */
  firstStatusUri?: string;
};

export type KeyMaterial = {
  demo: boolean;
  schemeId: string;
  /** The scheme's name as carers see it (cards, letters, the phone copy); default DEFAULT_SCHEME_NAME. */
  schemeName?: string;
  root: PrivateJwk;
  issuers: IssuerMaterial[];
};

export const DEFAULT_SCHEME_NAME = 'Carers Passport';

export function schemeNameOf(keys: Pick<KeyMaterial, 'schemeName'>): string {
  return keys.schemeName ?? DEFAULT_SCHEME_NAME;
}

export function demoKeyMaterial(): KeyMaterial {
  return {
    demo: true,
    schemeId: DEMO_SCHEME_ID,
    schemeName: DEMO_SCHEME_NAME,
    root: DEMO_ROOT_PRIVATE,
    issuers: DEMO_ISSUERS.map(({ iss, name, cats, key, statusUri, contact }) => ({ iss, name, cats: [...cats], key, contact, firstStatusUri: statusUri })),
  };
}

export type KeyFileOptions = { /** Hears a private key file readable by other users (default: stderr). */ warn?: (line: string) => void };

/**
 * The configured keys; without CP_ROOT_KEY_FILE the demo's, which only a fresh or demo database accepts
 * (keys/scheme-record.ts). Errors name the file and the problem, never what the file holds.
 */
export async function loadKeyMaterial(env: NodeJS.ProcessEnv, options: KeyFileOptions = {}): Promise<KeyMaterial> {
  const warn = options.warn ?? ((line: string) => console.warn(line));
  const rootFile = env.CP_ROOT_KEY_FILE;
  if (!rootFile) return demoKeyMaterial();
  const root = await readPrivateJwk(readKeyFile(rootFile, 'CP_ROOT_KEY_FILE', warn));
  if (!root) throw new Error(`CP_ROOT_KEY_FILE ${rootFile} is not a private P-256 or Ed25519 JWK`);
  // the demo's private keys are in this repository: a real scheme on them could be forged by anyone
  if (isDemoKid(root.kid)) throw new Error(`CP_ROOT_KEY_FILE ${rootFile} is the DEMO root key, published with this project: make the scheme's own (carers-passport keygen)`);
  const issuersFile = env.CP_ISSUERS_FILE;
  if (!issuersFile) throw new Error('CP_ROOT_KEY_FILE is set but CP_ISSUERS_FILE is not');
  const list = readJson(issuersFile, 'CP_ISSUERS_FILE');
  if (!Array.isArray(list)) throw new Error(`CP_ISSUERS_FILE ${issuersFile} is not a JSON array`);
  const issuers: IssuerMaterial[] = [];
  for (const entry of list as unknown[]) {
    const { iss, name, cats, keyFile, contact } = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    if (typeof iss !== 'string' || typeof name !== 'string' || typeof keyFile !== 'string') {
      throw new Error(`CP_ISSUERS_FILE ${issuersFile}: each issuer needs iss, name and keyFile`);
    }
    if (!Array.isArray(cats) || !cats.every((c) => (CATEGORIES as readonly unknown[]).includes(c))) {
      throw new Error(`CP_ISSUERS_FILE ${issuersFile}: issuer ${iss} needs cats from ${CATEGORIES.join(', ')}`);
    }
    // spec section 8 ignores a malformed contact in a bundle; the scheme's own file says it at the start instead
    const readContact = contact === undefined ? undefined : readIssuerContact(contact);
    if (contact !== undefined && !readContact) {
      throw new Error(`CP_ISSUERS_FILE ${issuersFile}: the contact of issuer ${iss} is malformed (phone and hours: text of at most 64 characters; web: an https: address of at most 200)`);
    }
    const path = resolve(dirname(issuersFile), keyFile);
    const key = await readPrivateJwk(readKeyFile(path, `the key file of issuer ${iss}`, warn));
    if (!key) throw new Error(`CP_ISSUERS_FILE: the key file ${path} of ${iss} is not a private P-256 or Ed25519 JWK`);
    if (isDemoKid(key.kid)) throw new Error(`CP_ISSUERS_FILE: the key file ${path} of ${iss} is a DEMO key, published with this project: make the issuer's own (carers-passport keygen)`);
    issuers.push({ iss, name, cats: cats as Category[], key, ...(readContact ? { contact: readContact } : {}) });
  }
  if (issuers.length === 0) throw new Error(`CP_ISSUERS_FILE ${issuersFile} names no issuer`);
  if (new Set(issuers.map((i) => i.iss)).size !== issuers.length) throw new Error(`CP_ISSUERS_FILE ${issuersFile} names an issuer twice`);
  const schemeName = env.CP_SCHEME_NAME?.trim() || DEFAULT_SCHEME_NAME;
  return { demo: false, schemeId: env.CP_SCHEME_ID || 'llr-carers-passport', schemeName, root, issuers };
}

/** A private key file: read as JSON, with a warning when other users may read it (it should be 0600). */
function readKeyFile(path: string, what: string, warn: (line: string) => void): unknown {
  const value = readJson(path, what);
  if (process.platform !== 'win32') {
    const mode = statSync(path).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      warn(`Warning: the private key file ${path} (${what}) can be read by other users (mode 0${mode.toString(8)}): chmod 600 ${path}`);
    }
  }
  return value;
}

/** Never repeats the parser's message: it quotes the text near the fault, which can be part of a private key. */
function readJson(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : `error ${code ?? 'reading it'}`;
    throw new Error(`${what}: cannot read ${path}: ${why}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${what}: ${path} is not valid JSON`);
  }
}

/** A key of the demo scheme (its private parts are committed in src/demo): never a real scheme's. */
export function isDemoKid(kid: string): boolean {
  return kid === DEMO_ROOT_PUBLIC.kid || DEMO_ISSUERS.some((i) => i.key.kid === kid);
}
