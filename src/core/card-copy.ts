// The carer's phone copy (issue 9, point 2): the shapes of `POST /v1/card/collect` and `POST /v1/card/refresh`, in
// one place for the service that answers them and the card page that reads them. Readers parse unknown JSON at the
// edge: a malformed answer is undefined, never an exception.

import { readIssuerContact, type IssuerContact } from './issuer-contact.ts';
import { isNumericDate, type NumericDate } from './numeric-date.ts';
import { CATEGORIES, type Category } from './categories.ts';

/** What the register says of a passport now; only a `valid` copy carries a QR. */
export type CardCopyStatus = 'valid' | 'suspended' | 'revoked' | 'expired';
export const CARD_COPY_STATUSES: readonly CardCopyStatus[] = ['valid', 'suspended', 'revoked', 'expired'];

export type CardCopyPassport = {
  /** The QR text (`CP1:/...`), present only while the passport is valid. */
  qrText?: string;
  name: string;
  cat: Category;
  iss: string;
  /** The issuer's name as the trust bundle gives it. */
  issuerName: string;
  /** The passport number; a renewal keeps it. */
  jti: string;
  nbf: NumericDate;
  exp: NumericDate;
  status: CardCopyStatus;
};

/** `POST /v1/card/collect` body. The code is read case-insensitively, ignoring dashes and spaces. */
export type CollectRequest = { code: string };

/** `POST /v1/card/collect`, 200: the passport once, with a token for this copy's later refreshes. */
export type CollectAnswer = {
  passport: CardCopyPassport & { status: 'valid'; qrText: string };
  contact?: IssuerContact;
  schemeName: string;
  refreshToken: string;
};

/** `POST /v1/card/refresh` body. */
export type RefreshRequest = { refreshToken: string };

/** `POST /v1/card/refresh`, 200: the passport as it is now (a renewal: same jti, new exp). */
export type RefreshAnswer = {
  passport: CardCopyPassport;
  contact?: IssuerContact;
  schemeName: string;
};

/**
 * The problem codes these endpoints answer (application/problem+json, `error` and `message`):
 * collect: 400 `malformed`; 404 `unknown-code`; 410 `collected` (used once already), `code-expired`,
 * `passport-cancelled` or `passport-expired`; 409 `passport-suspended` (the code stays usable) or `no-names` (the
 * register keeps no names); 429 `rate-limited`.
 * refresh: 401 `unknown-token` (never issued, or ended: a cancelled passport's copy is answered `revoked` for 90 days,
 * then its token is unknown).
 */
export type CardCopyError =
  | 'malformed' | 'unknown-code' | 'collected' | 'code-expired' | 'passport-cancelled' | 'passport-expired'
  | 'passport-suspended' | 'no-names' | 'rate-limited' | 'unknown-token';
export type CardCopyProblem = { error: CardCopyError | string; message: string };

/** `POST /admin/api/passports/{iss}/{jti}/collection`, and `collection` in the issue and renew answers. */
export type CollectionOffer = {
  /** `XXXX-XXXX-XXXX`, Crockford base32. */
  code: string;
  /** `${publicUrl}/card/#code=XXXX-XXXX-XXXX`: the code only in the fragment, never in a query. */
  url: string;
  expires: NumericDate;
};

export function readCollectAnswer(json: unknown): CollectAnswer | undefined {
  if (!isObject(json)) return undefined;
  const passport = readCardCopyPassport(json.passport);
  const schemeName = json.schemeName;
  const refreshToken = json.refreshToken;
  if (!passport || passport.status !== 'valid' || passport.qrText === undefined) return undefined;
  if (!isText(schemeName) || !isText(refreshToken)) return undefined;
  const contact = readIssuerContact(json.contact);
  return { passport: { ...passport, status: 'valid', qrText: passport.qrText }, ...(contact ? { contact } : {}), schemeName, refreshToken };
}

export function readRefreshAnswer(json: unknown): RefreshAnswer | undefined {
  if (!isObject(json)) return undefined;
  const passport = readCardCopyPassport(json.passport);
  const schemeName = json.schemeName;
  if (!passport || !isText(schemeName)) return undefined;
  const contact = readIssuerContact(json.contact);
  return { passport, ...(contact ? { contact } : {}), schemeName };
}

/** A problem answer's code and words, or undefined when the body is not one. */
export function readCardCopyProblem(json: unknown): CardCopyProblem | undefined {
  if (!isObject(json) || !isText(json.error) || typeof json.message !== 'string') return undefined;
  return { error: json.error, message: json.message };
}

export function readCardCopyPassport(value: unknown): CardCopyPassport | undefined {
  if (!isObject(value)) return undefined;
  const { qrText, name, cat, iss, issuerName, jti, nbf, exp, status } = value;
  if (!isText(name) || !isText(iss) || !isText(issuerName) || !isText(jti)) return undefined;
  if (!(CATEGORIES as readonly unknown[]).includes(cat)) return undefined;
  if (!isNumericDate(nbf) || !isNumericDate(exp)) return undefined;
  if (!(CARD_COPY_STATUSES as readonly unknown[]).includes(status)) return undefined;
  if (qrText !== undefined && !isText(qrText)) return undefined;
  // a QR is offered only while valid (issue 9: a cancelled copy no longer offers its QR as valid)
  const withQr = status === 'valid' && typeof qrText === 'string';
  if (status === 'valid' && !withQr) return undefined;
  return {
    ...(withQr ? { qrText } : {}),
    name, cat: cat as Category, iss, issuerName, jti, nbf, exp, status: status as CardCopyStatus,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}
