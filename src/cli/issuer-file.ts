// An issuer file for `bundle`: {"iss","name","cats":[...],"keys":[path or inline JWK, ...],"contact":{...}}.
// Key paths are relative to the issuer file; a private key is reduced to its public part (spec section 3:
// a bundle never carries private members).

import { CATEGORIES, CONTACT_TEXT_MAX, CONTACT_WEB_MAX, readIssuerContact, readPublicJwk, withoutPrivate, type BundleIssuer, type Category, type PublicJwk } from '../core/index.ts';
import { usageError } from './errors.ts';
import { readJsonFile } from './inputs.ts';
import type { CliIo } from './io.ts';

export async function readIssuerFile(io: CliIo, path: string): Promise<BundleIssuer> {
  const value = await readJsonFile(io, path, '--issuer');
  const bad = (problem: string): never => usageError(`--issuer file ${path}: ${problem}`);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return bad('must be a JSON object {"iss","name","cats","keys"}');
  const { iss, name, cats, keys, contact } = value as Record<string, unknown>;
  if (typeof iss !== 'string' || iss.length === 0 || [...iss].length > 64) return bad('"iss" must be 1 to 64 characters');
  if (typeof name !== 'string' || name.trim().length === 0) return bad('"name" (the display name) is required');
  if (!Array.isArray(cats) || cats.length === 0) return bad(`"cats" must list categories (${CATEGORIES.join(', ')})`);
  for (const cat of cats) {
    if (!(CATEGORIES as readonly unknown[]).includes(cat)) return bad(`unknown category ${JSON.stringify(cat)} (known: ${CATEGORIES.join(', ')})`);
  }
  if (!Array.isArray(keys) || keys.length === 0) return bad('"keys" must list at least one public key file or JWK');

  const publicKeys: PublicJwk[] = [];
  for (const [position, entry] of keys.entries()) {
    const where = typeof entry === 'string' ? `key file ${entry}` : `key ${position + 1}`;
    const jwk = typeof entry === 'string' ? await readJsonFile(io, io.besideFile(path, entry), `--issuer ${path}: key`) : entry;
    const read = typeof jwk === 'object' && jwk !== null ? readPublicJwk(withoutPrivate(jwk as Record<string, unknown>)) : undefined;
    if (!read?.ok) return bad(`${where} is not a JWK of a P-256 or Ed25519 key`);
    publicKeys.push(read.jwk);
  }
  // spec section 8: verifiers would ignore a malformed contact, so refuse to sign one rather than lose it quietly
  const readContact = readIssuerContact(contact);
  if (contact !== undefined && readContact === undefined && !isEmptyContact(contact)) {
    return bad(`"contact" must be {"phone", "hours", "web"}, each text of at most ${CONTACT_TEXT_MAX} characters (web at most ${CONTACT_WEB_MAX}, an https: address)`);
  }
  return { iss, name, cats: cats as Category[], keys: publicKeys, ...(readContact ? { contact: readContact } : {}) };
}

function isEmptyContact(value: unknown): boolean {
  return value === null || (typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string' && v.trim() === ''));
}
