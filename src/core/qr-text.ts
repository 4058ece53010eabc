// QR text <-> compact JWS (spec section 2 and section 5, row 1).

const PREFIX = 'CP1:/';
const BARE_JWS_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const DIGITS = /^[0-9]*$/;

export type QrShape =
  | { kind: 'numeric'; digits: string; text: string }
  | { kind: 'bare'; jws: string; text: string }
  | { kind: 'none' };

/** Row 1 of the verdict table: shape alone, after trimming white space. */
export function recogniseQrText(raw: string): QrShape {
  const text = raw.trim();
  if (text.length >= PREFIX.length && text.slice(0, PREFIX.length).toUpperCase() === PREFIX) {
    return { kind: 'numeric', digits: text.slice(PREFIX.length), text };
  }
  if (BARE_JWS_SHAPE.test(text)) return { kind: 'bare', jws: text, text };
  return { kind: 'none' };
}

/** The numeric form: each character c becomes two digits, c.charCodeAt(0) - 45. Undefined when not well-formed. */
export function numericToJws(digits: string): string | undefined {
  if (digits.length === 0 || digits.length % 2 !== 0 || !DIGITS.test(digits)) return undefined;
  const codes = new Array<number>(digits.length / 2);
  for (let i = 0; i < digits.length; i += 2) {
    codes[i / 2] = (digits.charCodeAt(i) - 48) * 10 + (digits.charCodeAt(i + 1) - 48) + 45;
  }
  return String.fromCharCode(...codes);
}

export function jwsToNumeric(jws: string): string {
  let digits = '';
  for (let i = 0; i < jws.length; i++) {
    const value = jws.charCodeAt(i) - 45;
    if (value < 0 || value > 99) throw new RangeError(`character ${jws[i]} cannot be put in the numeric form`);
    digits += value < 10 ? `0${value}` : String(value);
  }
  return digits;
}

export function jwsToQrText(jws: string): string {
  return PREFIX + jwsToNumeric(jws);
}

export const QR_PREFIX = PREFIX;
