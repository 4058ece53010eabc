// The answers of POST /v1/card/collect and POST /v1/card/refresh, read at the edge: a malformed answer is undefined,
// never an exception. The contract is the service's (issue 9, point 2); when src/core/card-copy.ts from the service
// side lands, this file gives way to its readers.

import { readIssuerContact, type IssuerContact } from '../../core/issuer-contact.ts';
import { CATEGORIES, type Category } from '../../core/categories.ts';

/** What the register says of a passport now; only a `valid` copy carries its QR text. */
export type CardStatus = 'valid' | 'suspended' | 'revoked' | 'expired';
const STATUSES: readonly CardStatus[] = ['valid', 'suspended', 'revoked', 'expired'];

export type CardPassport = {
  qrText?: string;
  name: string;
  cat: Category;
  iss: string;
  issuerName: string;
  jti: string;
  /** Seconds since the epoch. */
  nbf: number;
  exp: number;
  status: CardStatus;
};

export type CollectAnswer = { passport: CardPassport & { status: 'valid'; qrText: string }; contact?: IssuerContact; schemeName: string; refreshToken: string };
export type RefreshAnswer = { passport: CardPassport; contact?: IssuerContact; schemeName: string };
export type Problem = { error: string; message: string };

export function readCollectAnswer(json: unknown): CollectAnswer | undefined {
  if (!isObject(json) || !isText(json.schemeName) || !isText(json.refreshToken)) return undefined;
  const passport = readCardPassport(json.passport);
  if (!passport || passport.status !== 'valid' || passport.qrText === undefined) return undefined;
  const contact = readIssuerContact(json.contact);
  return { passport: { ...passport, status: 'valid', qrText: passport.qrText }, ...(contact ? { contact } : {}), schemeName: json.schemeName, refreshToken: json.refreshToken };
}

export function readRefreshAnswer(json: unknown): RefreshAnswer | undefined {
  if (!isObject(json) || !isText(json.schemeName)) return undefined;
  const passport = readCardPassport(json.passport);
  if (!passport) return undefined;
  const contact = readIssuerContact(json.contact);
  return { passport, ...(contact ? { contact } : {}), schemeName: json.schemeName };
}

export function readProblem(json: unknown): Problem | undefined {
  return isObject(json) && isText(json.error) && typeof json.message === 'string' ? { error: json.error, message: json.message } : undefined;
}

export function readCardPassport(value: unknown): CardPassport | undefined {
  if (!isObject(value)) return undefined;
  const { qrText, name, cat, iss, issuerName, jti, nbf, exp, status } = value;
  if (!isText(name) || !isText(iss) || !isText(issuerName) || !isText(jti)) return undefined;
  if (!(CATEGORIES as readonly unknown[]).includes(cat) || !(STATUSES as readonly unknown[]).includes(status)) return undefined;
  if (!isSeconds(nbf) || !isSeconds(exp)) return undefined;
  // the QR is kept only while the passport is valid, and a valid passport must bring it
  const withQr = status === 'valid' && isText(qrText) && qrText.startsWith('CP1:/');
  if (status === 'valid' && !withQr) return undefined;
  return { ...(withQr ? { qrText: qrText as string } : {}), name, cat: cat as Category, iss, issuerName, jti, nbf, exp, status: status as CardStatus };
}

function isSeconds(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}
