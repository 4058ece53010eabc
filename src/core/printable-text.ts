// Text that people will see printed and on screens (a carer's name on a card, an issuer's contact, a ward's note):
// no control characters, no bidi overrides that reorder what follows, no lone surrogates, and something visible.
// A verifier still accepts any name a genuine passport carries (spec section 2); this is for what we write.

export const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/;
/** Characters that take no space of their own: soft hyphen, zero-width spaces and joiners, word joiner, BOM. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const INVISIBLE = /[\s\u00ad\u200b-\u200f\u2060\ufeff]/gu;

/** Whether a text can be printed as it is: no control or reordering characters, no lone surrogates, not blank. */
export function isPrintableText(text: string): boolean {
  return !UNPRINTABLE.test(text) && !LONE_SURROGATE.test(text) && text.replace(INVISIBLE, '') !== '';
}

/** A carer's name as the register keeps it (NFC, trimmed), or why it cannot be printed on a card. */
export function readCarerName(value: string, maxLength = 64): { ok: true; name: string } | { ok: false; problem: string } {
  const name = value.normalize('NFC').trim();
  if (name === '' || [...name].length > maxLength) return { ok: false, problem: `the carer's name must be 1 to ${maxLength} characters` };
  if (!isPrintableText(name)) return { ok: false, problem: "the carer's name holds a character that cannot be printed (a control or direction character, or nothing visible)" };
  return { ok: true, name };
}
