// QR text <-> compact JWS (spec section 2 and section 5, row 1).


const PREFIX = 'CP1:/';
const BARE_JWS_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** Spec section 2: QR text at most 4,096 characters (code points), measured after trimming (section 8). */
export const MAX_QR_TEXT_CHARS = 4096;
/**
 * Raw length (UTF-16 units) past which a text is refused without being read through: 4,096 code points take at
 * most 8,192 units, and this leaves 8,192 more for surrounding white space, far more than any scanner sends.
 */
export const MAX_RAW_QR_UNITS = 16_384;

export type QrShape =
  | { kind: 'numeric'; digits: string; text: string }
  | { kind: 'bare'; jws: string; text: string }
  | { kind: 'none' };

/** Row 1 and row 2's size limit: a passport shape over 4,096 characters is 'too-long' (MALFORMED). */
export type QrReading = QrShape | { kind: 'too-long' };

const PREFIX_AT_START = /^cp1:\//i;
/** The start of a bare JWS: a run, then at most two more after dots (the text may go on past what is looked at). */
const BARE_JWS_START = /^[A-Za-z0-9_-]+(?:\.(?:[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]*)?)?)?$/;

/**
 * Reads scanned text as row 1 (shape) and the size limit of row 2, with work bounded by the limit whatever the
 * input's size: a text longer than MAX_RAW_QR_UNITS is judged on its first MAX_RAW_QR_UNITS units only (a passport
 * shape there: too long; anything else: not a passport), never trimmed, matched or counted in full.
 */
export function readQrText(raw: string): QrReading {
  if (raw.length > MAX_RAW_QR_UNITS) {
    const head = raw.slice(0, MAX_RAW_QR_UNITS).trimStart();
    return PREFIX_AT_START.test(head) || BARE_JWS_START.test(head.trimEnd()) ? { kind: 'too-long' } : { kind: 'none' };
  }
  const shape = recogniseQrText(raw);
  if (shape.kind !== 'none' && codePointLength(shape.text) > MAX_QR_TEXT_CHARS) return { kind: 'too-long' };
  return shape;
}

/** Code points; only texts that might be over the limit are counted one by one (at most MAX_RAW_QR_UNITS). */
function codePointLength(text: string): number {
  if (text.length <= MAX_QR_TEXT_CHARS) return text.length;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // a high surrogate followed by a low one is one code point
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/** Row 1 of the verdict table: shape alone, after trimming white space. */
export function recogniseQrText(raw: string): QrShape {
  const text = raw.trim();
  if (text.length >= PREFIX.length && text.slice(0, PREFIX.length).toUpperCase() === PREFIX) {
    return { kind: 'numeric', digits: text.slice(PREFIX.length), text };
  }
  if (BARE_JWS_SHAPE.test(text)) return { kind: 'bare', jws: text, text };
  return { kind: 'none' };
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

/** True when the text has a passport's shape (row 1): the `CP1:/` prefix in any case, or a bare compact JWS. */
export function isPassportShaped(raw: string): boolean {
  return recogniseQrText(raw).kind !== 'none';
}

/**
 * Of all codes read in one picture, the one to check: the first shaped like a passport, else the first of the others
 * (a shop's promotion beside the passport must never hide it). Undefined when nothing was read.
 */
export function choosePassportText(texts: readonly string[]): string | undefined {
  return texts.find(isPassportShaped) ?? texts[0];
}
