// Strict base64url (RFC 7515 section 2): the URL-safe alphabet, no padding, no white space.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Each byte's value as a base64url character, or -1: a byte of any other character (UTF-8 or not) is refused. */
const VALUE = new Int8Array(256).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

export const BASE64URL_RUN = /^[A-Za-z0-9_-]*$/;

/**
 * Decodes canonical base64url without padding; returns undefined for anything that is not exactly that.
 * With `loose`, non-zero unused bits in the last character are tolerated (the bytes are the same).
 */
export function decodeBase64url(text: string, mode: 'canonical' | 'loose' = 'canonical'): Uint8Array | undefined {
  // a character outside the alphabet stays outside it as UTF-8 bytes (all of them 0x80 or more), so the answer is the same
  const bytes = utf8(text);
  return decodeBase64urlBytes(bytes, 0, bytes.length, mode);
}

/**
 * decodeBase64url over the characters in bytes[start, end) (one byte a character): a compact JWS held as bytes is
 * decoded part by part where it lies, with no string or copy in between. With `into`, the bytes are decoded to its
 * start when they fit (a view of them is returned), else to a new array.
 */
export function decodeBase64urlBytes(
  bytes: Uint8Array,
  start: number,
  end: number,
  mode: 'canonical' | 'loose' = 'canonical',
  into?: Uint8Array,
): Uint8Array | undefined {
  const length = end - start;
  const tail = length % 4;
  if (tail === 1) return undefined;
  const size = Math.floor((length * 3) / 4);
  const out = into !== undefined && size <= into.length ? into.subarray(0, size) : new Uint8Array(size);
  // -1 for a character outside the alphabet: OR-ed together, any one of them makes `refused` negative
  let refused = 0;
  let o = 0;
  let i = start;
  for (const whole = end - tail; i < whole; i += 4) {
    const a = VALUE[bytes[i]!]!;
    const b = VALUE[bytes[i + 1]!]!;
    const c = VALUE[bytes[i + 2]!]!;
    const d = VALUE[bytes[i + 3]!]!;
    refused |= a | b | c | d;
    const group = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = group >> 16;
    out[o++] = group >> 8;
    out[o++] = group;
  }
  // RFC 4648 3.5: the unused bits of the last character must be zero, so each byte string has exactly one encoding
  // and a re-encoded token (or lst) is not taken for the original
  if (tail === 2) {
    const a = VALUE[bytes[i]!]!;
    const b = VALUE[bytes[i + 1]!]!;
    refused |= a | b;
    out[o] = (a << 2) | (b >> 4);
    if (mode === 'canonical' && (b & 0x0f) !== 0) return undefined;
  } else if (tail === 3) {
    const a = VALUE[bytes[i]!]!;
    const b = VALUE[bytes[i + 1]!]!;
    const c = VALUE[bytes[i + 2]!]!;
    refused |= a | b | c;
    out[o] = (a << 2) | (b >> 4);
    out[o + 1] = (b << 4) | (c >> 2);
    if (mode === 'canonical' && (c & 0x03) !== 0) return undefined;
  }
  return refused < 0 ? undefined : out;
}

export function encodeBase64url(bytes: Uint8Array): string {
  let text = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    text += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    text += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    text += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!;
  }
  return text;
}

// ignoreBOM keeps a byte order mark in the text, so JSON.parse refuses it: a BOM before JSON is not JSON (RFC 8259)
const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Encoder = new TextEncoder();

export function utf8(text: string): Uint8Array {
  return utf8Encoder.encode(text);
}

/** Each byte as the character with that code (ISO 8859-1): the text of bytes that hold one character a byte. */
export function byteText(bytes: Uint8Array): string {
  let text = '';
  // in pieces: a call's arguments are limited in number
  for (let start = 0; start < bytes.length; start += BYTE_TEXT_PIECE) {
    text += String.fromCharCode.apply(null, bytes.subarray(start, start + BYTE_TEXT_PIECE) as unknown as number[]);
  }
  return text;
}
const BYTE_TEXT_PIECE = 8192;

/** Decodes UTF-8, or undefined when the bytes are not valid UTF-8. */
export function fromUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8Decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Parses JSON that must be an object (not an array, not null); undefined otherwise. */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
