// The numeric form of a passport's QR text (spec section 2) back to its JWS. Apart from qr-text.ts, which the boot
// script loads to recognise a passport among decoded codes: this is needed only to verify one, in the app's own
// script, and its tables are made when first used.

import { byteText } from './base64url.ts';
import { MAX_QR_TEXT_CHARS } from './qr-text.ts';

/** The numeric form: each character c becomes two digits, c.charCodeAt(0) - 45. Undefined when not well-formed. */
export function numericToJws(digits: string): string | undefined {
  const characters = numericToJwsBytes(digits);
  return characters && byteText(characters);
}

/**
 * numericToJws with each character of the JWS as one byte (its code, 45 to 144): a JWS's characters are ASCII, so
 * these are the bytes its signature covers, and base64url decodes its parts where they lie.
 */
export function numericToJwsBytes(digits: string): Uint8Array | undefined {
  return numericToJwsBytesReused(digits)?.slice();
}

/**
 * numericToJwsBytes in a buffer that the next call reuses: the bytes are good only until the caller next yields. A new
 * array of a passport's size is allocated outside the JavaScript heap, which costs more than decoding it;
 * verifyPassport hands these bytes to WebCrypto, which copies them before it returns.
 */
export function numericToJwsBytesReused(digits: string): Uint8Array | undefined {
  const count = digits.length;
  if (count === 0 || count % 2 !== 0) return undefined;
  scratch ??= new Uint8Array(MAX_QR_TEXT_CHARS);
  const bytes = count <= scratch.length ? scratch : new Uint8Array(count);
  // the digits as bytes in one native call (much quicker than charCodeAt over a long string), read two at a time
  const { read, written } = asciiEncoder.encodeInto(digits, bytes);
  if (read !== count || written !== count) return undefined; // not all ASCII, so not all digits
  const length = count / 2;
  // each character written in place of its digits: character i over digits 2i and 2i + 1, which are read first
  for (let i = 0, at = 0; i < length; i++, at += 2) {
    const tens = bytes[at]! - 48; // '0' is 48
    const units = bytes[at + 1]! - 48;
    if (tens >>> 0 > 9 || units >>> 0 > 9) return undefined; // not a digit (below '0' wraps round to a large number)
    bytes[i] = tens * 10 + units + 45;
  }
  return bytes.subarray(0, length);
}

const asciiEncoder = new TextEncoder();
/** Reused by numericToJwsBytesReused; a passport's digits fit (section 2: 4,091). */
let scratch: Uint8Array | undefined;
