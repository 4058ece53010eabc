// Collection codes (issue 9, point 2): 12 characters of Crockford base32 (60 bits) in groups `XXXX-XXXX-XXXX`, short
// enough to read out over the phone. Read case-insensitively, ignoring dashes and spaces, with Crockford's
// look-alikes: O -> 0, I and L -> 1. The code carries nothing about the carer.

export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const COLLECTION_CODE_LENGTH = 12;
/** The fragment member the card page reads: `/card/#code=XXXX-XXXX-XXXX`. */
export const COLLECTION_CODE_FRAGMENT = 'code';

/** Makes a code from 12 random bytes (each byte's low 5 bits; the caller gives the randomness). */
export function makeCollectionCode(random: Uint8Array): string {
  if (random.length < COLLECTION_CODE_LENGTH) throw new RangeError('a collection code needs 12 random bytes');
  let text = '';
  for (let i = 0; i < COLLECTION_CODE_LENGTH; i++) text += CROCKFORD_ALPHABET[random[i]! & 31];
  return formatCollectionCode(text);
}

/** The canonical 12 characters (no dashes), or undefined when the text is not a code. */
export function normalizeCollectionCode(text: string): string | undefined {
  if (text.length > 64) return undefined;
  const squeezed = text.replace(/[\s-]/g, '').toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
  if (squeezed.length !== COLLECTION_CODE_LENGTH) return undefined;
  for (const character of squeezed) if (!CROCKFORD_ALPHABET.includes(character)) return undefined;
  return squeezed;
}

/** `XXXX-XXXX-XXXX` from a code in any accepted spelling (throws when it is not one). */
export function formatCollectionCode(text: string): string {
  const code = normalizeCollectionCode(text);
  if (!code) throw new RangeError('not a collection code');
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}`;
}

/** The code from a card page URL's fragment (`#code=...`), or undefined. */
export function collectionCodeFromFragment(hash: string): string | undefined {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get(COLLECTION_CODE_FRAGMENT);
  return value === null ? undefined : normalizeCollectionCode(value);
}
